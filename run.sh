#!/usr/bin/env bash
# Builds ParkGrid if needed and serves the seeded embedded GeoPackage on http://localhost:7070
# (set PARKGRID_DB=jdbc:postgresql://... to serve PostGIS instead; see README "Configuration").
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f target/parkgrid.jar ] || [ -n "$(find src static data/seed pom.xml package.json package-lock.json -newer target/parkgrid.jar -print -quit)" ]; then
  mvn -q -B -ntp -DskipTests package
fi
exec java -jar target/parkgrid.jar
