#!/usr/bin/env bash
# The benchmark harness of issue 10 in one command: builds Seleksi (release), the C floor and the Python
# peers' virtual environment, then runs bench/harness/main.py, which writes bench/RESULTS.md.
# Usage: scripts/bench.sh [--quick] [--only lifecycle,instructions,demo,cli,verify] [--rounds N] [--instances N]
#   --quick: small sizes for CI (a minute or two after the build); without it, the full run (long).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/setup.sh
# The C floor links libsqlite3 and OpenSSL's libcrypto; the peers need Python's venv module.
missing=()
pkg-config --exists libcrypto 2>/dev/null || missing+=(libssl-dev)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)  # the lifecycle counted in instructions
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== build (release): seleksi, seleksi-bench"
swift build -c release --static-swift-stdlib --product seleksi 2>&1 | tail -1
swift build -c release --static-swift-stdlib --product seleksi-bench 2>&1 | tail -1

echo "== build: C floor"
mkdir -p bench/.work
cc -O2 -Wall -o bench/.work/floor bench/floor/floor.c $(pkg-config --cflags --libs sqlite3 libcrypto)

echo "== Python peers (bench/.venv, pinned in bench/peers/requirements.txt)"
if [ ! -x bench/.venv/bin/python ] || ! cmp -s bench/peers/requirements.txt bench/.venv/requirements.txt; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install -q --disable-pip-version-check -r bench/peers/requirements.txt
  cp bench/peers/requirements.txt bench/.venv/requirements.txt
fi

exec bench/.venv/bin/python bench/harness/main.py "$@"
