package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;

class MetricProjectionTest {

    @Test
    void choosesTheCgcs2000ZoneOfTheStudyAreaOrUtmOutsideChina() {
        assertEquals(4546, MetricProjection.epsgFor(112.3, 34.1), "Ruyang/Song: CM 111°E");
        assertEquals(4546, MetricProjection.epsgFor(112.47, 34.15), "Ruyang seat is still nearer CM 111°E");
        assertEquals(4547, MetricProjection.epsgFor(112.6, 34.1));
        assertEquals(4534, MetricProjection.epsgFor(74.0, 39.0));
        assertEquals(4554, MetricProjection.epsgFor(135.0, 48.0));
        assertEquals(32632, MetricProjection.epsgFor(10.0, 50.0));
        assertEquals(32719, MetricProjection.epsgFor(-70.0, -30.0));
        assertEquals(4546, new MetricProjection(4546).epsg());
        assertEquals(4546, MetricProjection.forFeatures(List.of(List.of(new parkgrid.feature.Feature(1, wkt("POINT (112.4 34.1)"), java.util.Map.of())))).epsg());
    }

    @Test
    void picksTheZoneOfTheDataCentreNotAFixedOne() {
        parkgrid.feature.Feature 汝阳县城 = new parkgrid.feature.Feature(1, wkt("POINT (112.47 34.15)"), java.util.Map.of());
        parkgrid.feature.Feature 偃师 = new parkgrid.feature.Feature(2, wkt("POINT (112.79 34.73)"), java.util.Map.of());
        parkgrid.feature.Feature 巩义 = new parkgrid.feature.Feature(3, wkt("POINT (113.02 34.75)"), java.util.Map.of());
        parkgrid.feature.Feature 嵩县 = new parkgrid.feature.Feature(4, wkt("POINT (112.09 34.13)"), java.util.Map.of());
        assertEquals(4546, MetricProjection.forFeatures(List.of(List.of(汝阳县城, 嵩县))).epsg(), "west of 112.5°E: CM 111°E");
        assertEquals(4547, MetricProjection.forFeatures(List.of(List.of(偃师, 巩义))).epsg(), "east of 112.5°E: CM 114°E");
        // the extent 112.09–113.02°E has its centre at 112.555°E: CM 114°E, although three of four lie nearer 111°E
        assertEquals(4547, MetricProjection.forFeatures(List.of(List.of(汝阳县城, 嵩县), List.of(偃师, 巩义))).epsg());
        assertEquals(4547, MetricProjection.forExtent(new org.locationtech.jts.geom.Envelope(112.6, 113.2, 34, 35)).epsg());
    }

    @Test
    void zoneOfTheDataCentreAgreesWithGeodesicWithinThreeHundredthsOfAPercent() {
        // Ruyang seat – Song seat lies west of 112.5°E: in EPSG:4546 the scale error there is < 0.03 %
        MetricProjection p = MetricProjection.forExtent(new org.locationtech.jts.geom.Envelope(112.0856, 112.4669, 34.13, 34.16));
        assertEquals(4546, p.epsg());
        Geometry a = p.project(wkt("POINT (112.4669 34.1540)")), b = p.project(wkt("POINT (112.0856 34.1345)"));
        double geodesic = parkgrid.testing.Vincenty.metres(112.4669, 34.1540, 112.0856, 34.1345);
        assertEquals(geodesic, a.distance(b), geodesic * 0.0003);
        // 偃师 – 巩义 east of 112.5°E: in EPSG:4547 (CM 114°E)
        MetricProjection q = MetricProjection.forExtent(new org.locationtech.jts.geom.Envelope(112.79, 113.02, 34.73, 34.75));
        assertEquals(4547, q.epsg());
        double g2 = parkgrid.testing.Vincenty.metres(112.79, 34.73, 113.02, 34.75);
        assertEquals(g2, q.project(wkt("POINT (112.79 34.73)")).distance(q.project(wkt("POINT (113.02 34.75)"))), g2 * 0.0003);
    }

    @Test
    void planarDistancesAgreeWithGeodesicWithinOneTenthPercent() {
        MetricProjection p = new MetricProjection(4546);
        double[][] pairs = {
                {112.4669, 34.1540, 112.0856, 34.1345}, // Ruyang seat – Song seat, ~35 km
                {112.4, 34.1, 112.41, 34.1},             // 1 km east
                {112.4, 34.1, 112.4, 34.11},             // 1 km north
                {112.37, 34.17, 112.63, 34.30},          // across the 112.5°E zone edge
                {112.0, 34.28, 112.5, 34.0},
        };
        for (double[] q : pairs) {
            Geometry a = p.project(wkt("POINT (" + q[0] + " " + q[1] + ")"));
            Geometry b = p.project(wkt("POINT (" + q[2] + " " + q[3] + ")"));
            double planar = a.distance(b);
            double geodesic = parkgrid.testing.Vincenty.metres(q[0], q[1], q[2], q[3]);
            assertEquals(geodesic, planar, geodesic * 0.001, "pair " + java.util.Arrays.toString(q));
        }
    }

    @Test
    void vincentyReferenceMatchesAKnownDistance() {
        // 1° of longitude on the equator is a·π/180 on WGS84
        assertEquals(111_319.49, parkgrid.testing.Vincenty.metres(0, 0, 1, 0), 0.01);
    }

    @Test
    void roundTripReturnsWithinOneTenMillionthOfADegree() {
        MetricProjection p = new MetricProjection(4546);
        Geometry g = wkt("LINESTRING (112.0034569 34.2884591, 112.4669 34.154, 112.63 34.3, 111.2 33.9)");
        Geometry back = p.unproject(p.project(g));
        Coordinate[] a = g.getCoordinates(), b = back.getCoordinates();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].x, b[i].x, 1e-7);
            assertEquals(a[i].y, b[i].y, 1e-7);
        }
        assertEquals(4326, back.getSRID());
    }

    @Test
    void projectedCoordinatesAreGaussKruegerEastingsAndNorthings() {
        Geometry c = new MetricProjection(4546).project(wkt("POINT (111 34)"));
        assertEquals(500_000, c.getCoordinate().x, 0.001, "central meridian has false easting 500 000 m");
        assertEquals(3_763_000, c.getCoordinate().y, 2_000);
    }

    @Test
    void rejectsUnknownOrGeographicEpsgNamingTheParameter() {
        ParkGridException e = assertThrows(ParkGridException.class, () -> new MetricProjection(999_999));
        assertInstanceOf(ParkGridException.InvalidInput.class, e);
        assertEquals("epsg", e.parameter());
        assertEquals("epsg", assertThrows(ParkGridException.class, () -> new MetricProjection(4326)).parameter());
    }

    private static Geometry wkt(String text) {
        try {
            return new org.locationtech.jts.io.WKTReader().read(text);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
