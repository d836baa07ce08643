/**
 * Offline basemaps: tile packages the user supplies, read from this machine.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link parkgrid.store.basemap.MbTilesArchive} reads an MBTiles 1.3 file (SQLite with the spec's
 *       {@code metadata(name, value)} and {@code tiles(zoom_level, tile_column, tile_row, tile_data)} tables or views)
 *       read-only. Callers address tiles in XYZ (Web Mercator, y down, as Leaflet and OGC WebMercatorQuad do);
 *       the archive flips y to the file's TMS rows ({@code row = 2^z − 1 − y}).</li>
 *   <li>Tile bytes are returned as stored: vector ({@code format=pbf}) tiles are usually gzip-compressed,
 *       which {@link parkgrid.store.basemap.MbTilesArchive.Tile#gzipped()} says.</li>
 *   <li>PMTiles is not read here (see the brief's report): MBTiles is what GDAL, QGIS, TileMill and
 *       tippecanoe all write.</li>
 * </ul>
 */
package parkgrid.store.basemap;
