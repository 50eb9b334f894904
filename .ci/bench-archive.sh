#!/usr/bin/env bash
# The archive path of `liqpipe backfill` (zip → inflate → CSV → records → normalise → store CSV) next to its
# baselines on the same file, in one run: `unzip -p FILE > /dev/null` (raw inflate) and pandas / polars reading
# the same CSV single-threaded (installed with pip into a throwaway venv; not needed by the product), and the same
# work as ours from the zip — `zipfile` inflates the entry, polars parses those bytes into a table — for the
# "faster than polars on one core" comparison.
# Usage: bash .ci/bench-archive.sh [MB]   (default 200 MB of CSV)
set -euo pipefail
mb=${1:-200}
cd "$(dirname "$0")/.."
swift build -c release --product liqbench >/dev/null
bin=.build/release/liqbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$bin archive --make "$work" --mb "$mb"
csv="$work/BTCUSDT-1m-2025-10-10.csv"
(cd "$work" && zip -q -6 BTCUSDT-1m-2025-10-10.zip BTCUSDT-1m-2025-10-10.csv)
zip="$work/BTCUSDT-1m-2025-10-10.zip"
ls -l "$csv" "$zip" | awk '{print $5, $9}'
$bin archive --zip "$zip" --runs 3

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
bytes=$(stat -c %s "$csv")
for tool in "unzip -p $zip" ; do
  t=$(for _ in 1 2 3; do /usr/bin/time -f %U+%S sh -c "$tool > /dev/null" 2>&1 | tail -1 | bc; done | median)
  printf '%-36s %8.1f MB/s of CSV (CPU)\n' "unzip -p > /dev/null" "$(echo "$bytes / 1000000 / $t" | bc -l)"
done

venv="${BENCH_VENV:-$work/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q pandas polars
fi
POLARS_MAX_THREADS=1 OMP_NUM_THREADS=1 "$venv/bin/python" - "$csv" "$zip" <<'PY'
import sys, time, statistics, os, io, zipfile
csv, zipped = sys.argv[1], sys.argv[2]
size = os.path.getsize(csv)
import pandas as pd, polars as pl
def polars_from_zip():
    # zip → inflate (zipfile checks the CRC-32) → table: the work of `liqbench archive`s "→ records" line.
    with zipfile.ZipFile(zipped) as z:
        data = z.read(z.namelist()[0])
    return pl.read_csv(io.BytesIO(data))
def cpu(f):
    runs = []
    for _ in range(3):
        t = time.process_time(); f(); runs.append(time.process_time() - t)
    return statistics.median(runs)
for name, f in [
    ("pandas.read_csv (C engine)", lambda: pd.read_csv(csv)),
    ("pandas.read_csv from the zip", lambda: pd.read_csv(zipped, compression="zip")),
    ("polars.read_csv, 1 thread", lambda: pl.read_csv(csv)),
    ("zipfile + polars.read_csv, 1 thread", polars_from_zip),
]:
    s = cpu(f)
    print(f"{name:36s} {size / 1e6 / s:8.1f} MB/s of CSV (CPU)  pandas {pd.__version__} polars {pl.__version__}")
PY
