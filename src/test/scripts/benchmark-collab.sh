#!/usr/bin/env bash
# Co-editing benchmark (docs/performance.md, "Co-editing"): builds the jar, starts it as a server
# process on a scratch H2 file with the demo workspace, and drives its WebSocket endpoint with
# N simulated editors on one statement.
#
#   benchmark-collab.sh [N ...] [--seconds=S] [--compare=GIT-REF]
#
# Editor counts default to 50 200 400, S (measured seconds per row, after 10 s of warm-up) to 30.
# --compare=REF also builds REF (from `git archive`, in target/) and measures it side by side with
# this build in the same run: for each N, first REF, then this build. The measuring itself holds the
# machine-wide build lock when there is one, so that no build runs meanwhile.
# Results: stdout and target/benchmark/collab.md.
# To profile both sides:
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/editors.jfr,settings=profile' \
#   BENCH_SERVER_JAVA_OPTS='-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=/tmp/server.jfr,settings=profile' \
#   benchmark-collab.sh 400
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MVN=./mvnw
if command -v mvnl >/dev/null; then MVN=mvnl; fi
args=()
compare=""
for arg in "$@"; do
  case "$arg" in
    --compare=*) compare="${arg#--compare=}" ;;
    *) args+=("$arg") ;;
  esac
done
$MVN -B -q package -DskipTests
$MVN -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark-classpath.txt
if [ -n "$compare" ]; then
  sha=$(git rev-parse --short "$compare^{commit}")
  dir="target/benchmark-base-$sha"
  if ! ls "$dir"/target/ligevaerd-*.jar >/dev/null 2>&1; then
    rm -rf "$dir" && mkdir -p "$dir"
    git archive "$sha" | tar -x -C "$dir"
    (cd "$dir" && $MVN -B -q package -DskipTests)
  fi
  args+=("--base-jar=$(ls "$dir"/target/ligevaerd-*.jar | head -1)" "--base-label=$compare ($sha)")
fi
lock=()
if [ -e /tmp/maven-build.lock ] && command -v flock >/dev/null; then lock=(flock /tmp/maven-build.lock); fi
# BENCH_JAVA_OPTS: options for the editors' JVM; BENCH_SERVER_JAVA_OPTS: for the server's. Say, to profile.
exec "${lock[@]}" "$JAVA" -Xmx1g ${BENCH_JAVA_OPTS:-} -Dbench.serverJvm="${BENCH_SERVER_JAVA_OPTS:-}" -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  dk.ligevaerd.statement.bench.CollabBenchmark "${args[@]}"
