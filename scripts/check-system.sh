#!/usr/bin/env bash
# Checks the system libraries WeasyPrint needs and says exactly how to install them.
set -euo pipefail
missing=()
# Read the cache once: `ldconfig -p | grep -q` fails under pipefail (SIGPIPE).
libs=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
for lib in libpango-1.0.so.0 libpangoft2-1.0.so.0; do
  case "$libs" in *"$lib"*) ;; *) missing+=("$lib") ;; esac
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "WeasyPrint (PDF) behöver Pango, som saknas: ${missing[*]}" >&2
  echo "Installera med:  sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0" >&2
  exit 1
fi
