#!/usr/bin/env bash
# Install what the tests need and run the whole suite.
#   bash scripts/test.sh                 # on SQLite
#   CLAIMTRACK_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres bash scripts/test.sh
# Extra arguments go to pytest (e.g. -k matching, -x).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (Debian packages chromium, chromium-driver)…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Chromium is missing: browser tests will be skipped (apt-get install chromium chromium-driver)." >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[dev]' 2>&1 | grep -v '^WARNING: Location' || true
# The reading modules compiled by mypyc, outside the source tree, keyed by their sources
# (claimtrack/_native.py); without a build the package runs its plain Python source.
.venv/bin/python scripts/build_native.py --quiet || echo "mypyc build failed: the reading modules run as plain Python." >&2

if [ -n "${CLAIMTRACK_INSTALL_ONLY:-}" ]; then
  exit 0
fi
exec .venv/bin/python -m pytest -n 2 -p no:cacheprovider "$@"
