#!/usr/bin/env bash
# Make this machine ready for Pathways: the system packages it needs (installed with apt-get
# when we are root or may sudo; otherwise we stop and print the exact command), then .venv/
# with the package and its dev extras. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# graphviz draws pathway diagrams; fonts render them and the flyers; Pango (with HarfBuzz's
# subsetter) lays out WeasyPrint's PDFs; chromium runs the browser tests; python3-venv builds
# .venv on Debian/Ubuntu.
SYSTEM_PACKAGES=(
  graphviz fonts-dejavu-core fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0
  libharfbuzz-subset0 chromium python3-venv
)
PYTHON=${PYTHON:-python3}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
elif ! command -v dot >/dev/null 2>&1; then
  echo "bootstrap: not a Debian/Ubuntu machine; install Graphviz, DejaVu fonts and Chromium" \
       "with your package manager, then run this again." >&2
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  install=(apt-get install -y --no-install-recommends "${missing[@]}")
  if [ "$(id -u)" -eq 0 ]; then
    echo "bootstrap: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "bootstrap: installing ${missing[*]} (sudo)"
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" >/dev/null
  else
    echo "bootstrap: missing system packages: ${missing[*]}" >&2
    echo "run:  sudo apt-get update && sudo ${install[*]}" >&2
    exit 1
  fi
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "bootstrap: Pathways needs Python 3.11 or newer ($PYTHON is $("$PYTHON" -V 2>&1))." >&2
  echo "set PYTHON=/path/to/python3.11 and run again." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.pathways-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "bootstrap: installing Pathways and its dev tools into .venv"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --editable '.[dev]'
  touch "$stamp"
fi
