#!/usr/bin/env bash
# The project's tests, as CI runs them: the Swift test suite (unit, engine on real SQLite files, the
# CLI as a user runs it, crash and concurrency harness), then every fuzz target for a short fixed
# budget, then the example package that embeds the engine. A longer fuzzing run is one command:
# `scripts/fuzz.sh 10m`.
# Usage: scripts/test.sh [--no-fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."

swift test
if [ "${1:-}" != "--no-fuzz" ]; then
  scripts/fuzz.sh            # 20,000 runs per target (about two minutes with the build)
fi
if [ -x scripts/build-example.sh ]; then
  scripts/build-example.sh   # a package depending on the engine by path builds and runs
fi
