#!/usr/bin/env bash
# Prints the path of a uv binary, installing uv for this user if none is found.
set -euo pipefail
for candidate in "$(command -v uv 2>/dev/null || true)" "$HOME/.local/bin/uv" "$PWD/.tools/bin/uv"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
PY=$(command -v python3 || true)
if [ -z "$PY" ]; then
  echo "Python 3.11 eller senare behövs: sudo apt-get install -y python3" >&2; exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Python 3.11 eller senare behövs (hittade $("$PY" --version))." >&2; exit 1
fi
echo "Installerar uv ..." >&2
if "$PY" -m pip --version >/dev/null 2>&1; then
  "$PY" -m pip install --user --quiet uv >&2 2>/dev/null \
    || "$PY" -m pip install --user --quiet --break-system-packages uv >&2
  [ -x "$HOME/.local/bin/uv" ] && { echo "$HOME/.local/bin/uv"; exit 0; }
fi
# Debian's python3 has no pip: a private venv under .tools/ holds uv instead.
if "$PY" -m venv .tools >/dev/null 2>&1; then
  .tools/bin/pip install --quiet uv >&2
  echo "$PWD/.tools/bin/uv"; exit 0
fi
echo "Kunde inte installera uv. Kör: sudo apt-get install -y python3-venv  (och sedan make run igen)" >&2
exit 1
