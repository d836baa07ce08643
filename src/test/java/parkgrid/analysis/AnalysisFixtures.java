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

    /** Vincenty's inverse formula on the WGS84 ellipsoid, metres: an independent reference for GeographicLib. */
    static double geodesicMetres(double lon1, double lat1, double lon2, double lat2) {
        return parkgrid.testing.Vincenty.metres(lon1, lat1, lon2, lat2);
    }
}
