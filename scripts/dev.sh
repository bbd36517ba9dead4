#!/usr/bin/env bash
# One entry point that works on a fresh machine: it creates what it needs, then runs.
#   bash scripts/dev.sh dashboard   # the Streamlit dashboard on the bundled sample
#   bash scripts/dev.sh test        # the whole test suite (unit, CLI, AppTest, real Chromium)
#   bash scripts/dev.sh bench EVAL  # the benchmarks (EVAL defaults to ../shared/eval)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${GEOTIMELINE_VENV:-.venv}

venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  local extra="$1" stamp="$VENV/.installed-$1"
  # Reinstall only when the project's dependencies changed.
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    if [ "$extra" = base ]; then "$VENV/bin/python" -m pip install --quiet -e .; else "$VENV/bin/python" -m pip install --quiet -e ".[$extra]"; fi
    touch "$stamp"
  fi
}

browser_deps() {
  # Debian's Chromium drives the browser tests; Playwright must never download its own.
  if [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null; then
      SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
      $SUDO apt-get update && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    else
      echo "scripts/dev.sh: install Chromium at /usr/bin/chromium for the browser tests" >&2
    fi
  fi
  # Local copies of the CDN assets folium pages load, served to the browser by the tests.
  if [ ! -d assets/node_modules ] || [ assets/package-lock.json -nt assets/node_modules ]; then
    (cd assets && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

case "${1:-}" in
  dashboard)
    venv base
    "$VENV/bin/geotimeline" gazetteer build
    exec "$VENV/bin/streamlit" run streamlit_app.py "${@:2}"
    ;;
  test)
    venv test
    browser_deps
    "$VENV/bin/geotimeline" gazetteer build
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  bench)
    venv test
    browser_deps
    eval_dir=${2:-../shared/eval}
    for script in benchmarks/*.py; do
      echo "== $script"
      "$VENV/bin/python" "$script" "$eval_dir"
    done
    ;;
  *)
    echo "usage: bash scripts/dev.sh dashboard|test|bench [EVAL_DIR]" >&2
    exit 2
    ;;
esac
