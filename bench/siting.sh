#!/usr/bin/env bash
# Siting benchmark (issue 9): bash bench/siting.sh  (figures only, never part of the tests).
# Compiles bench/src/parkgrid/bench/SitingBenchmark.java against target/parkgrid.jar (build it first:
# mvn -o -q -B -DskipTests package) and runs it; the table goes to stdout and bench/out/siting.txt.
# Knobs: BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/postgres), BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_RUNS (5).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[bench] $JAR is missing: mvn -o -q -B -DskipTests package" >&2; exit 1; }
cp "$JAR" "$OUT/siting-parkgrid.jar"
rm -rf "$OUT/siting-classes"
javac --release 17 -encoding UTF-8 -cp "$OUT/siting-parkgrid.jar" -d "$OUT/siting-classes" bench/src/parkgrid/bench/SitingBenchmark.java
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/siting-classes:$OUT/siting-parkgrid.jar" \
  parkgrid.bench.SitingBenchmark | tee "$OUT/siting.txt"
