#!/usr/bin/env bash
# The real `liqpipe backfill` (release build, its own Dispatch pipeline and workers, libcurl, SHA-256, zip, CSV,
# normalise, store with fsync'd atomic writes) on a month of many small daily archives served over loopback HTTP,
# next to baselines on the same files in the same run: `unzip -p` of every zip (1 process at a time, and 2 at a
# time for the 2-core equivalent), pandas and polars reading every CSV.
# Usage: bash .ci/bench-backfill.sh [SYMBOLS] [DAYS]   (default 60 symbols × 30 days of 1m klines + metrics,
#        ≈ 290 MB of CSV). BENCH_VENV=DIR reuses a venv with pandas + polars; BENCH_KEEP=1 keeps the work directory.
set -euo pipefail
symbols=${1:-60}
days=${2:-30}
cd "$(dirname "$0")/.."
swift build -c release --product liqbench >/dev/null
swift build -c release --product liqpipe >/dev/null
root=$PWD
bench=$root/.build/release/liqbench
liqpipe=$root/.build/release/liqpipe
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
from=2025-09-01
to=$(date -u -d "$from + $((days - 1)) days" +%F)

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
  "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); $(uptime | sed 's/.*load/load/')"
$bench mirror --dir "$work" --symbols "$symbols" --from "$from" --days "$days" --port "$port"
# Each CSV zipped by `zip -6` (what the archive's files look like) with its `<sha256>  <name>` checksum sibling.
find "$work/archive" -name '*.csv' -print0 | xargs -0 -P2 -n64 sh -c '
  for csv; do
    dir=${csv%/*}; name=${csv##*/}; zip=${name%.csv}.zip
    (cd "$dir" && zip -q -6 "$zip" "$name" && sha256sum "$zip" > "$zip.CHECKSUM")
  done' sh
find "$work/archive" -name '*.zip' | sort > "$work/zips"
find "$work/archive" -name '*.csv' | sort > "$work/csvs"
csv_bytes=$(xargs cat < "$work/csvs" | wc -c)
zip_bytes=$(xargs cat < "$work/zips" | wc -c)
files=$(wc -l < "$work/zips")
mb=$(echo "$csv_bytes / 1000000" | bc -l)
printf '%d zips, %.1f MB zipped, %.1f MB of CSV\n' "$files" "$(echo "$zip_bytes / 1000000" | bc -l)" "$mb"

# seconds → "wall s, MB/s of CSV"
rate() { echo "$mb / $1" | bc -l; }
report() { # name wall user sys
  printf '%-40s %7.2f s wall %8.1f MB/s  CPU %6.2f s (%5.2f ms/MB)\n' "$1" "$2" "$(rate "$2")" \
    "$(echo "$3 + $4" | bc -l)" "$(echo "($3 + $4) * 1000 / $mb" | bc -l)"
}
timed() { # name command… : wall, user+sys and peak RSS from GNU time
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@"
  read -r wall user sys rss < "$work/time"
  report "$name" "$wall" "$user" "$sys"
  last_rss=$rss
}

(cd "$work/archive" && exec python3 -m http.server --bind 127.0.0.1 "$port" >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat" 2>/dev/null || echo 0; }

echo "== liqpipe backfill $from..$to, $symbols symbols (klines + metrics; REST open-interest history: missing, no request)"
ticks_before=$(server_ticks)
timed "liqpipe backfill (wall, 2 cores)" "$liqpipe" backfill "$work/spec.json" --from "$from" --to "$to" --quiet \
  > "$work/backfill.out"
ticks_after=$(server_ticks)
grep -o '[0-9]* items planned.*' "$work/backfill.out" | head -1 || cat "$work/backfill.out"
backfill_wall=$wall
printf '  peak RSS %.1f MiB; the loopback server (python http.server) used %.2f s CPU of its own\n' \
  "$(echo "$last_rss / 1024" | bc -l)" "$(echo "($ticks_after - $ticks_before) / $(getconf CLK_TCK)" | bc -l)"
store_bytes=$(find "$work/store" -type f -print0 | xargs -0 cat | wc -c)
printf '  store: %d files, %.1f MB\n' "$(find "$work/store" -type f | wc -l)" "$(echo "$store_bytes / 1000000" | bc -l)"
timed "liqpipe backfill again (nothing to do)" "$liqpipe" backfill "$work/spec.json" --from "$from" --to "$to" \
  --quiet > /dev/null
kill "$server"; server=

echo "== baselines on the same files"
timed "unzip -p each zip, 1 at a time" sh -c "xargs -n1 unzip -p < '$work/zips' > /dev/null"
timed "unzip -p each zip, 2 at a time (-P2)" sh -c "xargs -n1 -P2 unzip -p < '$work/zips' > /dev/null"
unzip2_wall=$wall

venv="${BENCH_VENV:-$work/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q pandas polars
fi
for threads in default 1; do
  if [ "$threads" = 1 ]; then export POLARS_MAX_THREADS=1; fi
  "$venv/bin/python" - "$work/csvs" "$mb" "$threads" <<'PY'
import sys, time, os
paths = open(sys.argv[1]).read().split()
mb, threads = float(sys.argv[2]), sys.argv[3]
import pandas as pd, polars as pl
def measure(name, read):
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        read(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{name:40s} {wall:7.2f} s wall {mb / wall:8.1f} MB/s  CPU {cpu:6.2f} s ({cpu * 1000 / mb:5.2f} ms/MB)")
if threads == "default":
    measure(f"pandas {pd.__version__} read_csv each CSV", pd.read_csv)
    measure("pandas read_csv each zip", lambda p: pd.read_csv(p[:-4] + ".zip", compression="zip"))
    measure(f"polars {pl.__version__} read_csv ({pl.thread_pool_size()} threads)", pl.read_csv)
else:
    measure("polars read_csv (POLARS_MAX_THREADS=1)", pl.read_csv)
PY
done
printf '== liqpipe backfill: %.0f%% of the 2-core unzip -p wall rate\n' \
  "$(echo "100 * $unzip2_wall / $backfill_wall" | bc -l)"
