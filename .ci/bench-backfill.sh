#!/usr/bin/env bash
# The real `liqpipe backfill` (release build, its own Dispatch pipeline and workers, libcurl, SHA-256, zip, CSV,
# normalise, store with fsync'd atomic writes) on a month of many small daily archives served over loopback HTTP,
# next to baselines on the same files in the same run: `unzip -p` of every zip (1 process at a time, and 2 at a
# time for the 2-core equivalent), pandas and polars reading every CSV.
# Usage: bash .ci/bench-backfill.sh [SYMBOLS] [DAYS]   (default 60 symbols × 30 days of 1m klines + metrics,
#        ≈ 330 MB of CSV). BENCH_VENV=DIR reuses a venv with pandas + polars; BENCH_KEEP=1 keeps the work directory;
#        BENCH_BEFORE=BINARY also runs another liqpipe build first on the same files (before/after, same load).
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
# Each CSV deflated at level 6 (zlib, what `zip -6` writes) into its own zip with the `<sha256>  <name>` checksum
# sibling; one Python process, as thousands of `zip` and `sha256sum` processes took longer than the benchmark.
python3 - "$work/archive" <<'PY'
import hashlib, os, sys, zipfile
for directory, _, names in os.walk(sys.argv[1]):
    for name in names:
        if not name.endswith(".csv"):
            continue
        path = os.path.join(directory, name)
        with zipfile.ZipFile(path[:-4] + ".zip", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.write(path, name)
        with open(path[:-4] + ".zip", "rb") as zipped:
            digest = hashlib.sha256(zipped.read()).hexdigest()
        with open(path[:-4] + ".zip.CHECKSUM", "w") as checksum:
            checksum.write(f"{digest}  {name[:-4]}.zip\n")
PY
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
timed() { # name command… : wall, user+sys and peak RSS from GNU time; the command's stdout in $work/out
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/out"
  read -r wall user sys rss < "$work/time"
  report "$name" "$wall" "$user" "$sys"
  last_rss=$rss
}

# HTTP/1.1 (keep-alive, as a CDN answers), threaded, TCP_NODELAY: `python3 -m http.server` alone speaks HTTP/1.0 and
# closes every connection, which would hide what reusing a connection per worker saves; and without TCP_NODELAY its
# header and body writes meet the client's delayed ACK, 40 ms per request on a kept-alive connection.
(cd "$work/archive" && exec python3 -c '
import http.server, sys
http.server.SimpleHTTPRequestHandler.protocol_version = "HTTP/1.1"
http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
http.server.SimpleHTTPRequestHandler.disable_nagle_algorithm = True
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), http.server.SimpleHTTPRequestHandler).serve_forever()
' "$port" >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat" 2>/dev/null || echo 0; }

# One backfill into a fresh store and ledger: wall and CPU, peak RSS, the loopback server's own CPU.
backfill() { # name binary
  rm -rf "$work/store" "$work/state"
  local before; before=$(server_ticks)
  timed "$1" "$2" backfill "$work/spec.json" --from "$from" --to "$to" --quiet
  printf '  peak RSS %.1f MiB; the loopback server (python http.server) used %.2f s CPU of its own\n' \
    "$(echo "$last_rss / 1024" | bc -l)" "$(echo "($(server_ticks) - $before) / $(getconf CLK_TCK)" | bc -l)"
}
echo "== liqpipe backfill $from..$to, $symbols symbols (klines + metrics; REST open-interest history: missing, no request)"
if [ -n "${BENCH_BEFORE:-}" ]; then # another build of liqpipe, e.g. the previous commit's, on the same files
  backfill "before: ${BENCH_BEFORE##*/}" "$BENCH_BEFORE"
  mv "$work/store" "$work/store-before"
fi
backfill "liqpipe backfill (wall, 2 cores)" "$liqpipe"
backfill_wall=$wall
grep -o '[0-9]* items planned[^,]*, [^,]*' "$work/out" | head -1 || cat "$work/out"
store_bytes=$(find "$work/store" -type f -print0 | xargs -0 cat | wc -c)
printf '  store: %d files, %.1f MB\n' "$(find "$work/store" -type f | wc -l)" "$(echo "$store_bytes / 1000000" | bc -l)"
if [ -d "$work/store-before" ]; then
  diff -rq "$work/store-before" "$work/store" > /dev/null && echo "  store byte-identical to the before build's"
fi
timed "liqpipe backfill again (nothing to do)" "$liqpipe" backfill "$work/spec.json" --from "$from" --to "$to" \
  --quiet
kill "$server"; server=

echo "== baselines on the same files"
# Per file, as `unzip -p FILE` (a process per zip, as liqpipe has an item per zip), and per directory (one
# `unzip -p 'DIR/*.zip'` inflating a symbol's month: raw inflate with the process start-up amortised).
timed "unzip -p each zip, 2 at a time (-P2)" sh -c "xargs -n1 -P2 unzip -p < '$work/zips' > /dev/null"
perfile_wall=$wall
sed 's|/[^/]*$||' "$work/zips" | sort -u > "$work/directories"
timed "unzip -p 'DIR/*.zip', 1 at a time" sh -c "xargs -I{} unzip -p '{}/*.zip' < '$work/directories' > /dev/null"
timed "unzip -p 'DIR/*.zip', 2 at a time (-P2)" sh -c \
  "xargs -P2 -I{} unzip -p '{}/*.zip' < '$work/directories' > /dev/null"
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
printf '== liqpipe backfill: %.0f%% of the 2-core per-directory unzip -p wall rate (raw inflate on both cores)\n' \
  "$(echo "100 * $unzip2_wall / $backfill_wall" | bc -l)"
printf '== liqpipe backfill: %.0f%% of the 2-core per-file unzip -p wall rate (a process per zip)\n' \
  "$(echo "100 * $perfile_wall / $backfill_wall" | bc -l)"
