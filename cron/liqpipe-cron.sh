#!/usr/bin/env bash
# liqpipe-cron.sh [--quiet-skip] JOB ARGS...
#
# Runs `liqpipe JOB ARGS...` for cron or a systemd timer:
#   - a fixed environment: PATH, LANG=C.UTF-8, TZ=UTC; LIQPIPE_HOME defaults to the repository holding this
#     script, LIQPIPE_BIN to $LIQPIPE_HOME/.build/release/liqpipe; the job runs in LIQPIPE_HOME.
#   - one at a time per job: `flock -n` on $LIQPIPE_HOME/var/lock/JOB.lock. While the previous run still holds it
#     the new one is skipped: a "SKIP" line in the log (none with --quiet-skip, for the collector's keep-alive
#     that tries every minute) and exit 0.
#   - every output line appended to $LIQPIPE_HOME/log/JOB.log with a UTC timestamp; the log is rotated when it
#     reaches LIQPIPE_LOG_MAX_BYTES (default 10 MiB), keeping LIQPIPE_LOG_KEEP old files (default 5: JOB.log.1 is
#     the newest). No logrotate needed.
#   - exit codes: 0 → "OK"; 3 (partial: some sources failed, outputs written) → "WARN", exit 0; anything else →
#     "ERROR", the log's last lines on stderr (cron mails a job's output to MAILTO) and the same exit code
#     (systemd marks the unit failed).
#   - an argument @yesterday is replaced by yesterday's UTC date (YYYY-MM-DD), @daysago:N by the UTC date N days
#     ago: crontab lines need no `date` and no %-escaping.
# The environment is never written to the log (it may hold credentials).
set -uo pipefail

quiet_skip=0
if [ "${1:-}" = "--quiet-skip" ]; then
  quiet_skip=1
  shift
fi
if [ $# -lt 1 ]; then
  echo "usage: liqpipe-cron.sh [--quiet-skip] JOB ARGS..." >&2
  exit 2
fi
job=$1
shift
case "$job" in
  *[!a-z0-9-]* | "") echo "liqpipe-cron.sh: job name must be a liqpipe command (a-z, 0-9, -): '$job'" >&2; exit 2 ;;
esac

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/swift/usr/bin
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LIQPIPE_HOME=${LIQPIPE_HOME:-$(dirname "$script_dir")}
bin=${LIQPIPE_BIN:-$LIQPIPE_HOME/.build/release/liqpipe}
max_bytes=${LIQPIPE_LOG_MAX_BYTES:-10485760}
keep=${LIQPIPE_LOG_KEEP:-5}

cd "$LIQPIPE_HOME" || { echo "liqpipe-cron.sh: LIQPIPE_HOME '$LIQPIPE_HOME' is not a directory" >&2; exit 1; }
mkdir -p var/lock log || exit 1
log=log/$job.log

stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# Renames JOB.log → JOB.log.1 → … → JOB.log.KEEP (the oldest is dropped) once JOB.log reaches max_bytes.
rotate() {
  local size
  size=$(stat -c %s "$log" 2>/dev/null || echo 0)
  [ "$size" -ge "$max_bytes" ] || return 0
  local index=$keep
  rm -f "$log.$index"
  while [ "$index" -gt 1 ]; do
    [ -e "$log.$((index - 1))" ] && mv -f "$log.$((index - 1))" "$log.$index"
    index=$((index - 1))
  done
  mv -f "$log" "$log.1"
}

# Appends one line with its timestamp; checks the size every 100 lines, so a long-running collector's log is
# rotated too, not only at its start.
lines=0
note() {
  printf '%s %s\n' "$(stamp)" "$1" >>"$log"
  lines=$((lines + 1))
  if [ $((lines % 100)) -eq 0 ]; then rotate; fi
}

rotate
exec 9>"var/lock/$job.lock"
if ! flock -n 9; then
  [ "$quiet_skip" -eq 1 ] || note "SKIP $job: the previous run still holds var/lock/$job.lock"
  exit 0
fi

args=()
for arg in "$@"; do
  case "$arg" in
    @yesterday) arg=$(date -u -d yesterday +%Y-%m-%d) ;;
    @daysago:[0-9]*) arg=$(date -u -d "${arg#@daysago:} days ago" +%Y-%m-%d) ;;
  esac
  args+=("$arg")
done

note "START $job ${args[*]}"
started=$(date +%s)
# The job's stdout and stderr, line by line; fd 9 (the lock) stays with the job until it ends.
while IFS= read -r line || [ -n "$line" ]; do
  note "$line"
done < <("$bin" "$job" "${args[@]}" 2>&1)
wait $! 2>/dev/null
code=$?
elapsed=$(($(date +%s) - started))

case "$code" in
  0) note "OK $job (exit 0, ${elapsed}s)" ;;
  3) note "WARN $job: partial (exit 3, ${elapsed}s): some sources failed, outputs written" ;;
  *)
    note "ERROR $job: exit $code (${elapsed}s)"
    {
      echo "liqpipe-cron.sh: $job failed with exit $code in $LIQPIPE_HOME; last lines of $log:"
      tail -n 20 "$log"
    } >&2
    exit "$code"
    ;;
esac
exit 0
