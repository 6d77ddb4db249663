#!/usr/bin/env bash
# ShopCRM set-up and launcher. On a fresh Debian/Ubuntu machine this installs what is missing
# (the system libraries Qt needs, a virtual environment with the pinned Python packages, the
# compiled translations) and then does what was asked:
#   ./shopcrm.sh run [--demo] [--db PATH] [--lang tr|en]   start the app
#   ./shopcrm.sh test [pytest args]                         lint, type-check and run the tests
#   ./shopcrm.sh lint                                       ruff (lint + format) and mypy only
#   ./shopcrm.sh bench [args]                               run the speed benchmark
#   ./shopcrm.sh catalogs                                   refresh translations/ from the code
#   ./shopcrm.sh build                                      build the stand-alone app (dist/ShopCRM)
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(python3 python3-venv libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1
  libfreetype6 libdbus-1-3 fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0)
# What the tests use on top: zbarimg reads the QR codes and Code128s of vouchers and loyalty cards
# back, pdftoppm renders the documents' pages.
TEST_APT_PACKAGES=(zbar-tools poppler-utils)

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for p in "${APT_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

install_python_packages() {
  local python="${PYTHON:-python3}"
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  local stamp=.venv/.setup-stamp
  local want
  want=$(cat requirements.txt requirements-build.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    # PySide6 6.12's separate QtPdf wheel would sit beside the pinned 6.11.3, which has QtPdf inside.
    .venv/bin/python -m pip uninstall -y -q pyside6-pdf >/dev/null 2>&1 || true
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
    echo "$want" > "$stamp"
  fi
}

compile_translations() {
  .venv/bin/pybabel compile -q -d translations -D shopcrm --statistics 2>/dev/null \
    || .venv/bin/pybabel compile -d translations -D shopcrm
}

setup() {
  install_system_packages
  install_python_packages
  compile_translations
}

lint() {
  .venv/bin/ruff check .
  .venv/bin/ruff format --check .
  .venv/bin/mypy
}

cmd="${1:-run}"
shift || true
case "$cmd" in
  run)
    setup
    exec .venv/bin/python main.py "$@"
    ;;
  lint)
    install_python_packages
    lint
    ;;
  test)
    install_system_packages "${TEST_APT_PACKAGES[@]}"
    setup
    lint
    exec .venv/bin/python -m pytest "$@"
    ;;
  catalogs)
    install_python_packages
    .venv/bin/pybabel extract -F babel.cfg -o translations/shopcrm.pot --no-location \
      --project=ShopCRM --copyright-holder=ShopCRM .
    .venv/bin/pybabel update -i translations/shopcrm.pot -d translations -D shopcrm \
      --no-fuzzy-matching --ignore-obsolete
    # The messages are written in English: the English catalog says each one as it is.
    .venv/bin/python - <<'PY'
from babel.messages.pofile import read_po, write_po
path = "translations/en/LC_MESSAGES/shopcrm.po"
with open(path, "rb") as f:
    catalog = read_po(f, locale="en")
for message in catalog:
    if message.id and not any(message.string if isinstance(message.string, tuple) else [message.string]):
        message.string = message.id
    if message.id:
        message.flags.discard("fuzzy")  # English says each message as written: never a guess
with open(path, "wb") as f:
    write_po(f, catalog, width=100)
PY
    ;;
  build)
    # PyInstaller (requirements-build.txt, which requirements-dev.txt includes) makes one folder
    # from build.spec; the translations are compiled first. Prints the folder's size.
    setup
    exec .venv/bin/python tools/build_app.py --pack "$@"
    ;;
  bench)
    setup
    exec .venv/bin/python -m bench "$@"
    ;;
  *)
    echo "usage: $0 run [--demo] [--db PATH] [--lang tr|en] | test | lint | bench | catalogs | build" >&2
    exit 2
    ;;
esac
