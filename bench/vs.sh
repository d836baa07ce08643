#!/usr/bin/env bash
# Issue 10's "serving faster than the database alone":  bash bench/vs.sh [JAR]   (default target/parkgrid.jar)
# (figures only, never a test). On the data bench/ab.sh loaded (run it once first), ParkGrid's bbox page on each store
# at VS_CLIENTS (8) connections against PostgreSQL alone building the same FeatureCollection text under pgbench
# (same windows, drawn with \set w random(1, 200)); prints req/s, p50, p99, p99/p50 and the ratio to PostgreSQL alone.
# Knobs: VS_CLIENTS (8), VS_WARMUP (400), VS_REQUESTS (2000), VS_PGBENCH_SECONDS (20), VS_STORES (GeoPackage,PostGIS),
# VS_SERVER_JVM ({store} becomes geopackage or postgis, e.g. for a JFR file name), BENCH_DB, BENCH_DB_USER, BENCH_DB_PASSWORD,
# BENCH_PORTS (e.g. 7400-7499: the server ports on a shared machine), VS_WRK (1: after the Java client, which checks
# every answer, each server is loaded for VS_WRK_SECONDS (20) by wrk, a C client like pgbench's; 0: Java client only),
# VS_AUTOGROUP (see below); PARKGRID_PAGE_WORKERS and PARKGRID_FEATURE_CACHE_MB pass through to the servers.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/parkgrid.jar}
OUT=bench/out/ab/vs
mkdir -p "$OUT"
cp "$JAR" "$OUT/parkgrid.jar"
rm -rf "$OUT/classes"
javac --release 17 -encoding UTF-8 -Xlint:all,-try -cp "$OUT/parkgrid.jar" -d "$OUT/classes" $(find bench/src -name '*.java') \
  src/test/java/parkgrid/testing/SyntheticProvince.java src/test/java/parkgrid/testing/PgRoutingCoverage.java
# VS_AUTOGROUP=0|1: the kernel's sched_autogroup_enabled for this run (root; restored after). With autogroup on (the
# Debian default) the PostgreSQL service's processes share one scheduling group and this shell's JVMs another, each
# half the CPU when both are busy; PostgreSQL's own tuning advice is 0 on a database server (bench/README, session 8).
AUTOGROUP=/proc/sys/kernel/sched_autogroup_enabled
if [ -n "${VS_AUTOGROUP:-}" ] && [ -w "$AUTOGROUP" ]; then
  WAS=$(cat "$AUTOGROUP")
  echo "$VS_AUTOGROUP" > "$AUTOGROUP"
  trap 'echo "$WAS" > "$AUTOGROUP"' EXIT
fi
java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes:$OUT/parkgrid.jar" parkgrid.bench.VsPostgresBenchmark \
  bench/out "$OUT/parkgrid.jar"
