#!/usr/bin/env bash
# The meeting benchmark (MeetingBenchmark): two sides of 40 members, 80 sessions on the Rounds tab
# (12 Chromium pages, the rest protocol-level Vaadin sessions), 80 ballots in 20 s. Prints how
# long until every session shows each new count, the server's CPU per ballot, the bytes pushed per
# session and the heap per session; appends them to target/benchmark/meeting.txt.
#
#   src/test/scripts/benchmark-meeting.sh                      # this code
#   src/test/scripts/benchmark-meeting.sh --before=90c4ac6     # that commit, then this code, in one run
#   (its tests must compile: ea91d99's do not, 90c4ac6 is the same code with them compiling)
#   src/test/scripts/benchmark-meeting.sh -Dmeeting.extra=400  # and 400 more sessions that only watch
#   src/test/scripts/benchmark-meeting.sh -Dmeeting.sample=/tmp/push.txt  # one protocol session's pushes, whole
#
# The whole run holds the machine-wide build lock, so that no build competes with it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ "${1:-}" != "--inside-lock" ]; then
  exec flock /tmp/maven-build.lock "$0" --inside-lock "$@"
fi
shift
before=""
args=()
for arg in "$@"; do
  case "$arg" in
    --before=*) before="${arg#--before=}" ;;
    *) args+=("$arg") ;;
  esac
done
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export LIGEVAERD_CHROMIUM="${LIGEVAERD_CHROMIUM:-/usr/bin/chromium}"

run() { # <folder> <label>
  echo "== $2: load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"
  (cd "$1" && ./mvnw -B -q test -Dtest=MeetingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dmeeting.label="$2" ${args[@]+"${args[@]}"} | grep -v '^WARNING' | sed -n '/^== Meeting/,/^heap per/p')
}

if [ -n "$before" ]; then
  dir=target/benchmark/before-src
  rm -rf "$dir" && mkdir -p "$dir"
  git archive "$before" | tar -x -C "$dir"
  # The benchmark and its protocol client are newer than the code they measure.
  # LiveCountsIT reads counts with the benchmark's reader, so it comes along.
  for f in src/test/java/dk/ligevaerd/round/ui/MeetingBenchmark.java \
           src/test/java/dk/ligevaerd/round/ui/LiveCountsIT.java \
           src/test/java/dk/ligevaerd/testing/VaadinPushClient.java; do
    mkdir -p "$dir/$(dirname "$f")" && cp "$f" "$dir/$f"
  done
  run "$dir" "before: $before"
fi
run . "after: $(git rev-parse --short HEAD)"
echo "== done: load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)"
