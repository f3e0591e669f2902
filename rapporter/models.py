"""Models of the rapporter app (built by its own issue; see docs/architecture.md)."""
