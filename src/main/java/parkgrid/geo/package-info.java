/**
 * Coordinates, CRSs and metres. Everything is EPSG:4326 lon/lat (x = longitude, y = latitude) unless a
 * name says otherwise.
 *
 * <ul>
 *   <li><b>Distances that decide an answer</b> — within a radius, nearest, over a limit — are ellipsoidal:
 *       {@link parkgrid.geo.GeodesicDistance} (GeographicLib on WGS84; between lines and polygons the
 *       closest pair is found on great-circle arcs as PostGIS {@code geography} does), equal to PostGIS
 *       {@code ST_Distance}/{@code ST_DWithin} on {@code geography} within a millimetre.
 *   <li><b>The one metric projection</b>, {@link parkgrid.geo.MetricProjection}: the CGCS2000 3°
 *       Gauss–Krüger zone of the data's centre (EPSG:4546 west of 112.5°E, EPSG:4547 east of it) for
 *       buffers, areas, line networks and candidate search; {@link parkgrid.geo.MetricEnvelope} is the one
 *       "box around a position in metres" for index searches.
 *   <li><b>CRSs served</b>, {@link parkgrid.geo.SupportedCrs} and {@link parkgrid.geo.CrsTransformer}: CRS84,
 *       EPSG:4326, every CGCS2000 CRS (4490, 4491–4554), 3857, UTM 49N/50N. The {@code crs} parameter uses
 *       the authority axis order (Gauss–Krüger northing first); GeoJSON's legacy {@code crs} member
 *       ({@link parkgrid.geo.GeoJsonCrsMember}) puts easting first, as GDAL reads and writes it.
 *   <li>RFC 7946 GeoJSON reading and streaming writing, the GeoPackage geometry blob, bbox parsing.
 * </ul>
 */
package parkgrid.geo;
