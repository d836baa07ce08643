#!/usr/bin/env bash
# Province-scale benchmark of ParkGrid: bash bench/run.sh  (figures only, never part of the tests).
# Uses target/parkgrid.jar when it is newer than the sources; otherwise builds the jar from a snapshot of
# src/main, static, data/seed and pom.xml in bench/out/build (BENCH_SKIP_BUILD=1: use target/parkgrid.jar as is).
# Copies the jar to bench/out/ so a concurrent rebuild cannot change it mid-run, compiles bench/src against it and
# runs parkgrid.bench.ProvinceBenchmark. The table goes to stdout and bench/out/results.txt; progress to stderr.
# Knobs (environment): BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER, BENCH_DB_PASSWORD,
# BENCH_VILLAGES, BENCH_LINES, BENCH_WARMUP, BENCH_REQUESTS, BENCH_THREADS, BENCH_BATCH, BENCH_HTTP_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
JAR=target/parkgrid.jar
stale() { [ ! -f "$1" ] || [ -n "$(find src/main static data/seed pom.xml -newer "$1" -print -quit)" ]; }
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] && stale "$JAR"; then
  # Other people may be editing and building in this tree: build a snapshot of the main sources under
  # bench/out/build (no src/test, so unfinished tests cannot break it) instead of touching target/.
  JAR="$OUT/build/target/parkgrid.jar"
  if stale "$JAR"; then
    echo "[bench] target/parkgrid.jar is missing or stale: building a snapshot in $OUT/build (mvn -q -DskipTests package)" >&2
    rm -rf "$OUT/build" && mkdir -p "$OUT/build/src" "$OUT/build/data"
    cp -r src/main "$OUT/build/src/main"
    [ -d static ] && cp -r static "$OUT/build/static"
    cp -r data/seed "$OUT/build/data/seed"
    cp pom.xml "$OUT/build/pom.xml"
    (cd "$OUT/build" && mvn -q -B -ntp -DskipTests package >&2)
  fi
fi
[ -f "$JAR" ] || { echo "[bench] $JAR is missing" >&2; exit 1; }
echo "[bench] using $JAR" >&2
cp "$JAR" "$OUT/parkgrid.jar"
rm -rf "$OUT/classes"
javac --release 17 -encoding UTF-8 -Xlint:all,-try -cp "$OUT/parkgrid.jar" -d "$OUT/classes" $(find bench/src -name '*.java')
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$OUT/classes:$OUT/parkgrid.jar" parkgrid.bench.ProvinceBenchmark "$OUT" "$OUT/parkgrid.jar"
