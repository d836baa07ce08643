package parkgrid.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * Lon/lat boxes around a position or a box that hold every position within a given number of metres of
 * it on the WGS84 ellipsoid: the candidate window for a distance question answered through a spatial
 * index of EPSG:4326 geometries. The box grows by the distance over the shortest length of a degree of
 * latitude (at the equator) and of longitude (at the box's poleward edge after growing), plus 1 %, so it
 * is never too small; boxes are clipped to [-180, 180] × [-90, 90] (no wrap across the antimeridian).
 */
public final class MetricEnvelope {
    /** Shortest length of one degree of latitude on WGS84 (at the equator), metres. */
    static final double METRES_PER_DEGREE_LAT = 110_574;
    /** Length of one degree of longitude on the equator (a · π / 180), metres. */
    static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;
    private static final double SAFETY = 1.01;

    private MetricEnvelope() {}

    /**
     * @param lonLat a non-empty EPSG:4326 box (x = lon, y = lat)
     * @param metres distance, ≥ 0; infinity gives the whole world
     * @return a new box; {@code lonLat} is not changed
     * @throws IllegalArgumentException when {@code metres} is negative or NaN, or the box is empty
     */
    public static Envelope around(Envelope lonLat, double metres) {
        if (!(metres >= 0)) throw new IllegalArgumentException("distance must be ≥ 0 metres, got " + metres);
        if (lonLat.isNull()) throw new IllegalArgumentException("cannot grow an empty box");
        if (Double.isInfinite(metres)) return new Envelope(-180, 180, -90, 90);
        double dLat = metres / METRES_PER_DEGREE_LAT * SAFETY;
        double poleward = Math.min(89.9, Math.max(Math.abs(lonLat.getMinY()), Math.abs(lonLat.getMaxY())) + dLat);
        double dLon = metres / (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(poleward))) * SAFETY;
        return new Envelope(Math.max(-180, lonLat.getMinX() - dLon), Math.min(180, lonLat.getMaxX() + dLon),
                Math.max(-90, lonLat.getMinY() - dLat), Math.min(90, lonLat.getMaxY() + dLat));
    }

    /** The box around one lon/lat position. */
    public static Envelope around(double lon, double lat, double metres) {
        return around(new Envelope(lon, lon, lat, lat), metres);
    }
}
