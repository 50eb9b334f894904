#!/usr/bin/env bash
# Every liqbench figure in BENCHMARKS.md, in sequence, with the arguments BENCHMARKS.md documents (release build).
# Prints the load average (`uptime`) before each benchmark: the figures are only comparable at similar load.
# Usage: bash .ci/bench-all.sh [> bench.log]   (BENCH_VENV=DIR reuses a venv with pandas + polars for the archive)
# Takes about 5 minutes on the 2-core machine, plus the pandas/polars install the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product liqbench >/dev/null
bin=.build/release/liqbench
step() { printf '\n=== %s — %s —%s\n' "$*" "$(date -u +%H:%M:%SZ)" "$(uptime | sed 's/.*load average/ load average/')"; }

step "liqbench decode"; $bin decode --mb 32 --runs 5
step "liqbench csv"; $bin csv --mb 100 --runs 3
step "liqbench heatmap"; $bin heatmap --events 1000000 --minutes 43200
step ".ci/bench-archive.sh 200"; bash .ci/bench-archive.sh 200
step ".ci/bench-backfill.sh"; bash .ci/bench-backfill.sh
step "liqbench scale"; $bin scale --base-minutes 1440 --per-minute 10 --factors 1,10,100
step "liqbench scale --random-walk"; $bin scale --base-minutes 1440 --per-minute 10 --factors 1,10,100 --random-walk
step "liqbench stream"; $bin stream --mb 10 --factors 1,10
step "liqbench pipeline"; $bin pipeline --workers 1,2,4 --items 1500
step "liqbench http"; $bin http --seconds 25 --threads 2,4 --capacity 300 --window 5
step "done"
