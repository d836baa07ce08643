#!/usr/bin/env bash
# Export benchmark: bash bench/export.sh  (figures only, never part of the tests).
# 200 000 synthetic line segments (as bench/import.sh) imported into a GeoPackage store file and a PostGIS schema, then
# exported over HTTP in every file format (GET /collections/lines/export?format=…, server java -Xmx256m -jar), each
# beside ogr2ogr converting the same store table to the same format (interleaved).
# Needs target/parkgrid.jar (mvn -o -q -B -DskipTests package -Dnpm.skip=true), ogr2ogr, /usr/bin/time, jstat, PostGIS.
# Knobs: BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_LINES,
# BENCH_SCHEMA (default export_bench), BENCH_FORMATS (default geojson,geopackage,csv,kml,shapefile,flatgeobuf),
# BENCH_PORT (first server port, default 7100; the second store's server takes the next), BENCH_JFR=1 (server profiles).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/export
mkdir -p "$OUT"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[export] $JAR is missing: mvn -o -q -B -DskipTests package -Dnpm.skip=true" >&2; exit 1; }
cp "$JAR" "$OUT/parkgrid.jar"
rm -rf "$OUT/classes"
javac --release 17 -encoding UTF-8 -cp "$OUT/parkgrid.jar" -d "$OUT/classes" bench/src/parkgrid/bench/ExportBenchmark.java \
  bench/src/parkgrid/bench/ImportBenchmark.java bench/src/parkgrid/bench/ImportOverHttp.java bench/src/parkgrid/bench/ServerProcess.java bench/src/parkgrid/bench/HeapWatch.java \
  bench/src/parkgrid/bench/ExportDownload.java src/test/java/parkgrid/testing/SyntheticProvince.java
uptime
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes:$OUT/parkgrid.jar" parkgrid.bench.ExportBenchmark "$OUT" "$OUT/parkgrid.jar"
