#!/usr/bin/env bash
# Sapere's learning benchmark, for issue 8's targets. LearningBenchmark (src/test/java/org/sapere/learning/) starts
# the application on its own embedded PostgreSQL as a real installation runs it (a data folder, fsync and synchronous
# commit on; target/bench/learning-data, removed afterwards), then
#   1. generates COURSES more published courses (2 modules of 4 readings each), LEARNERS learner accounts, 10
#      enrolments each over all the courses, and lesson progress in a third of them (SQL; the courses through the
#      course repository), and prints how long each took;
#   2. signs CONNECTIONS of those learners in over HTTP; each holds a keep-alive connection and requests GET /learn
#      again as soon as the answer came (warm-up, then MEASURED_SECONDS, 30, measured), with the stylesheet fetched
#      the same way before and after as the static baseline of the same run: requests/s, p50/p95/p99/max, the ratio
#      /learn ÷ static (target >= 0.40), p99 (target <= 50 ms), the CPU a page took and the queries it sent;
#   3. has the same learners post batches of 5 player events to POST /learn/heartbeats (target >= 3,000 requests/s),
#      waits until every accepted event is a statement in the record store (how long that took), and prints the
#      commits and rows a batch wrote.
# For each part it also prints what the CPU a request took allows on idle cores (requests/s, and by Little's law the
# least mean latency at that many connections).
# The client is a plain-socket HTTP/1.1 loop on one platform thread a connection, inside the application's JVM; its
# own CPU is printed (and left out of the application's). CPU figures are whole processes (the JVM with its GC and
# JIT; PostgreSQL's postmaster and children): they grow much less than times when other builds share the machine.
# Prints a table of the figures and the machine; the report is written to target/bench/learning.txt, the build's
# output to target/bench-learning.log. Takes about 5-8 minutes on 2 cores.
#
#   bench/learning.sh
#   LEARNERS=10000 COURSES=50 MEASURED_SECONDS=10 bench/learning.sh       smaller and quicker
#   PARTS=heartbeats bench/learning.sh                            one part only (learn or heartbeats)
#   MAVEN_OFFLINE=1 bench/learning.sh                             without reaching Maven Central
#   JFR=1 bench/learning.sh     records the measured phases: target/bench/learning-{learn,heartbeats}.jfr
#                               (read with: jfr print --events jdk.ExecutionSample --stack-depth 64 <file>)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
mkdir -p target/bench
report=target/bench/learning.txt
rm -f "$report"
trap 'rm -rf target/bench/learning-data' EXIT
started=$(date +%s)
./mvnw -B -q ${MAVEN_OFFLINE:+-o} test -Dtest=LearningBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsapere.bench=true -Dsapere.bench.learners="${LEARNERS:-100000}" -Dsapere.bench.courses="${COURSES:-200}" \
  -Dsapere.bench.connections="${CONNECTIONS:-64}" -Dsapere.bench.seconds="${MEASURED_SECONDS:-30}" \
  -Dsapere.bench.parts="${PARTS:-learn,heartbeats}" ${JFR:+-Dsapere.bench.jfr=true} -Dsurefire.excludedGroups= >target/bench-learning.log 2>&1 || {
  tail -60 target/bench-learning.log
  [ -f "$report" ] && cat "$report"
  exit 1
}
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
{
  echo "Sapere learning benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(( $(date +%s) - started )) s in all"
  echo "Machine: $(nproc) cores ($cpu), $memory memory, $(. /etc/os-release && echo "$PRETTY_NAME"),"
  echo "  $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); app, client and PostgreSQL on the same machine (-Xmx1g)"
  echo
  cat "$report"
} | tee "$report.tmp"
mv "$report.tmp" "$report"
