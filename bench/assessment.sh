#!/usr/bin/env bash
# Sapere's assessment benchmark, for issue 7's speed targets. AssessmentBenchmark (src/test/java/org/sapere/assessment/)
# starts the application on its own embedded database (fsync on) with the demo content, then
#   1. gives the demo's published quiz lesson a 20-item quiz of every auto-graded type (item bank, quiz store),
#      makes LEARNERS learner accounts (SQL), enrols them (Registrar), starts an attempt for each (QuizTaking), signs
#      each in over HTTP on their attempt's page, and has all of them POST /learn/attempts/{id}/submit at the same
#      moment from as many virtual threads; prints submissions/s, latency p50/p95/p99/max, the share that succeeded
#      (target 100 %) and the CPU a submission took, and checks in the database that every attempt is GRADED with
#      the score its answers should get;
#   2. grows the course to GRADEBOOK_LEARNERS enrolled learners (SQL) with graded attempts (SQL) on four graded
#      quizzes, and times GET /teach/courses/{id}/gradebook as the course's professor ROUNDS times after a warm-up
#      (p50/p95/max round trip on localhost; target under 200 ms), with the CPU a request took, and the CSV export
#      once.
# The CPU figures are whole processes (the app's JVM with its GC, JIT and the HTTP client; PostgreSQL's postmaster
# and children): unlike times, they do not grow when other builds share the machine.
# Prints a table of the figures and the machine; the report is written to target/bench/assessment.txt, the build's
# output to target/bench-assessment.log. Takes about 2-4 minutes on 2 cores (most of it signing 1,000 learners in:
# Argon2id).
#
#   bench/assessment.sh
#   LEARNERS=200 GRADEBOOK_LEARNERS=2000 ROUNDS=10 bench/assessment.sh        smaller and quicker
#   MAVEN_OFFLINE=1 bench/assessment.sh                                         without reaching Maven Central
#   JFR=1 bench/assessment.sh      records each measured phase: target/bench/assessment-{submit,gradebook}.jfr
#                                  (read with: jfr print --events jdk.ExecutionSample --stack-depth 64 <file>)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
mkdir -p target/bench
report=target/bench/assessment.txt
rm -f "$report"
started=$(date +%s)
./mvnw -B -q ${MAVEN_OFFLINE:+-o} test -Dtest=AssessmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsapere.bench=true -Dsapere.bench.learners="${LEARNERS:-1000}" \
  -Dsapere.bench.gradebook-learners="${GRADEBOOK_LEARNERS:-10000}" -Dsapere.bench.rounds="${ROUNDS:-30}" \
  ${JFR:+-Dsapere.bench.jfr=true} -Dsurefire.excludedGroups= >target/bench-assessment.log 2>&1 || {
  tail -60 target/bench-assessment.log
  [ -f "$report" ] && cat "$report"
  exit 1
}
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
{
  echo "Sapere assessment benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(( $(date +%s) - started )) s in all"
  echo "Machine: $(nproc) cores ($cpu), $memory memory, $(. /etc/os-release && echo "$PRETTY_NAME"),"
  echo "  $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); app, client and PostgreSQL on the same machine (-Xmx1g)"
  echo
  cat "$report"
} | tee "$report.tmp"
mv "$report.tmp" "$report"
