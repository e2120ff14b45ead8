#!/usr/bin/env bash
# Co-editing benchmark (docs/performance.md, "Co-editing"): builds the jar, starts it as a server
# process on a scratch H2 file with the demo workspace, and drives its WebSocket endpoint with
# N simulated editors on one statement. Arguments: editor counts (default 10 50 200) and
# optionally --seconds=S per count (default 60). Results: stdout and target/benchmark/collab.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark-classpath.txt
exec "$JAVA" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  dk.ligevaerd.statement.bench.CollabBenchmark "$@"
