#!/usr/bin/env bash
# The record store's benchmark: starts the packaged app on a fresh embedded database and measures, in one run,
#   1. batched POST /xapi/statements (BATCH statements a request over CONNECTIONS connections) and COPY of the same
#      rows into copies of the store's tables (same columns, same indexes) on the same database: their ratio;
#   2. single-statement POSTs over CONNECTIONS connections;
#   3. filtered GETs (bench/lrs/LrsLoad.java: 12 filter combinations, limit=100) on a store of STATEMENTS
#      generated statements (bench/lrs/generate.sql), p50/p99 per combination.
# Prints a summary table at the end. Output and logs in bench/out/lrs/.
#
#   bench/lrs.sh                          1M generated statements: about 10 minutes on 2 cores
#   STATEMENTS=10000000 DATA_DIR=/var/tmp/lrs10m bench/lrs.sh
#                                          10M (about an hour to generate on 2 cores, ~20 GB); with DATA_DIR the
#                                          database is kept, and a later run with the same DATA_DIR and STATEMENTS
#                                          skips the generation (and the write benchmarks, with SKIP_WRITES=1)
#
# Needs: JDK 21+ (JAVA_HOME, default the JDK 25 of these machines), psql (PostgreSQL client), curl. Installs
# nothing. Builds the jar with ./mvnw if target/sapere-*.jar is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
STATEMENTS=${STATEMENTS:-1000000}
INGEST=${INGEST:-200000}
BATCH=${BATCH:-250}
CONNECTIONS=${CONNECTIONS:-8}
SINGLE=${SINGLE:-20000}
SINGLE_CONNECTIONS=${SINGLE_CONNECTIONS:-16}
QUERIES=${QUERIES:-20000}
QUERY_CONNECTIONS=${QUERY_CONNECTIONS:-4}
PORT=${PORT:-18090}
PGPORT=${PGPORT:-15490}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
for tool in psql curl; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y postgresql-client curl)"; exit 1; }; done

jar=${JAR:-$(ls target/sapere-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$jar" ]; then JAVA_HOME=$JAVA_HOME ./mvnw -B -q package -DskipTests; jar=$(ls target/sapere-*.jar | head -1); fi

out=bench/out/lrs; mkdir -p "$out"
keep=${DATA_DIR:+yes}
data=${DATA_DIR:-$(mktemp -d /tmp/sapere-lrs-bench.XXXXXX)}
mkdir -p "$data"
base="http://127.0.0.1:$PORT"
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres "$@"; }
now_ms() { date +%s%3N; }

"$JAVA" -Xmx1g -XX:+UseG1GC -jar "$jar" --server.address=127.0.0.1 --server.port=$PORT \
  --sapere.data-dir="$data" --sapere.db.embedded-port=$PGPORT --logging.level.root=WARN >"$out/app.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; [ -n "$keep" ] || rm -rf "$data"; }
trap cleanup EXIT
until curl -sf "$base/actuator/health" >/dev/null; do
  kill -0 "$app" 2>/dev/null || { echo "the app died; see $out/app.log"; exit 1; }
  sleep 0.5
done
load() { "$JAVA" -Xmx1500m bench/lrs/LrsLoad.java "$@"; }
field() { awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) print $(i + 1)}'; }
max_seq() { sql -At -c "SELECT coalesce(max(seq), 0) FROM lrs.statement"; }

ingest_rate=-; copy_rate=-; ratio=-; single_rate=-
if [ -z "${SKIP_WRITES:-}" ]; then
  echo ">> warming up the write path"
  load ingest "$base" 20000 "$BATCH" "$CONNECTIONS" >/dev/null
  load single "$base" 4000 "$SINGLE_CONNECTIONS" >/dev/null

  echo ">> batched POST: $INGEST statements, $BATCH a request, $CONNECTIONS connections"
  before=$(max_seq)
  load ingest "$base" "$INGEST" "$BATCH" "$CONNECTIONS" | tee "$out/ingest.txt"
  after=$(max_seq)
  ingest_rate=$(field statements/s < "$out/ingest.txt")

  echo ">> COPY of the same rows into copies of the store's tables (same indexes), one transaction"
  dump=$(mktemp -d /tmp/sapere-lrs-copy.XXXXXX); chmod 777 "$dump"
  sql <<SQL
