#!/usr/bin/env bash
# Name-search benchmark: bash bench/search.sh [old.jar] (figures only, never part of the tests).
# The requests the map's search box sends for a tiled layer (static/search.js: /items?limit=21&filter=… LIKE, CASEI for
# text with case) against the province GeoPackage the browser test builds (target/test-fixtures/province-*.gpkg: 50 000
# villages, 200 000 line segments; run MapProvinceTilesBrowserTest once to make it). Each jar (target/parkgrid.jar and,
# when given, an older one) serves a copy on BENCH_PORT (7700); each query is sent BENCH_RUNS (5) times after one warm-up,
# the median wall time printed (ms).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-7700}
RUNS=${BENCH_RUNS:-5}
FIXTURE=$(ls target/test-fixtures/province-*.gpkg 2>/dev/null | head -1)
[ -n "$FIXTURE" ] || { echo "[bench] no province fixture: run MapProvinceTilesBrowserTest once" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PID=
cat > "$WORK/filter.mjs" <<'EOF'
import { nameFilter } from './search.mjs';
console.log(encodeURIComponent(nameFilter(['name'], process.argv[2])));
EOF
cp static/search.js "$WORK/search.mjs"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for JAR in target/parkgrid.jar "$@"; do
  cp "$FIXTURE" "$WORK/p.gpkg"
  PARKGRID_GPKG="$WORK/p.gpkg" PARKGRID_PORT=$PORT java -jar "$JAR" > "$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 60); do curl -sf "localhost:$PORT/collections" > /dev/null && break; sleep 1; done
  for TEXT in 张庄村 庄 Zhang; do
    F=$(node "$WORK/filter.mjs" "$TEXT")
    for LAYER in province_villages province_lines; do
      URL="localhost:$PORT/collections/$LAYER/items?limit=21&filter-lang=cql2-text&filter=$F"
      curl -s -o /dev/null "$URL"
      MS=$(for _ in $(seq "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' "$URL"; done | median | awk '{ printf "%.0f", $1 * 1000 }')
      echo "$JAR	$TEXT	$LAYER	$MS ms	load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
