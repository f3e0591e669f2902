"""Pages of the rapporter app, one module per feature."""
