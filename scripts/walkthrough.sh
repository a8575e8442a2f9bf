#!/usr/bin/env bash
# The five-minute walk-through of README.md, scripted: a fresh SQLite database
# with the shipped definitions, driven through the small demo selection (demo_*) from the CLI.
# Usage: scripts/walkthrough.sh [--replace] [DB]   (default DB: ./seleksi.sqlite)
# A database the walk-through made itself (it leaves DB.walkthrough beside it, holding the file's inode)
# is replaced on the next run; any other existing file is refused unless --replace is given.
set -euo pipefail
cd "$(dirname "$0")/.."

replace=no
if [ "${1:-}" = "--replace" ]; then replace=yes; shift; fi
export SELEKSI_DB="${1:-seleksi.sqlite}"
marker="$SELEKSI_DB.walkthrough"

if [ -e "$SELEKSI_DB" ] || [ -L "$SELEKSI_DB" ]; then
  ours=no
  if [ -f "$SELEKSI_DB" ] && [ ! -L "$SELEKSI_DB" ] && [ -f "$marker" ] \
     && [ "$(cat "$marker")" = "$(stat -c %i "$SELEKSI_DB")" ]; then ours=yes; fi
  if [ "$ours" = no ] && [ "$replace" = no ]; then
    echo "walkthrough: $SELEKSI_DB exists and was not made by this walk-through; refusing to delete it." >&2
    echo "  Give another path (scripts/walkthrough.sh /tmp/coba.sqlite) or --replace to delete it." >&2
    exit 64
  fi
fi

source scripts/setup.sh

echo "== build (release)"
swift build -c release --static-swift-stdlib --product seleksi 2>&1 | tail -1
S=.build/release/seleksi
rm -f "$SELEKSI_DB" "$SELEKSI_DB-wal" "$SELEKSI_DB-shm" "$marker"

step() { echo; echo "\$ seleksi $*"; "$S" "$@"; }
try()  { echo; echo "\$ seleksi $*   # expected to be refused"; "$S" "$@" || echo "(exit $?)"; }

step check
step init --simulation --now 2026-01-05T08:00
stat -c %i "$SELEKSI_DB" > "$marker"
step start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00
step fire 1 buka --as operator1 --now 2026-01-05T09:00
step start demo_pelamar --org skb-demo --as pelamar1 --parent 1 --now 2026-01-06T09:00
step start demo_pelamar --org skb-demo --as pelamar2 --parent 1 --now 2026-01-06T10:00
try  fire 2 ajukan --as pelamar1 --form demo_pendaftaran=examples/demo/isian_salah.json --now 2026-01-07T09:00
step fire 2 ajukan --as pelamar1 --form demo_pendaftaran=examples/demo/isian_pelamar.json --now 2026-01-07T09:00
try  fire 2 nilai --as penilai1 --now 2026-01-07T10:00
step fire 2 verifikasi --as penilai1 --now 2026-01-08T09:00
step fire 2 nilai --as penilai2 --form demo_penilaian=examples/demo/penilaian.json --now 2026-01-09T09:00
step fire 2 terima --as kepala1 --now 2026-01-10T09:00
step fire 3 tarik --as pelamar2 --reason "Pindah domisili" --now 2026-01-11T09:00
step tick --now 2026-01-20T00:00
step fire 1 tetapkan --as kepala1 --now 2026-01-21T09:00
step fire 1 tanda_tangan --as penilai1 --now 2026-01-22T09:00
step fire 1 tanda_tangan --as penilai2 --now 2026-01-22T09:05
step fire 1 tanda_tangan --as penilai3 --now 2026-01-22T09:10
step list --counts
step show 1
step history 2
step audit verify
echo
echo "Database: $SELEKSI_DB — try: $S show 2 --json, $S form fill demo_pendaftaran --db $SELEKSI_DB"
