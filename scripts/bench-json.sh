#!/usr/bin/env bash
# Release-build micro-benchmark of the JSON reader (Value(json:)): a ~2 KB submission parsed
# 100,000 times. Usage: scripts/bench-json.sh [COUNT] [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TMPDIR:-/tmp}/seleksi-json-bench-$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
swiftc -O -wmo -module-name JSONReaderBench -o "$out/bench" \
  $(find Sources/SeleksiCore -name '*.swift' | sort) Fuzz/Bench/JSONReaderBench.swift
"$out/bench" "${2:-Fuzz/Bench/submission.json}" "${1:-100000}"
