/**
 * Offline basemaps: tile packages the user supplies, read from this machine.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link parkgrid.store.basemap.TileArchive} is what the server needs of a package: its format, zoom range,
 *       bounds, attribution, vector layer ids, and its tiles by XYZ address (Web Mercator, y down, as Leaflet and
 *       OGC WebMercatorQuad count). {@code TileArchive.open(kind, file)} opens either kind; a bad file fails there,
 *       naming the file and what is wrong, so a server never starts on it.</li>
 *   <li>{@link parkgrid.store.basemap.MbTilesArchive} reads an MBTiles 1.3 file (SQLite with the spec's
 *       {@code metadata(name, value)} and {@code tiles(zoom_level, tile_column, tile_row, tile_data)} tables or views)
 *       read-only; it flips y to the file's TMS rows ({@code row = 2^z − 1 − y}).</li>
 *   <li>{@link parkgrid.store.basemap.PmTilesArchive} reads a PMTiles v3 archive: the 127-byte header, the root and
 *       leaf directories (varints, gzip or uncompressed), tile ids on the Hilbert curve, run-length entries; tiles are
 *       read by position from one {@link java.nio.channels.FileChannel}, never the whole file. Brotli- or
 *       zstd-compressed directories are refused at open (the JDK has neither); tiles so compressed are served as
 *       stored with that {@code Content-Encoding}.</li>
 *   <li>Tile bytes are returned as stored, with the HTTP {@code Content-Encoding} they already carry
 *       ({@link parkgrid.store.basemap.TileArchive.Tile#contentEncoding()}; vector tiles are usually gzip).</li>
 * </ul>
 */
package parkgrid.store.basemap;
