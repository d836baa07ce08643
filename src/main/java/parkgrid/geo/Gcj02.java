package parkgrid.geo;

/**
 * GCJ-02, the obfuscated lon/lat of Chinese web maps (AMap/Gaode, Tencent): the public transform from WGS84
 * (Krasovsky 1940 a = 6 378 245 m, e² = 0.006 693 421 622 965 943 23, offset series in (lon − 105°, lat − 35°))
 * and its inverse by fixed-point iteration. Around Luoyang the offset is about 590 m. Outside mainland China's
 * box (72.004–137.8347°E, 0.8293–55.8271°N) the maps apply no offset and neither does this class. Pure, stateless.
 */
public final class Gcj02 {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    /** Stop iterating when a step moves less than this (degrees, ≈ 0.01 mm). */
    private static final double TOLERANCE = 1e-10;
    private static final int MAX_STEPS = 30;

    private Gcj02() {}

    /** True outside the box in which the maps offset positions. */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 lon/lat (degrees) → GCJ-02 lon/lat, written into {@code out} (length ≥ 2). */
    public static void fromWgs84(double lon, double lat, double[] out) {
        if (outOfChina(lon, lat)) {
            out[0] = lon;
            out[1] = lat;
            return;
        }
        double dLat = latitudeSeries(lon - 105, lat - 35), dLon = longitudeSeries(lon - 105, lat - 35);
        double rad = Math.toRadians(lat), s = Math.sin(rad), m = 1 - EE * s * s, sq = Math.sqrt(m);
        out[0] = lon + dLon * 180 / (A / sq * Math.cos(rad) * Math.PI);
        out[1] = lat + dLat * 180 / ((A * (1 - EE)) / (m * sq) * Math.PI);
    }

    /**
     * GCJ-02 lon/lat → WGS84 lon/lat, into {@code out}: the WGS84 position whose GCJ-02 image is the given one,
     * found by fixed-point iteration (three steps reach sub-millimetre, it stops below 1e-10°).
     */
    public static void toWgs84(double lon, double lat, double[] out) {
        double wLon = lon, wLat = lat;
        double[] g = new double[2];
        for (int i = 0; i < MAX_STEPS; i++) {
            fromWgs84(wLon, wLat, g);
            double dLon = g[0] - lon, dLat = g[1] - lat;
            wLon -= dLon;
            wLat -= dLat;
            if (Math.abs(dLon) < TOLERANCE && Math.abs(dLat) < TOLERANCE) break;
        }
        out[0] = wLon;
        out[1] = wLat;
    }

    private static double latitudeSeries(double x, double y) {
        double r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
        r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
        r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
        return r;
    }

    private static double longitudeSeries(double x, double y) {
        double r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
        r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
        r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
        return r;
    }
}
