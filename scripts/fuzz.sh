#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets with swiftc (kept out of `swift build` and `swift test`)
# and runs each on its seed corpus for a fixed budget. Exits non-zero if any target crashes, hangs
# (-timeout) or runs out of memory; the input that did it is kept in .build-fuzz/artifacts/.
#
#   scripts/fuzz.sh               every target, 20,000 runs each (CI: well under two minutes with the build)
#   scripts/fuzz.sh 500000        500,000 runs each
#   scripts/fuzz.sh 10m [TARGET…] ten minutes each (also 600s, 1h); targets: json expression dates pattern xml
#
# Needs the Swift toolchain (libFuzzer ships with it), libxml2-dev and pkg-config. New inputs found
# while fuzzing are kept in .build-fuzz/corpus/ (not in git); Fuzz/corpus/ is the checked-in seed.
set -euo pipefail
cd "$(dirname "$0")/.."

budget=${1:-20000}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(json expression dates pattern xml)
# A short run by count is mostly build time: build unoptimised (about six times faster to compile).
# A run by time fuzzes optimised code, which executes many more inputs in that time. FUZZ_OPT overrides.
case "$budget" in
  *h) limit=(-max_total_time=$(( ${budget%h} * 3600 ))); opt=-O ;;
  *m) limit=(-max_total_time=$(( ${budget%m} * 60 ))); opt=-O ;;
  *s) limit=(-max_total_time=${budget%s}); opt=-O ;;
  *[!0-9]*|'') echo "usage: scripts/fuzz.sh [RUNS | SECONDSs | MINUTESm | HOURSh] [TARGET…]" >&2; exit 64 ;;
  *) limit=(-runs="$budget"); opt=-Onone ;;
esac
opt=${FUZZ_OPT:-$opt}

out=.build-fuzz
mkdir -p "$out/artifacts" "$out/logs"
# Instrumented for coverage and checked by AddressSanitizer.
flags=(-sanitize=fuzzer,address -parse-as-library "$opt" -g -Xcc -w)
libxml_flags=()
for f in $(pkg-config --cflags libxml-2.0); do libxml_flags+=(-Xcc "$f"); done

build_library() {  # module name, sources…
  local name=$1; shift
  swiftc "${flags[@]}" -wmo -module-name "$name" -emit-library -static -emit-module \
    -emit-module-path "$out/$name.swiftmodule" -I "$out" -I Sources/CLibXML2 "${libxml_flags[@]}" \
    -o "$out/lib$name.a" "$@"
}

echo "== building with $opt (swiftc $(swiftc --version 2>&1 | grep -o 'version [0-9.]*' | head -1))"
start=$(date +%s)
build_library SeleksiCore $(find Sources/SeleksiCore -name '*.swift' | sort)
build_library SeleksiXML $(find Sources/SeleksiXML -name '*.swift' | sort)
for t in "${targets[@]}"; do
  case $t in
    json) src=FuzzJSON.swift; libs=(-lSeleksiCore) ;;
    expression) src=FuzzExpression.swift; libs=(-lSeleksiCore) ;;
    dates) src=FuzzDates.swift; libs=(-lSeleksiCore) ;;
    pattern) src=FuzzPattern.swift; libs=(-lSeleksiCore) ;;
    xml) src=FuzzXML.swift; libs=(-lSeleksiXML -lSeleksiCore $(pkg-config --libs libxml-2.0)) ;;
    *) echo "unknown target '$t'; targets: json expression dates pattern xml" >&2; exit 64 ;;
  esac
  swiftc "${flags[@]}" -I "$out" -I Sources/CLibXML2 "${libxml_flags[@]}" -L "$out" "Fuzz/Targets/$src" \
    "${libs[@]}" -o "$out/fuzz-$t" 2> >(grep -v "Cannot export local symbol" >&2)
done
echo "   built in $(( $(date +%s) - start )) s"

# The definitions' own expressions seed the expression target, so the seed stays current with them.
seed_expressions() {
  local dir=$out/corpus/expression-definitions n=0
  mkdir -p "$dir"
  grep -ohE ' (test|value|relevant|calculate|initial|at|count|quota-count|quota-key|quota-rows|group-by)="[^"]*"' \
      forms/*.xml workflows/*.xml | sed -E 's/^ [a-z-]+="//; s/"$//; s/&gt;/>/g; s/&lt;/</g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g' |
    sort -u | while IFS= read -r e; do n=$((n + 1)); printf '%s' "$e" > "$dir/def-$n"; done
  echo "$dir"
}

run_target() {  # target: fuzz it; the exit status is libFuzzer's
  local t=$1 corpus=$out/corpus/$1 seeds dict=() max_len=4096
  mkdir -p "$corpus"
  seeds=(Fuzz/corpus/$t)
  case $t in
    expression) seeds+=("$(seed_expressions)") ;;
    xml) seeds+=(forms workflows bench/workflows); max_len=32768 ;;  # the largest shipped definition is ~16 KB
  esac
  [ -f "Fuzz/dict/$t.dict" ] && dict=(-dict="Fuzz/dict/$t.dict")
  # detect_leaks=0: the Swift runtime keeps metadata caches alive on purpose; LeakSanitizer calls them leaks.
  # SWIFT_BACKTRACE: Swift's own crash reporter trips AddressSanitizer; libFuzzer reports the crash itself.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$out/fuzz-$t" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
    -print_final_stats=1 "${dict[@]}" -artifact_prefix="$out/artifacts/$t-" "$corpus" "${seeds[@]}" \
    > "$out/logs/$t.log" 2>&1
}

# The targets run side by side, as many at a time as there are cores.
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
echo "== fuzzing ${targets[*]} (${limit[*]} each, $jobs at a time)"
declare -A pids
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_target "$t" &
  pids[$t]=$!
done
failed=()
for t in "${targets[@]}"; do
  if wait "${pids[$t]}"; then
    printf '%-11s %s\n' "$t" "$(grep -E "^stat::number_of_executed_units|^stat::average_exec_per_sec|^Done " \
      "$out/logs/$t.log" | sed -E 's/stat::number_of_executed_units: */runs=/; s/stat::average_exec_per_sec: */exec\/s=/' | tr -s ' \n' ' ')"
  else
    echo "!! fuzz-$t FAILED; log: $out/logs/$t.log"
    grep -E "ERROR|Fatal error|panic|Test unit written|SUMMARY|timeout" "$out/logs/$t.log" | head -20
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]} (inputs in $out/artifacts/)"
  exit 1
fi
echo "fuzzing: no crashes in ${targets[*]}"
