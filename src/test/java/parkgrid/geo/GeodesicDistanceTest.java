package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import parkgrid.testing.Vincenty;

/**
 * Ellipsoidal distances against Vincenty's formula (written independently in the tests) where the answer
 * is known in closed form; agreement with PostGIS geography itself is GeographyAgreementTest's.
 */
class GeodesicDistanceTest {
    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(GeoJsonReader.WGS84).read(text);
    }

    @Test
    void pointToPointIsTheGeodesic() {
        // 汝阳县城 – 嵩县县城, ~35 km
        assertEquals(Vincenty.metres(112.4669, 34.1540, 112.0856, 34.1345), GeodesicDistance.metres(112.4669, 34.1540, 112.0856, 34.1345), 1e-6);
        assertEquals(111_319.491, GeodesicDistance.metres(0, 0, 1, 0), 0.001, "a degree on the equator is a·π/180");
    }

    @Test
    void pointToAMeridianSegmentMeetsItAtRightAngles() throws Exception {
        // the segment lies on the meridian 112°E, where great circle and geodesic coincide
        Geometry meridian = wkt("LINESTRING (112 34.1, 112 34.2)");
        double d = GeodesicDistance.metres(wkt("POINT (112.01 34.15)"), meridian);
        assertEquals(Vincenty.metres(112.01, 34.15, 112, 34.15), d, 0.001);
        // beyond the segment's end the nearest position is the end itself
        assertEquals(Vincenty.metres(112.01, 34.3, 112, 34.2), GeodesicDistance.metres(wkt("POINT (112.01 34.3)"), meridian), 1e-6);
    }

    @Test
    void intersectingOrContainedGeometriesAreZeroApart() throws Exception {
        Geometry park = wkt("POLYGON ((112.44 34.16, 112.47 34.16, 112.47 34.18, 112.44 34.18, 112.44 34.16))");
        assertEquals(0, GeodesicDistance.metres(park, wkt("POINT (112.45 34.17)")), 0);
        assertEquals(0, GeodesicDistance.metres(park, wkt("LINESTRING (112.43 34.17, 112.45 34.17)")), 0);
        // outside: the nearest edge is the eastern one, on the meridian 112.47°E
        assertEquals(Vincenty.metres(112.48, 34.17, 112.47, 34.17), GeodesicDistance.metres(park, wkt("POINT (112.48 34.17)")), 0.001);
    }

    @Test
    void aTargetWithManyVerticesGivesTheSameAnswerAsBruteForce() throws Exception {
        StringBuilder line = new StringBuilder("LINESTRING (");
        for (int i = 0; i <= 2_000; i++) line.append(i == 0 ? "" : ", ").append(112 + i * 0.0005).append(' ').append(34 + 0.01 * Math.sin(i / 50.0));
        Geometry wiggly = wkt(line.append(')').toString());
        GeodesicDistance fromLine = new GeodesicDistance(wiggly);
        for (String p : new String[] {"POINT (112.3 34.05)", "POINT (112.9 33.98)", "POINT (111.9 34)", "POINT (112.55 34.2)"}) {
            Geometry point = wkt(p);
            double brute = Double.POSITIVE_INFINITY;
            for (int i = 1; i < wiggly.getNumPoints(); i++) {
                Geometry segment = GeoJsonReader.WGS84.createLineString(new org.locationtech.jts.geom.Coordinate[] {
                        wiggly.getCoordinates()[i - 1], wiggly.getCoordinates()[i]});
                brute = Math.min(brute, new GeodesicDistance(segment).to(point));
            }
            assertEquals(brute, fromLine.to(point), 1e-9, p);
            assertEquals(brute, GeodesicDistance.metres(point, wiggly), 1e-9, p + " the other way round");
        }
    }

    @Test
    void lengthsAreGeodesicSegmentBySegment() throws Exception {
        Geometry l = wkt("LINESTRING (112.4 34.1, 112.41 34.1, 112.41 34.11)");
        assertEquals(Vincenty.metres(112.4, 34.1, 112.41, 34.1) + Vincenty.metres(112.41, 34.1, 112.41, 34.11), GeodesicDistance.lengthMetres(l), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new GeodesicDistance(wkt("POINT EMPTY")));
    }

    @Test
    void boxesAroundAPositionHoldEverythingWithinTheDistance() {
        org.locationtech.jts.geom.Envelope box = MetricEnvelope.around(112.47, 34.15, 1_500);
        for (int bearing = 0; bearing < 360; bearing += 15) {
            net.sf.geographiclib.GeodesicData g = net.sf.geographiclib.Geodesic.WGS84.Direct(34.15, 112.47, bearing, 1_500);
            assertTrue(box.contains(g.lon2, g.lat2), "bearing " + bearing);
        }
        assertTrue(box.getWidth() < 2 * 1_500 / 92_000.0 * 1.03, "and not much more: " + box);
    }

    @Test
    void theFlatEarthLowerBoundNeverExceedsTheGeodesic() {
        java.util.Random rnd = new java.util.Random(20_240_601L);
        double tightest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 200_000; i++) {
            double lat1 = -72 + rnd.nextDouble() * 144, lon1 = -180 + rnd.nextDouble() * 360;
            // distances from 0 to ~600 km, most of them short, in every direction
            double metres = Math.pow(rnd.nextDouble(), 3) * 600_000;
            net.sf.geographiclib.GeodesicData g = net.sf.geographiclib.Geodesic.WGS84.Direct(lat1, lon1, rnd.nextDouble() * 360, metres);
            double exact = GeodesicDistance.metres(lon1, lat1, g.lon2, g.lat2);
            double low = GeodesicDistance.lowerBoundMetres(lon1, lat1, g.lon2, g.lat2);
            assertTrue(low <= exact, "pair " + i + ": " + low + " > " + exact);
            if (exact > 1_000 && low > 0) tightest = Math.min(tightest, (exact - low) / exact);
        }
        assertTrue(tightest < 0.006, "the bound is useful, not just 0: closest " + tightest);
    }
}
