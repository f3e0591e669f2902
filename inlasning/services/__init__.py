"""Writes of the import (docs/inlasning.md): upload and mapping with their dry run in
`uppladdning`, the import itself and the clean-up in `genomforande`."""
