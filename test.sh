#!/usr/bin/env bash
# The one test command: prepares PostGIS, GDAL, PyQGIS and Chromium (installing them where missing), then runs
# every test — unit, store contract (GeoPackage and PostGIS), HTTP API, GDAL and QGIS client and browser tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/test-env.sh
exec mvn -B -ntp verify "$@"
