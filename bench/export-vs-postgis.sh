#!/usr/bin/env bash
# Export benchmark (issue 10): bash bench/export-vs-postgis.sh  (figures only, never part of the tests).
# GeoJSON export of the province's 200 000 lines by a java -Xmx256m ParkGrid server on PostGIS, beside PostGIS's own
# ST_AsGeoJSON(t.*) over the same rows streamed by psql \copy to a file; interleaved runs, medians, ratio and the
# server's peak heap. Reads the schema parkgrid_bench_ab that bench/ab.sh loads (run that once first).
# Needs target/parkgrid.jar (mvn -o -q -B -DskipTests package) and psql.
# Knobs: BENCH_DB, BENCH_DB_USER, BENCH_DB_PASSWORD, SCALE_SCHEMA, EXPORT_RUNS (3), EXPORT_WARMUP (3),
# PARKGRID_FEATURE_CACHE_MB (passed to the server; 0 times the cold path). Needs curl.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT/logs"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[bench] $JAR is missing: mvn -o -q -B -DskipTests package" >&2; exit 1; }
cp "$JAR" "$OUT/export-parkgrid.jar"
rm -rf "$OUT/export-classes"
javac --release 17 -encoding UTF-8 -cp "$OUT/export-parkgrid.jar" -d "$OUT/export-classes" $(find bench/src -name '*.java') \
  src/test/java/parkgrid/testing/SyntheticProvince.java src/test/java/parkgrid/testing/PgRoutingCoverage.java
java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/export-classes:$OUT/export-parkgrid.jar" \
  parkgrid.bench.ExportVsPostGisBenchmark "$OUT" "$OUT/export-parkgrid.jar"