DROP SCHEMA IF EXISTS lrs_copy CASCADE;
CREATE SCHEMA lrs_copy;
CREATE TABLE lrs_copy.statement (LIKE lrs.statement INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
CREATE TABLE lrs_copy.statement_agent (LIKE lrs.statement_agent INCLUDING ALL);
CREATE TABLE lrs_copy.statement_activity (LIKE lrs.statement_activity INCLUDING ALL);
COPY (SELECT * FROM lrs.statement WHERE seq > $before AND seq <= $after) TO '$dump/statement';
COPY (SELECT * FROM lrs.statement_agent WHERE seq > $before AND seq <= $after) TO '$dump/agent';
COPY (SELECT * FROM lrs.statement_activity WHERE seq > $before AND seq <= $after) TO '$dump/activity';
SQL
  rows=$((after - before))
  t0=$(now_ms)
  sql -1 -c "COPY lrs_copy.statement FROM '$dump/statement'" -c "COPY lrs_copy.statement_agent FROM '$dump/agent'" \
    -c "COPY lrs_copy.statement_activity FROM '$dump/activity'"
  t1=$(now_ms)
  copy_rate=$(awk -v n="$rows" -v ms=$((t1 - t0)) 'BEGIN {printf "%.0f", n / (ms / 1000)}')
  ratio=$(awk -v a="$ingest_rate" -v b="$copy_rate" 'BEGIN {printf "%.2f", a / b}')
  echo "COPY: $rows statements (+ their agent and activity rows) in $((t1 - t0)) ms = $copy_rate statements/s; ingest/COPY = $ratio"
  sql -c "DROP SCHEMA lrs_copy CASCADE"; rm -rf "$dump"

  echo ">> single-statement POST: $SINGLE statements, $SINGLE_CONNECTIONS connections"
  load single "$base" "$SINGLE" "$SINGLE_CONNECTIONS" | tee "$out/single.txt"
  single_rate=$(field statements/s < "$out/single.txt")
fi

generated=$(cat "$data/generated" 2>/dev/null || echo 0)
if [ "$generated" != "$STATEMENTS" ]; then
  [ "$generated" = 0 ] || { echo "DATA_DIR holds $generated generated statements, not $STATEMENTS: use another"; exit 1; }
  echo ">> generating $STATEMENTS statements (bench/lrs/generate.sql, 1M a transaction; indexes built at the end)"
  g0=$(now_ms)
  seqbase=$(max_seq)
  tables="'lrs.statement'::regclass, 'lrs.statement_agent'::regclass, 'lrs.statement_activity'::regclass, 'lrs.statement_ref_key'::regclass"
  index_sql() { # $1 = create | drop: every index of the statement tables but the statement's primary key
    sql -At -c "SELECT CASE WHEN c.oid IS NULL THEN
        CASE '$1' WHEN 'create' THEN pg_get_indexdef(i.indexrelid) ELSE 'DROP INDEX ' || i.indexrelid::regclass END
      ELSE CASE '$1' WHEN 'create' THEN format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, c.conname,
                                              pg_get_constraintdef(c.oid))
           ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, c.conname) END END || ';'
      FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
        AND c.contype IN ('p', 'u')
      WHERE i.indrelid IN ($tables) AND i.indexrelid <> 'lrs.statement_pkey'::regclass"
  }
  index_sql create > "$out/indexes.sql"
  index_sql drop | sql
  for ((from = 1; from <= STATEMENTS; from += 1000000)); do
    to=$((from + 999999)); [ $to -le "$STATEMENTS" ] || to=$STATEMENTS
    sql -v from=$from -v to=$to -v total="$STATEMENTS" -v tag="gen$seqbase-" -v seqbase="$seqbase" -f bench/lrs/generate.sql
    echo "   $to statements ($(( ($(now_ms) - g0) / 1000 )) s)"
  done
  g1=$(now_ms)
  echo "   building the indexes"
  { echo "SET maintenance_work_mem = '1GB';"; cat "$out/indexes.sql"; } | sql
  sql -c "SELECT setval(pg_get_serial_sequence('lrs.statement', 'seq'), max(seq)) FROM lrs.statement" >/dev/null
  sql -c "VACUUM (ANALYZE) lrs.statement, lrs.statement_agent, lrs.statement_activity, lrs.statement_ref_key"
  g2=$(now_ms)
  echo "$STATEMENTS" > "$data/generated"
  echo "   rows $(( (g1 - g0) / 1000 )) s, indexes and vacuum $(( (g2 - g1) / 1000 )) s"
fi
store=$(sql -At -c "SELECT count(*) FROM lrs.statement")
store_size=$(sql -At -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'lrs' AND c.relkind = 'r'")
sql -c "SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'lrs' AND c.relname LIKE 'statement%'
  AND c.relkind IN ('r', 'i') ORDER BY pg_relation_size(c.oid) DESC" > "$out/sizes.txt"

echo ">> filtered GETs on $store statements ($store_size): $QUERIES requests over $QUERY_CONNECTIONS connections"
load query "$base" "$QUERIES" "$QUERY_CONNECTIONS" | tee "$out/query.txt"
p50=$(field query-p50-ms < "$out/query.txt"); p99=$(field query-p99-ms < "$out/query.txt")

printf '\n%-46s %14s %10s\n' measure value target
printf '%-46s %14s %10s\n' "batched POST ($BATCH/request, $CONNECTIONS conn), statements/s" "$ingest_rate" ">= 20000"
printf '%-46s %14s %10s\n' "COPY of the same rows, statements/s" "$copy_rate" ""
printf '%-46s %14s %10s\n' "batched POST / COPY" "$ratio" ">= 0.60"
printf '%-46s %14s %10s\n' "single POST ($SINGLE_CONNECTIONS conn), statements/s" "$single_rate" ">= 3000"
printf '%-46s %14s %10s\n' "filtered GET p50 ms ($QUERY_CONNECTIONS conn)" "$p50" ""
printf '%-46s %14s %10s\n' "filtered GET p99 ms ($QUERY_CONNECTIONS conn)" "$p99" "<= 20"
printf '%-46s %14s %10s\n' "store: statements (size of schema lrs)" "$store ($store_size)" ""
