"""Models of the deltagare app (built by its own issue; see docs/architecture.md)."""
