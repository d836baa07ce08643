#!/usr/bin/env bash
# Facility-location benchmark: bash bench/facility.sh [runs]  (figures only, never part of the tests).
# 200 candidates × 2 000 demand points, greedy and exact (OR-Tools CP-SAT, 10 s limit), six seeded cases.
# Uses target/parkgrid.jar (build it first: mvn -q -B -DskipTests package); copies it to bench/out/ so a
# concurrent rebuild cannot change it mid-run, compiles bench/src against it like bench/run.sh and runs
# parkgrid.bench.FacilityBenchmark. FACILITY_CASES=8,9 runs only those cases. The table goes to stdout and bench/out/results-facility.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
JAR=target/parkgrid.jar
[ -f "$JAR" ] || { echo "[bench] $JAR is missing: mvn -q -B -DskipTests package" >&2; exit 1; }
cp "$JAR" "$OUT/parkgrid-facility.jar"
rm -rf "$OUT/classes-facility"
javac --release 17 -encoding UTF-8 -Xlint:all,-try -cp "$OUT/parkgrid-facility.jar" -d "$OUT/classes-facility" bench/src/parkgrid/bench/FacilityBenchmark.java
java -Xmx1g -Dexact="${EXACT:-scip}" -Dcases="${FACILITY_CASES:-}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes-facility:$OUT/parkgrid-facility.jar" \
  parkgrid.bench.FacilityBenchmark "${1:-1}" | tee "$OUT/results-facility.txt"
