#!/usr/bin/env bash
# Scale-out benchmark (issue 10): bash bench/scaleout.sh  (figures only, never part of the tests).
# The bbox page on one ParkGrid instance directly, through HAProxy with one instance, and through HAProxy with two
# (round robin), both server JVMs over the PostGIS schema parkgrid_bench_ab that bench/ab.sh loads (run that once
# first). Needs target/parkgrid.jar (mvn -o -q -B -DskipTests package) and /usr/sbin/haproxy (apt-get install haproxy).
# Knobs: BENCH_DB, BENCH_DB_USER, BENCH_DB_PASSWORD, SCALE_SCHEMA, SCALE_REQUESTS (1500), SCALE_ROUNDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT/logs"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[bench] $JAR is missing: mvn -o -q -B -DskipTests package" >&2; exit 1; }
[ -x /usr/sbin/haproxy ] || { echo "[bench] /usr/sbin/haproxy is missing: apt-get install haproxy" >&2; exit 1; }
cp "$JAR" "$OUT/scaleout-parkgrid.jar"
rm -rf "$OUT/scaleout-classes"
javac --release 17 -encoding UTF-8 -cp "$OUT/scaleout-parkgrid.jar" -d "$OUT/scaleout-classes" $(find bench/src -name '*.java') \
  src/test/java/parkgrid/testing/SyntheticProvince.java src/test/java/parkgrid/testing/PgRoutingCoverage.java
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/scaleout-classes:$OUT/scaleout-parkgrid.jar" \
  parkgrid.bench.ScaleOutBenchmark "$OUT" "$OUT/scaleout-parkgrid.jar"
