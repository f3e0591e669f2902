"""The dry run (docs/inlasning.md): the file, its headers, each row, the plan."""
