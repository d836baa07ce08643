package parkgrid.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * The OGC 2DTMS {@code WebMercatorQuad} tile matrix set: EPSG:3857 (spherical Mercator, metres), 256 × 256
 * pixel tiles, one tile at zoom 0, origin at the top left corner (-20037508.34, 20037508.34), rows counted
 * downwards. Zooms 0..{@link #MAX_ZOOM}.
 */
public final class WebMercatorQuad {
    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    public static final int MAX_ZOOM = 22;
    public static final int TILE_PIXELS = 256;
    /** Half the width of the world in EPSG:3857 metres. */
    public static final double ORIGIN = 20037508.3427892;
    private static final double RADIUS = 6378137.0;
    /** The OGC standard rendering pixel, 0.28 mm. */
    private static final double PIXEL_METRES = 0.00028;
    private static final double MAX_LATITUDE = 85.0511287798066;

    private WebMercatorQuad() {}

    /** Tiles per row (and per column) at {@code zoom}. */
    public static long matrixSize(int zoom) {
        return 1L << zoom;
    }

    /** The width of one tile at {@code zoom}, EPSG:3857 metres. */
    public static double tileWidth(int zoom) {
        return 2 * ORIGIN / matrixSize(zoom);
    }

    /** The width of one pixel of a 256-pixel tile at {@code zoom}, EPSG:3857 metres (the TMS cellSize). */
    public static double cellSize(int zoom) {
        return tileWidth(zoom) / TILE_PIXELS;
    }

    public static double scaleDenominator(int zoom) {
        return cellSize(zoom) / PIXEL_METRES;
    }

    /** True when zoom, row and column name a tile of the set. */
    public static boolean exists(int zoom, long row, long col) {
        return zoom >= 0 && zoom <= MAX_ZOOM && row >= 0 && col >= 0 && row < matrixSize(zoom) && col < matrixSize(zoom);
    }

    /** The tile's bounds in EPSG:3857 metres, widened on every side by {@code marginFraction} of its width. */
    public static Envelope tileEnvelope(int zoom, long row, long col, double marginFraction) {
        double w = tileWidth(zoom), m = w * marginFraction;
        double minX = -ORIGIN + col * w, maxY = ORIGIN - row * w;
        return new Envelope(minX - m, minX + w + m, maxY - w - m, maxY + m);
    }

    /**
     * The same bounds in EPSG:4326 lon/lat. Mercator maps meridians and parallels to straight lines, so the
     * box of the corners is exactly the tile's area (clamped to the set's latitude range).
     */
    public static Envelope lonLatEnvelope(Envelope mercator) {
        return new Envelope(lon(Math.max(-ORIGIN, mercator.getMinX())), lon(Math.min(ORIGIN, mercator.getMaxX())),
                lat(Math.max(-ORIGIN, mercator.getMinY())), lat(Math.min(ORIGIN, mercator.getMaxY())));
    }

    /** EPSG:4326 longitude (degrees) to EPSG:3857 x (metres). */
    public static double x(double lon) {
        return RADIUS * Math.toRadians(lon);
    }

    /** EPSG:4326 latitude (degrees, clamped to ±85.05°) to EPSG:3857 y (metres). */
    public static double y(double lat) {
        double l = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return RADIUS * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(l) / 2));
    }

    static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }
}
