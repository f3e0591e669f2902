#!/usr/bin/env bash
# The browser tests drive Debian's chromium; install it when missing (root), else say how.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installerar Debians chromium för webbläsartesterna ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Webbläsartesterna behöver Chromium. Kör: sudo apt-get install -y chromium" >&2
  exit 1
fi
