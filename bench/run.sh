#!/usr/bin/env bash
# Sapere's page benchmark: starts the packaged app on a fresh embedded database with 250 generated learners,
# warms it up, and runs wrk (64 connections, 30 s) against a static file (the baseline), the catalogue, a course
# page and /learn for signed-in learners (a different learner per request). Prints requests/s, p99 and each
# page's ratio to the static baseline from the same run, plus start-up time and heap after start.
#
#   bench/run.sh            (needs wrk: apt-get install -y wrk; builds the jar if it is missing)
#   DURATION=10s LEARNERS=200 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
LEARNERS=${LEARNERS:-250}
PORT=${PORT:-18080}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

jar=$(ls target/sapere-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then JAVA_HOME=$JAVA_HOME ./mvnw -B -q package -DskipTests; jar=$(ls target/sapere-*.jar | head -1); fi

out=bench/out; mkdir -p "$out"
data=$(mktemp -d /tmp/sapere-bench.XXXXXX)
base="http://127.0.0.1:$PORT"

start_ms=$(date +%s%3N)
jfr=()
if [ -n "${JFR:-}" ]; then jfr=(-XX:StartFlightRecording=filename=$PWD/$out/profile.jfr,settings=profile); fi
"$JAVA" -Xmx512m -XX:+UseG1GC "${jfr[@]}" -jar "$jar" --server.port=$PORT --sapere.data-dir="$data" \
  --sapere.demo.extra-learners="$LEARNERS" --logging.level.root=WARN >"$out/app.log" 2>&1 &
app=$!
cleanup() { [ -n "${JFR:-}" ] && "$JAVA_HOME/bin/jcmd" "$app" JFR.dump filename="$PWD/$out/profile.jfr" >/dev/null 2>&1; kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

until curl -sf "$base/actuator/health" >/dev/null; do
  kill -0 "$app" 2>/dev/null || { echo "the app died; see $out/app.log"; exit 1; }
  sleep 0.2
done
ready_ms=$(date +%s%3N)
startup=$(( ready_ms - start_ms ))
heap_mb=$(curl -s "$base/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')

echo ">> signing in $LEARNERS learners"
: > "$out/sessions.txt"
sign_in() {
  local i=$1 jar_file
  jar_file=$(mktemp)
  local csrf
  csrf=$(curl -s -c "$jar_file" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar_file" -c "$jar_file" -o /dev/null \
    --data-urlencode "username=$(printf 'learner%03d@learners.sapere.test' "$i")" \
    --data-urlencode "password=sapere-demo-2026" --data-urlencode "_csrf=$csrf" "$base/login"
  awk '$6 == "JSESSIONID" {print $7}' "$jar_file"
  rm -f "$jar_file"
}
export -f sign_in; export base
seq 1 "$LEARNERS" | xargs -P 4 -I{} bash -c 'sign_in {}' >> "$out/sessions.txt"
signed=$(grep -c . "$out/sessions.txt")
# a signed-in session must see its own learning page
curl -sf -o /dev/null -b "JSESSIONID=$(head -1 "$out/sessions.txt")" "$base/learn" || { echo "sessions do not work"; exit 1; }

static=/css/sapere.css
catalogue=/courses
course=/courses/project-management-essentials
declare -A size
for p in $static $catalogue $course; do size[$p]=$(curl -s "$base$p" | wc -c); done
size[/learn]=$(curl -s -b "JSESSIONID=$(head -1 "$out/sessions.txt")" "$base/learn" | wc -c)

run() { # name path [lua]
  local name=$1 path=$2 lua=${3:-}
  local args=(-t2 -c"$CONNECTIONS" -d"$DURATION" --latency)
  if [ -n "$lua" ]; then args+=(-s "$lua"); fi
  wrk "${args[@]}" "$base$path" ${lua:+-- "$out/sessions.txt"} > "$out/$name.txt"
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$out/$name.txt")
  non2xx=$(awk -F'[ :]+' '/Non-2xx/ {print $5}' "$out/$name.txt"); non2xx=${non2xx:-0}
  echo "$name $rps $p99 $non2xx"
}

echo ">> warming up"
for p in $static $catalogue $course; do wrk -t2 -c16 -d10s "$base$p" >/dev/null; done
wrk -t2 -c16 -d10s -s bench/learn.lua "$base/learn" -- "$out/sessions.txt" >/dev/null

echo ">> measuring ($CONNECTIONS connections, $DURATION each)"
results=()
results+=("$(run static $static)")
results+=("$(run catalogue $catalogue)")
results+=("$(run course $course)")
results+=("$(run learn /learn bench/learn.lua)")

base_rps=$(echo "${results[0]}" | awk '{print $2}')
printf '\n%-10s %-40s %8s %12s %9s %8s %7s\n' page path bytes "requests/s" p99 ratio non2xx
paths=($static $catalogue $course /learn)
for i in "${!results[@]}"; do
  read -r name rps p99 non2xx <<< "${results[$i]}"
  ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.2f", a/b}')
  printf '%-10s %-40s %8s %12s %9s %8s %7s\n' "$name" "${paths[$i]}" "${size[${paths[$i]}]}" "$rps" "$p99" "$ratio" "$non2xx"
done
printf '\nstart-up to healthy: %d ms; heap used after start: %s MB; learners signed in: %d\n' "$startup" "$heap_mb" "$signed"
