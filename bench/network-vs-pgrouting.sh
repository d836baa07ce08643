#!/usr/bin/env bash
# Network coverage vs pgRouting (issue 10): bash bench/network-vs-pgrouting.sh  (figures only, never part of the tests).
# The province (50 000 villages, 2 000 suppliers, 200 000 lines) in a PostGIS database of its own; ParkGrid's network
# coverage (constant 1 500 m) over HTTP from a java -Xmx1g server on that database and in-process, beside the same
# definition in SQL + pgr_drivingDistance (src/test/resources/pgrouting/*.sql); interleaved runs, medians, ratios, and
# the covered village sets compared id by id. Output: stdout and bench/out/network-vs-pgrouting.txt.
# Installs postgresql-15-pgrouting with apt-get when it is missing, creates the database and the extensions postgis and
# pgrouting in it. Needs target/parkgrid.jar (mvn -o -q -B -DskipTests -Dnpm.skip=true package) and psql.
# Knobs: BENCH_PGR_DB (jdbc:postgresql://127.0.0.1:5432/parkgrid_bench_pgrouting), BENCH_DB_USER, BENCH_DB_PASSWORD,
# PGR_SCHEMA (province), PGR_RUNS (3), PGR_PORT (server port; 0 = any free one), PGR_RELOAD=1 (load the data again),
# PGR_SERVER_JVM (extra server JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/net.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT/logs"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[pgr] $JAR is missing: mvn -o -q -B -DskipTests -Dnpm.skip=true package" >&2; exit 1; }
export BENCH_PGR_DB=${BENCH_PGR_DB:-jdbc:postgresql://127.0.0.1:5432/parkgrid_bench_pgrouting}
USER_=${BENCH_DB_USER:-postgres}
if [ ! -f /usr/share/postgresql/15/extension/pgrouting.control ]; then
  echo "[pgr] installing postgresql-15-pgrouting" >&2
  command -v apt-get >/dev/null || { echo "[pgr] postgresql-15-pgrouting is missing and there is no apt-get" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15-pgrouting >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15-pgrouting >&2; }
fi
# psql takes a libpq URL: jdbc:postgresql://host:port/db → postgresql://user@host:port/db
URL=${BENCH_PGR_DB#jdbc:}
URL=${URL/postgresql:\/\//postgresql://$USER_@}
DB_NAME=${URL##*/}
DB_NAME=${DB_NAME%%\?*}
ADMIN_URL=${URL%/*}/postgres
if [ "$(psql "$ADMIN_URL" -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  psql "$ADMIN_URL" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB_NAME\""
fi
psql "$URL" -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS postgis" -c "CREATE EXTENSION IF NOT EXISTS pgrouting"
cp "$JAR" "$OUT/pgrouting-parkgrid.jar"
rm -rf "$OUT/pgrouting-classes"
javac --release 17 -encoding UTF-8 -cp "$OUT/pgrouting-parkgrid.jar" -d "$OUT/pgrouting-classes" $(find bench/src -name '*.java') \
  src/test/java/parkgrid/testing/SyntheticProvince.java src/test/java/parkgrid/testing/PgRoutingCoverage.java
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$OUT/pgrouting-classes:src/test/resources:$OUT/pgrouting-parkgrid.jar" parkgrid.bench.NetworkVsPgRoutingBenchmark \
  "$OUT" "$OUT/pgrouting-parkgrid.jar"
