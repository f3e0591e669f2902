"""The core's pages, one module per concern: start, insatser, anvandare, logg, drift."""
