#!/usr/bin/env bash
# Province-scale benchmark of ParkGrid: bash bench/run.sh  (figures only, never part of the tests).
# bash bench/run.sh coverage  (or BENCH_ONLY=coverage): generate + load the stores, then only the coverage step.
# Uses target/parkgrid.jar when it is newer than the sources; otherwise builds the jar from a snapshot of
# src/main, static, data/seed and pom.xml in bench/out/build (BENCH_SKIP_BUILD=1: use target/parkgrid.jar as is).
# Copies the jar to bench/out/ so a concurrent rebuild cannot change it mid-run, compiles bench/src against it and
# runs parkgrid.bench.ProvinceBenchmark. The table goes to stdout and bench/out/results.txt; progress to stderr.
# Knobs (environment): BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER, BENCH_DB_PASSWORD,
# BENCH_VILLAGES, BENCH_LINES, BENCH_WARMUP, BENCH_REQUESTS, BENCH_THREADS, BENCH_BATCH, BENCH_HTTP_SECONDS,
# BENCH_SUPPLIERS, BENCH_COVERAGE_RADIUS, BENCH_COVERAGE_RUNS, BENCH_ANALYSIS_RUNS, BENCH_ONLY,
# BENCH_SOURCE=head (build the last commit instead of the working tree).
set -euo pipefail
case "${1:-}" in
  "") ;;
  coverage) export BENCH_ONLY=coverage ;;
  all) export BENCH_ONLY=all ;;
  *) echo "usage: bash bench/run.sh [coverage|all]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
JAR=target/parkgrid.jar
stale() { [ ! -f "$1" ] || [ -n "$(find src/main static data/seed pom.xml -newer "$1" -print -quit)" ]; }
if [ "${BENCH_SOURCE:-worktree}" = head ]; then
  # BENCH_SOURCE=head: build the last commit (git archive HEAD), e.g. while the working tree is mid-edit by others.
  COMMIT=$(git rev-parse HEAD)
  JAR="$OUT/build-head/target/parkgrid.jar"
  if [ ! -f "$JAR" ] || [ "$(cat "$OUT/build-head/.commit" 2>/dev/null)" != "$COMMIT" ]; then
    echo "[bench] building commit $COMMIT in $OUT/build-head (mvn -q -DskipTests package)" >&2
    rm -rf "$OUT/build-head" && mkdir -p "$OUT/build-head"
    git archive "$COMMIT" src/main $( [ -d static ] && echo static ) data/seed pom.xml | tar -x -C "$OUT/build-head"
    (cd "$OUT/build-head" && mvn -q -B -ntp -DskipTests package >&2)
    echo "$COMMIT" > "$OUT/build-head/.commit"
  fi
elif [ "${BENCH_SKIP_BUILD:-0}" != 1 ] && stale "$JAR"; then
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
    (cd "$OUT/build" && mvn -q -B -ntp -DskipTests package >&2) || {
      echo "[bench] the working tree does not build (someone may be mid-edit); BENCH_SOURCE=head builds the last commit" >&2; exit 1; }
  fi
fi
[ -f "$JAR" ] || { echo "[bench] $JAR is missing" >&2; exit 1; }
echo "[bench] using $JAR" >&2
cp "$JAR" "$OUT/parkgrid.jar"
rm -rf "$OUT/classes"
# the province generator is shared with the tests (src/test/java/parkgrid/testing), so both use the same data
javac --release 17 -encoding UTF-8 -Xlint:all,-try -cp "$OUT/parkgrid.jar" -d "$OUT/classes" $(find bench/src -name '*.java') \
  src/test/java/parkgrid/testing/SyntheticProvince.java src/test/java/parkgrid/testing/PgRoutingCoverage.java
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$OUT/classes:$OUT/parkgrid.jar" parkgrid.bench.ProvinceBenchmark "$OUT" "$OUT/parkgrid.jar"
