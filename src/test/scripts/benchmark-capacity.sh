#!/usr/bin/env bash
# Sessions per node (docs/performance.md, "Sessions per node (1 GB)"): builds the jar, prepares a
# scratch H2 file (demo workspace, two sides of members, one open dot-voting round with live
# tallies), starts the jar on it as a server process with -Xmx1g, and opens protocol-level Vaadin
# sessions on the Rounds tab in steps. After each step: the server's heap after GC, and for each of
# a few ballots (cast by clicking in a voter's own page) the time until every session shows it.
# Stops after the first step whose last session took more than a second.
#
#   benchmark-capacity.sh [--step=250] [--max=5000] [--ballots=2] [--per-side=40] [--open-threads=8]
#                         [--limit-ms=1000] [--heap=1g] [--go-on=true: past the limit, until memory runs out]
#                         [--histograms=true: the server's live heap by class after each step, and its growth per session]
#
# The protocol clients live in this script's JVM (-Xmx8g, CLIENT_HEAP to change), not the server's.
# Extra options for the server's JVM (a flight recording, say): CAPACITY_SERVER_JAVA_OPTS.
# The measuring holds the machine-wide build lock when there is one, so that no build runs meanwhile.
# Results: stdout and target/benchmark/capacity.md (appended).
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
MVN=./mvnw
if command -v mvnl >/dev/null; then MVN=mvnl; fi
$MVN -B -q package -DskipTests
$MVN -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark-classpath.txt
lock=()
if [ -e /tmp/maven-build.lock ] && command -v flock >/dev/null; then lock=(flock /tmp/maven-build.lock); fi
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S), waiting for the build lock"
exec "${lock[@]}" "$JAVA" -Xmx"${CLIENT_HEAP:-8g}" \
  -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  dk.ligevaerd.round.ui.CapacityBenchmark "$@"
