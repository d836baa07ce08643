#!/usr/bin/env bash
# Import benchmark: bash bench/import.sh  (figures only, never part of the tests).
# 200 000 synthetic line segments (testing.SyntheticProvince, as bench/run.sh generates them) written as GeoJSON (and by
# ogr2ogr as GeoPackage and zipped Shapefile), imported into each store (1) over HTTP (POST /imports) into a running
# server (java -Xmx256m -jar, port BENCH_PORT=7100 / +1, warmed up by a 2 000-line import of each format) and (2) through
# the pipeline (imports.Importer) by a child JVM with -Xmx256m, each beside ogr2ogr doing the same conversion.
# Needs target/parkgrid.jar (mvn -o -q -B -DskipTests package -Dnpm.skip=true), ogr2ogr, zip, /usr/bin/time, PostGIS.
# Knobs: BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_LINES,
# BENCH_SCHEMA (default import_bench), BENCH_SOURCES (default geojson,geopackage,shapefile), BENCH_JFR=1 (a JFR profile per import and server),
# BENCH_HTTP=0 (child JVMs only), BENCH_PORT (default 7100), BENCH_ROUNDS (default 1: HTTP import and ogr2ogr interleaved that many
# times per source, with the medians and their ratio).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/import
mkdir -p "$OUT"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[import] $JAR is missing: mvn -o -q -B -DskipTests package -Dnpm.skip=true" >&2; exit 1; }
cp "$JAR" "$OUT/parkgrid.jar"
rm -rf "$OUT/classes"
javac --release 17 -encoding UTF-8 -cp "$OUT/parkgrid.jar" -d "$OUT/classes" bench/src/parkgrid/bench/ImportBenchmark.java \
  bench/src/parkgrid/bench/ImportOverHttp.java bench/src/parkgrid/bench/ServerProcess.java bench/src/parkgrid/bench/HeapWatch.java \
  src/test/java/parkgrid/testing/SyntheticProvince.java
CP="$OUT/classes:$OUT/parkgrid.jar"
uptime
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" parkgrid.bench.ImportBenchmark "$OUT" "$CP"
