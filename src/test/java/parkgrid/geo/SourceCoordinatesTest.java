package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every way an imported file gives positions lands on 汝阳县城 (112.4669°E, 34.1540°N, FACTS.md). The projected
 * values are PROJ 9's ({@code gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4526 / 4547 / 4525}).
 */
class SourceCoordinatesTest {
    private static final double LON = 112.4669, LAT = 34.1540;
    /** Within 1e-6° (≈ 0.1 m) of PROJ. */
    private static final double TOLERANCE = 1e-6;
    private static final GeometryFactory GF = new GeometryFactory();

    private static Coordinate lonLat(SourceCoordinates s, double x, double y) {
        Geometry g = s.toLonLat(GF.createPoint(new Coordinate(x, y)));
        return g.getCoordinate();
    }

    private static void assertRuyang(Coordinate c) {
        assertEquals(LON, c.x, TOLERANCE, "lon");
        assertEquals(LAT, c.y, TOLERANCE, "lat");
    }

    @Test
    void gaussKrugerZone38WithPrefixFindsTheZoneFromTheEasting() {
        SourceCoordinates s = SourceCoordinates.of("CGCS2000-GK", null, null, null);
        assertRuyang(lonLat(s, 38358614.702, 3781805.818));
        assertEquals(4526, s.gaussKrugerCode(new Coordinate(38358614.702, 3781805.818)));
    }

    @Test
    void noCrsAndPrefixedEastingIsGaussKrugerToo() {
        assertRuyang(lonLat(SourceCoordinates.of(null, null, null, null), 38358614.702, 3781805.818));
    }

    @Test
    void gaussKrugerWithoutPrefixTakesTheZoneOrCentralMeridianOption() {
        assertRuyang(lonLat(SourceCoordinates.of("CGCS2000-GK", 38, null, null), 358614.702, 3781805.818));
        assertRuyang(lonLat(SourceCoordinates.of(null, null, 114.0, null), 358614.702, 3781805.818));
        assertRuyang(lonLat(SourceCoordinates.of("EPSG:4547", null, null, null), 358614.702, 3781805.818));
    }

    @Test
    void gaussKrugerWithoutPrefixTakesTheZoneOfTheLayersArea() {
        // appending to a layer around 113.8°E: the 3° zone of CM 114°E
        assertRuyang(lonLat(SourceCoordinates.of(null, null, null, 113.8), 358614.702, 3781805.818));
    }

    @Test
    void zone37IsAnotherMeridian() {
        assertRuyang(lonLat(SourceCoordinates.of(null, null, null, null), 37635279.704, 3781716.058));
    }

    @Test
    void prefixlessEastingWithoutAnyZoneIsAnErrorNamingTheOptions() {
        SourceCoordinates s = SourceCoordinates.of(null, null, null, null);
        var e = assertThrows(IllegalArgumentException.class, () -> lonLat(s, 358614.702, 3781805.818));
        assertTrue(e.getMessage().contains("zone") && e.getMessage().contains("cm"), e.getMessage());
    }

    @Test
    void cgcs2000GeographicIsLonLatAsItIs() {
        SourceCoordinates s = SourceCoordinates.of("EPSG:4490", null, null, null);
        Geometry p = GF.createPoint(new Coordinate(LON, LAT));
        assertSame(p, s.toLonLat(p));
        assertRuyang(lonLat(SourceCoordinates.of("urn:ogc:def:crs:OGC:1.3:CRS84", null, null, null), LON, LAT));
    }

    @Test
    void gcj02PointsPickedFromAmapComeBackToWgs84() {
        double[] amap = new double[2];
        Gcj02.fromWgs84(LON, LAT, amap); // where AMap shows 汝阳县城
        Coordinate c = lonLat(SourceCoordinates.of("GCJ-02", null, null, null), amap[0], amap[1]);
        assertRuyang(c);
        assertTrue(GeodesicDistance.metres(c, new Coordinate(amap[0], amap[1])) > 500, "the offset was taken off");
    }

    @Test
    void unknownCrsAndBadZonesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SourceCoordinates.of("EPSG:2385", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> SourceCoordinates.of(null, 50, null, null));
        assertThrows(IllegalArgumentException.class, () -> SourceCoordinates.of(null, null, 112.5, null));
    }
}
