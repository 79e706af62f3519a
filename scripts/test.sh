#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run them.
#   bash scripts/test.sh            # whole suite
#   bash scripts/test.sh -k tagger  # arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium: browser tests and static image export drive it (never a browser download).
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest "$@"
