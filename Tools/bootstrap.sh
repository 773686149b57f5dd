#!/usr/bin/env bash
# Usage: Tools/bootstrap.sh
#
# Installs what building and testing Switchboard needs on a Debian 12 machine that has only the
# Swift toolchain, and nothing that is already there (a second run takes well under a second):
#   - Debian packages: protoc, protoc-c and libprotobuf-c (the reference codec the Swift codec is
#     proven against), nghttp2 and zlib headers (the transport), pkg-config, python3-venv;
#   - a Python virtual environment .venv/ at the repository root with the packages pinned in
#     Tests/Interop/requirements.txt, reinstalled only when that file (or the Python) changes.
#
# Environment: PYTHON (default python3) is the interpreter the virtual environment is made from.
set -euo pipefail

if [[ $# -gt 0 ]]; then
  case "$1" in
    -h | --help)
      sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "usage: Tools/bootstrap.sh" >&2
      exit 2
      ;;
  esac
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

log() { printf 'bootstrap: %s\n' "$*"; }
fail() {
  printf 'bootstrap: error: %s\n' "$*" >&2
  exit 1
}

# --- Debian packages ---------------------------------------------------------------------------

apt_packages=(
  protobuf-compiler
  protobuf-c-compiler
  libprotobuf-c-dev
  libnghttp2-dev
  zlib1g-dev
  libsqlite3-dev
  pkg-config
  python3-venv
)

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${apt_packages[@]}"; do
    is_installed "$package" || missing+=("$package")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
      command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: install ${missing[*]} by hand"
      sudo=(sudo)
    fi
    log "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  log "warning: not a Debian system (no dpkg-query); make sure these are installed:"
  log "  ${apt_packages[*]}"
fi

# --- Python virtual environment ----------------------------------------------------------------

python="${PYTHON:-python3}"
venv="$repo/.venv"
requirements="$repo/Tests/Interop/requirements.txt"
stamp="$venv/.requirements.sha256"

[[ -f "$requirements" ]] || fail "missing $requirements"
command -v "$python" >/dev/null 2>&1 || fail "no Python interpreter '$python' (set PYTHON)"

# A venv whose interpreter no longer runs (the Python it was made from moved or was removed) is
# made again.
if [[ -e "$venv" ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  log "removing broken virtual environment .venv/"
  rm -rf "$venv"
fi

if [[ ! -e "$venv" ]]; then
  log "creating virtual environment .venv/ with $("$python" --version 2>&1)"
  if ! "$python" -m venv "$venv"; then
    rm -rf "$venv"
    fail "'$python -m venv' failed; on Debian install python3-venv (apt-get install python3-venv)"
  fi
fi

# The stamp records what the packages were installed from: the requirements and the interpreter.
wanted="$(
  {
    sha256sum <"$requirements"
    "$venv/bin/python" -c 'import sys; print(sys.version)'
  } | sha256sum | cut -d' ' -f1
)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$wanted" ]]; then
  log "installing Python packages from Tests/Interop/requirements.txt"
  rm -f "$stamp"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    -r "$requirements"
  printf '%s\n' "$wanted" >"$stamp"
fi

log "ready"
