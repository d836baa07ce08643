package parkgrid.store.basemap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A tile package the user supplies for the offline basemap, opened read-only: what the map page needs to draw it
 * and its tiles by XYZ address (Web Mercator, y down from the north, as Leaflet and OGC WebMercatorQuad count).
 * Implementations hold no per-request state and may be shared by threads.
 */
public interface TileArchive {
    /** Deepest zoom WebMercatorQuad defines in ParkGrid (OGC 2D TMS: 0..24; Leaflet draws to 22 here). */
    int MAX_ZOOM = 24;

    /**
     * One stored tile: its bytes as stored, their media type, and the HTTP {@code Content-Encoding} they are
     * already compressed with ({@code gzip}, {@code br}, {@code zstd}), or null when they are not.
     */
    record Tile(byte[] bytes, String mediaType, String contentEncoding) {}

    /** {@code png}, {@code jpg}, {@code webp}, {@code avif} or {@code pbf} (Mapbox Vector Tile). */
    String format();

    /** The media type of the archive's tiles. */
    String mediaType();

    /** True for vector tiles (Mapbox Vector Tile). */
    default boolean isVector() { return format().equals("pbf"); }

    int minZoom();

    int maxZoom();

    /** The attribution to show, else the package's name, else a neutral label. */
    String attribution();

    /** West, south, east, north in degrees (EPSG:4326), when the package says. */
    Optional<double[]> bounds();

    /** The ids of the vector layers the package lists (empty for raster packages). */
    List<String> vectorLayers();

    /**
     * The tile at an XYZ address, or empty when the package holds none there.
     *
     * @throws IllegalArgumentException when z is outside 0..{@value #MAX_ZOOM} or x/y outside 0..2^z−1 (the value named)
     */
    Optional<Tile> tile(int z, int x, int y);

    /**
     * Opens a package of the given kind.
     *
     * @param kind {@code mbtiles} or {@code pmtiles}
     * @throws IllegalArgumentException when the file is missing or is not such a package, naming the file and what is wrong
     */
    static TileArchive open(String kind, Path file) {
        return switch (kind) {
            case "mbtiles" -> MbTilesArchive.open(file);
            case "pmtiles" -> PmTilesArchive.open(file);
            default -> throw new IllegalArgumentException("no tile package kind '" + kind + "': mbtiles or pmtiles");
        };
    }

    /** Checks an XYZ address against WebMercatorQuad, naming the value outside it. */
    static void checkAddress(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        long n = 1L << z;
        if (x < 0 || x >= n) throw new IllegalArgumentException("column " + x + " is outside 0.." + (n - 1) + " at zoom " + z);
        if (y < 0 || y >= n) throw new IllegalArgumentException("row " + y + " is outside 0.." + (n - 1) + " at zoom " + z);
    }
}
