#!/usr/bin/env bash
# Compliance benchmark: bash bench/compliance.sh  (figures only, never part of the tests).
# A 1 km² boundary against 10 000 farmland polygons: ParkGrid's analysis.compliance.ComplianceReview beside PostGIS
# ST_Intersection/ST_Area(geography) over the same polygons. Compiled against target/parkgrid.jar like bench/run.sh
# (build it first: mvn -q -DskipTests package). Knobs: BENCH_FARMLAND (10000), BENCH_RUNS (10), BENCH_DB
# (default jdbc:postgresql://127.0.0.1:5432/postgres; a schema bench_compliance is made and dropped), BENCH_DB_USER,
# BENCH_DB_PASSWORD. The table goes to stdout and bench/out/compliance.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[bench] $JAR is missing: mvn -q -DskipTests package" >&2; exit 1; }
mkdir -p "$OUT/compliance-classes"
cp "$JAR" "$OUT/parkgrid-compliance.jar"
javac --release 17 -encoding UTF-8 -cp "$OUT/parkgrid-compliance.jar" -d "$OUT/compliance-classes" bench/src/parkgrid/bench/ComplianceBenchmark.java
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$OUT/compliance-classes:$OUT/parkgrid-compliance.jar" parkgrid.bench.ComplianceBenchmark "$OUT"
