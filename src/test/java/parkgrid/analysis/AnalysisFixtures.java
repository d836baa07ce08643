package parkgrid.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;

/** Shared test helpers: features from WKT or local offsets, and a geodesic reference distance. */
final class AnalysisFixtures {
    /** Origin of the synthetic test area, near the Ruyang seat. */
    static final double LON0 = 112.4;
    static final double LAT0 = 34.1;
    /** Approximate metres per degree there; tests compare against {@link #geodesicMetres}, not these. */
    static final double M_PER_DEG_LAT = 110_950;
    static final double M_PER_DEG_LON = 111_320 * Math.cos(Math.toRadians(LAT0));

    private AnalysisFixtures() {}

    static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Feature feature(long id, String wkt, Object... keyValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) props.put((String) keyValues[i], keyValues[i + 1]);
        return new Feature(id, wkt(wkt), props);
    }

    /** lon, lat of a point {@code east} / {@code north} metres (approximately) from the origin. */
    static double[] lonLat(double east, double north) {
        return new double[] {LON0 + east / M_PER_DEG_LON, LAT0 + north / M_PER_DEG_LAT};
    }

    static String pointAt(double east, double north) {
        double[] c = lonLat(east, north);
        return "POINT (" + c[0] + " " + c[1] + ")";
    }

    /** A LineString through the given (east, north) metre offsets. */
    static String lineAt(double... eastNorth) {
        StringBuilder sb = new StringBuilder("LINESTRING (");
        for (int i = 0; i < eastNorth.length; i += 2) {
            double[] c = lonLat(eastNorth[i], eastNorth[i + 1]);
            if (i > 0) sb.append(", ");
            sb.append(c[0]).append(' ').append(c[1]);
        }
        return sb.append(')').toString();
    }

    static Feature point(long id, double east, double north, Object... keyValues) {
        return feature(id, pointAt(east, north), keyValues);
    }

    /** Geodesic distance between two offsets, metres. */
    static double geodesic(double e1, double n1, double e2, double n2) {
        double[] a = lonLat(e1, n1), b = lonLat(e2, n2);
        return geodesicMetres(a[0], a[1], b[0], b[1]);
    }

    /** Vincenty's inverse formula on the WGS84 ellipsoid (accurate to well under a millimetre here), metres. */
    static double geodesicMetres(double lon1, double lat1, double lon2, double lat2) {
        double a = 6378137.0, f = 1 / 298.257223563, b = a * (1 - f);
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
        double lambda = l, prev;
        double sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
        int iter = 0;
        do {
            double sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
            sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) return 0;
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            prev = lambda;
            lambda = l + (1 - c) * f * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        } while (Math.abs(lambda - prev) > 1e-12 && ++iter < 200);
        double uSq = cosSqAlpha * (a * a - b * b) / (b * b);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return b * bigA * (sigma - deltaSigma);
    }
}
