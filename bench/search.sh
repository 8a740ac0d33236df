#!/usr/bin/env bash
# Sapere's search benchmark: lists 10,000 generated courses (five languages) in the catalogue's read model on the
# embedded PostgreSQL, runs 50 fixed queries (words, phrases, typos, prefixes, filters, sorts, pages) 40 times
# each, and prints p50/p99 server time per query and overall (target: p99 <= 50 ms). The full report, with the
# EXPLAIN ANALYZE plans of the main query shapes, is written to target/bench/search.txt.
#
#   bench/search.sh
#   COURSES=20000 ROUNDS=100 bench/search.sh
#   SAPERE_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench SAPERE_DB_USER=postgres bench/search.sh   (another server)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
./mvnw -B -q ${MAVEN_OFFLINE:+-o} test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsapere.bench=true -Dsapere.bench.courses="${COURSES:-10000}" -Dsapere.bench.rounds="${ROUNDS:-40}" \
  -Dsurefire.excludedGroups= >target/bench-search.log 2>&1 || { tail -50 target/bench-search.log; exit 1; }
cat target/bench/search.txt
