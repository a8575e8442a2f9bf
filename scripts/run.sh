#!/usr/bin/env bash
# Sets up a new machine and runs Seleksi's main job on the embedded default: a synthetic Tutor Bantu
# recruitment round (Juknis 12/2019) for one UPT of the 2019 allocation, in a fresh SQLite database
# with the shipped workflows, forms and seed data, driven from quota to signed contracts and then
# through the year of work to 31 December.
# Usage: scripts/run.sh [APPLICANTS] [SEED]     (defaults: 500 applicants, seed 2019)
# Writes seleksi-demo.sqlite and demo-out/ (documents, report, synthetic attachments).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/setup.sh

echo "== build (release)"
swift build -c release --static-swift-stdlib --product seleksi 2>&1 | tail -1
S=.build/release/seleksi
"$S" check
"$S" demo --db seleksi-demo.sqlite --out demo-out --applicants "${1:-500}" --seed "${2:-2019}" --replace
echo
echo "Next: $S report 1 --db seleksi-demo.sqlite · $S history 2 --db seleksi-demo.sqlite · open demo-out/dokumen/*.html"
