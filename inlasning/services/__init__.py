"""Writes of the import (docs/inlasning.md): upload and mapping with their dry run, and the
start, in `uppladdning`; the import itself and the clean-up in `genomforande`."""
