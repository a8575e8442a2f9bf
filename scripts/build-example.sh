#!/usr/bin/env bash
# Builds the embedding example (examples/embedding: a package that depends on Seleksi by path) and runs
# both of its programs: one linked against SeleksiCore alone, one that embeds the engine. For CI.
# Usage: scripts/build-example.sh [debug|release]     (SCRATCH=DIR to keep the build elsewhere)
set -euo pipefail
cd "$(dirname "$0")/../examples/embedding"
CONFIG="${1:-debug}"
SCRATCH="${SCRATCH:-.build}"
echo "== build examples/embedding ($CONFIG)"
if ! log="$(swift build -c "$CONFIG" --scratch-path "$SCRATCH" 2>&1)"; then
    echo "$log"
    exit 1
fi
echo "$log" | tail -1
BIN="$(swift build -c "$CONFIG" --scratch-path "$SCRATCH" --show-bin-path)"
echo "== core-only (SeleksiCore alone)"
"$BIN/core-only"
echo "== embedded-engine (SeleksiEngine on SQLite)"
"$BIN/embedded-engine"
echo "ok: the example builds and runs"
