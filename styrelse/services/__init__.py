"""Writes of the board's work. See docs/styrelse.md."""
