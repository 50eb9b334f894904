#!/usr/bin/env bash
# Fuzzes every parser of outside bytes with libFuzzer + AddressSanitizer, one target after another, each for a
# bounded time (not part of .ci/run). Usage: .ci/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   targets: json rest-<venue> stream-<venue> archive-csv binance-archive zip capture ws-frames spec store-csv
# The build goes to .build-fuzz (never the normal .build). Under fuzz/ (gitignored): seeds/<target> (regenerated
# from the fixtures each time), corpus/<target> (what libFuzzer found, kept between campaigns), crashers/<target>
# (crash-*, leak-*, timeout-*, oom-* inputs; replay one with
# `LIQFUZZ_TARGET=<target> .build-fuzz/debug/liqfuzz fuzz/crashers/<target>/<file>`), logs/<target>.log.
# Runs under `nice -n 19`, one fuzzing process at a time. Exit status 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

seconds=${1:-60}
shift || true
all=(json
  rest-binance-usdm rest-binance-coinm rest-bybit rest-okx rest-bitmex rest-deribit rest-hyperliquid
  stream-binance-usdm stream-binance-coinm stream-bybit stream-okx stream-bitmex stream-deribit stream-hyperliquid
  archive-csv binance-archive zip capture ws-frames spec store-csv)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all[@]}"); fi

# -DFUZZING makes liqfuzz's main hand over to libFuzzer's driver; every module is instrumented for coverage.
echo "building liqfuzz (libFuzzer + ASan) into .build-fuzz"
nice -n 19 swift build -c debug --product liqfuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | grep -E "error|warning: " | grep -v "Cannot export local symbol" || true
fuzzer=.build-fuzz/debug/liqfuzz
[ -x "$fuzzer" ] || { echo "liqfuzz did not build" >&2; exit 2; }

# Store CSV seeds come from a demo run's outputs (the same writer as the store's files).
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -x .build/debug/liqpipe ] || nice -n 19 swift build --product liqpipe 2>&1 | grep -E "error" || true
nice -n 19 .build/debug/liqpipe run --out "$out" --quiet >/dev/null 2>&1 || echo "demo run failed: no store-csv seeds" >&2
echo "seeding fuzz/seeds"
python3 .ci/fuzz-seeds.py fuzz/seeds "$out"

found=0
printf '\n%-22s %12s %9s %7s %7s %s\n' target executions exec/s cov ft findings
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/crashers/$target" fuzz/logs
  log="fuzz/logs/$target.log"
  before=$(find "fuzz/crashers/$target" -type f | wc -l)
  # -rss_limit_mb/-malloc_limit_mb turn a runaway allocation into a finding (oom-*), -timeout a hang (timeout-*).
  LIQFUZZ_TARGET=$target nice -n 19 "$fuzzer" "fuzz/corpus/$target" "fuzz/seeds/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
    -print_final_stats=1 -artifact_prefix="fuzz/crashers/$target/" >"$log" 2>&1 || true
  runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -n 1)
  speed=$(grep -E '^stat::average_exec_per_sec:' "$log" | awk '{print $2}' | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | awk '{print $2}')
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -n 1 | awk '{print $2}')
  after=$(find "fuzz/crashers/$target" -type f | wc -l)
  new=$((after - before))
  [ "$new" -eq 0 ] || found=1
  printf '%-22s %12s %9s %7s %7s %s\n' "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
    "$([ "$new" -eq 0 ] && echo none || echo "$new new in fuzz/crashers/$target (see $log)")"
done
exit "$found"
