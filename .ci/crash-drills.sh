#!/usr/bin/env bash
# Crash drills, many iterations: SIGKILL the built binary at random points of `run` (incremental, store),
# `backfill` (a month from a loopback archive) and `collect` (a loopback WebSocket venue), and check after every
# kill that the store, captures and outputs read back whole and that the next run completes with no loss and no
# duplicates. The same drills run with a few kills in every `swift test`; this runs them with N.
#
#   bash .ci/crash-drills.sh [N]        # N kills per drill (default 40); collect's drill is repeated N/10 times
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-40}"
swift build --build-tests >/dev/null
started=$(date +%s)
LIQPIPE_DRILL_ITERATIONS="$kills" swift test --skip-build \
  --filter 'StoreRunCrashDrillTests|BackfillCrashDrillTests' 2>&1 | grep -E '✔|✘|passed|failed' | grep -v '^$'
repeats=$(( kills / 10 > 0 ? kills / 10 : 1 ))
for i in $(seq "$repeats"); do
  swift test --skip-build --filter 'CollectCommandTests/sigtermStopsCleanlyAndSigkillLosesOnlyTheLastFlush' 2>&1 \
    | grep -E 'Test run with' | sed "s/^/collect drill $i: /"
done
echo "crash drills: $kills kills per drill (run, backfill), collect drill ×$repeats, $(( $(date +%s) - started )) s"
