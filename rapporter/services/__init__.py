"""Writes of the rapporter app: `mal`, `ekonomi` (the office's inputs) and `rapport`
(the board reports)."""
