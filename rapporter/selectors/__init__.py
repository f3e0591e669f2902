"""Statistics, goals, economy and report reads, computed in the database."""
