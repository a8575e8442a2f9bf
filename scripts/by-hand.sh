#!/usr/bin/env bash
# Runs README.md's "The Tutor Bantu round by hand" block, line by line, exactly as written there, on a
# fresh database (the one its `export SELEKSI_DB=` names is replaced). The CLI test
# ByHandRoundTests reads the same block, so the README, this script and the test cannot drift apart.
# Usage: scripts/by-hand.sh            (builds the debug CLI first)
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product seleksi 2>&1 | tail -1
bin="$PWD/.build/debug/seleksi"
seleksi() { "$bin" "$@"; }

block=$(awk '/^## The Tutor Bantu round by hand/ { inside = 1 }
             inside && /^```sh/ { code = 1; next }
             code && /^```/ { exit }
             code' README.md)
db=$(printf '%s\n' "$block" | sed -n 's/^export SELEKSI_DB=\([^ ]*\).*/\1/p')
[[ -n "$db" ]] && rm -f "$db" "$db-wal" "$db-shm"

command=""
while IFS= read -r line; do
    if [[ "$line" == *\\ ]]; then command+="${line%\\} "; continue; fi
    command+="$line"
    if [[ -n "${command// }" && "$command" != \#* ]]; then
        echo "\$ $command"
        eval "$command"
    fi
    command=""
done <<< "$block"
