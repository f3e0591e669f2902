"""Models of the remisser app (built by its own issue; see docs/architecture.md)."""
