#!/usr/bin/env bash
# Interleaved A/B of server jars on the same data:  bash bench/ab.sh old=OLD.jar new=NEW.jar [more=X.jar …]
# (figures only, never a test). Rounds old, new, old, new …; each jar in turn serves the GeoPackage and the PostGIS
# schema parkgrid_bench_ab and gets the bbox page load and the Euclidean coverage request; prints every round, then
# median [min–max] per jar and store, with the server JVM's CPU time per request (robust to other load).
# The jars are copied to bench/out/ab/LABEL.jar first, so a rebuild during the run changes nothing. The data are
# loaded once (bench/out/ab/province.gpkg, schema parkgrid_bench_ab) through the API of the last jar; AB_RELOAD=1
# loads again. Knobs: AB_ROUNDS (3), AB_WARMUP (300), AB_REQUESTS (1000), AB_COVERAGE_RUNS (3),
# AB_STORES (GeoPackage,PostGIS), AB_SERVER_JVM (extra server JVM options; {label} becomes jar-store-round, e.g. for
# a JFR file name), BENCH_DB, BENCH_DB_USER, BENCH_DB_PASSWORD.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: bash bench/ab.sh old=OLD.jar new=NEW.jar [label=X.jar …]" >&2; exit 2; }
cd "$(dirname "$0")/.."
OUT=bench/out/ab
mkdir -p "$OUT"
SPECS=()
for spec in "$@"; do
  label=${spec%%=*}; jar=${spec#*=}
  [[ "$label" =~ ^[A-Za-z0-9_-]+$ && -f "$jar" ]] || { echo "[ab] not LABEL=existing.jar: $spec" >&2; exit 2; }
  cp "$jar" "$OUT/$label.jar"
  SPECS+=("$label=$OUT/$label.jar")
  LAST="$OUT/$label.jar"
done
rm -rf "$OUT/classes"
javac --release 17 -encoding UTF-8 -Xlint:all,-try -cp "$LAST" -d "$OUT/classes" $(find bench/src -name '*.java') \
  src/test/java/parkgrid/testing/SyntheticProvince.java src/test/java/parkgrid/testing/PgRoutingCoverage.java
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$OUT/classes:$LAST" parkgrid.bench.AbBenchmark \
  bench/out "$(IFS=,; echo "${SPECS[*]}")"
