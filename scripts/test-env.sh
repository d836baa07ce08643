#!/usr/bin/env bash
# Installs and starts what the test suite needs on a Debian machine of this project's kind, idempotently:
# PostgreSQL 15 + PostGIS 3 (database parkgrid_test with the postgis extension), GDAL (ogrinfo/ogr2ogr,
# the OGC API client the tests drive), PyQGIS (python3-qgis for the system /usr/bin/python3: QGIS as a client,
# run headless with QT_QPA_PLATFORM=offscreen), Chromium + ChromeDriver (browser tests), Node.js + npm (the Maven
# build runs npm ci for the map's browser libraries), poppler-utils (pdftotext reads the map's PDF export and the
# compliance report), fonts-wqy-microhei (the TrueType CJK font the compliance PDF report embeds), haproxy (the load balancer
# ScaleOutTest puts in front of two server instances), pgRouting (postgresql-15-pgrouting: NetworkCoveragePgRoutingAgreementTest
# creates the extension in its own schema parkgrid_pgrouting).
set -euo pipefail

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

missing=()
dpkg -s postgresql-15-postgis-3 >/dev/null 2>&1 || missing+=(postgresql-15 postgresql-15-postgis-3)
dpkg -s postgresql-15-pgrouting >/dev/null 2>&1 || missing+=(postgresql-15-pgrouting)
command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1 || missing+=(python3-qgis)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-env: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PGHOST=127.0.0.1
PGPORT=5432
if ! pg_isready -h "$PGHOST" -p "$PGPORT" -q; then
  echo "test-env: starting PostgreSQL"
  if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    $SUDO pg_createcluster 15 main >/dev/null
  fi
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h "$PGHOST" -p "$PGPORT" -q && break; sleep 1; done
fi
pg_isready -h "$PGHOST" -p "$PGPORT" -q || { echo "test-env: PostgreSQL is not answering on $PGHOST:$PGPORT" >&2; exit 1; }

psql_admin() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'parkgrid_test'")" != "1" ]; then
  psql_admin -d postgres -c "CREATE DATABASE parkgrid_test"
fi
psql_admin -d parkgrid_test -c "CREATE EXTENSION IF NOT EXISTS postgis"
echo "test-env: PostGIS $(psql_admin -d parkgrid_test -c 'SELECT postgis_lib_version()'), $(ogrinfo --version), QGIS $(QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.version())' 2>/dev/null), $(chromium --version 2>/dev/null), node $(node --version), npm $(npm --version)"
