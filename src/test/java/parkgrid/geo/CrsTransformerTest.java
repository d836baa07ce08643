package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class CrsTransformerTest {
    private static final Point RUYANG_SEAT = GeoJsonReader.WGS84.createPoint(new Coordinate(112.4669, 34.1540));

    @Test
    void gaussKrugerCm111MatchesProjWithNorthingFirst() {
        // reference: echo "34.1540 112.4669" | cs2cs EPSG:4326 EPSG:4546  ->  3781716.06  635279.70 (PROJ 9.1)
        Coordinate c = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111).fromCrs84(RUYANG_SEAT).getCoordinate();
        assertEquals(3781716.06, c.x, 0.05);
        assertEquals(635279.70, c.y, 0.05);
    }

    @Test
    void webMercatorMatchesProj() {
        // reference: echo "34.1540 112.4669" | cs2cs EPSG:4326 EPSG:3857  ->  12519758.04  4049499.26
        Coordinate c = new CrsTransformer(SupportedCrs.WEB_MERCATOR).fromCrs84(RUYANG_SEAT).getCoordinate();
        assertEquals(12519758.04, c.x, 0.05);
        assertEquals(4049499.26, c.y, 0.05);
    }

    @Test
    void epsg4326IsLatitudeFirstAndCrs84Untouched() {
        Coordinate c = new CrsTransformer(SupportedCrs.WGS84_LAT_LON).fromCrs84(RUYANG_SEAT).getCoordinate();
        assertEquals(34.1540, c.x, 0);
        assertEquals(112.4669, c.y, 0);
        assertTrue(new CrsTransformer(SupportedCrs.CRS84).fromCrs84(RUYANG_SEAT) == RUYANG_SEAT);
    }

    @Test
    void roundTripsThroughProjectedCrs() {
        CrsTransformer t = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111);
        Geometry back = t.toCrs84(t.fromCrs84(RUYANG_SEAT));
        assertEquals(112.4669, back.getCoordinate().x, 1e-9);
        assertEquals(34.1540, back.getCoordinate().y, 1e-9);
    }

    @Test
    void projectedBoxBecomesTheLonLatBoxContainingIt() {
        CrsTransformer t = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111);
        Envelope box = new Envelope(634_279.70, 636_279.70, 3_780_716.06, 3_782_716.06); // 2 km around the seat (E, N)
        Envelope lonLat = t.envelopeToCrs84(box);
        assertTrue(lonLat.contains(112.4669, 34.1540));
        assertEquals(2000 / (111_320 * Math.cos(Math.toRadians(34.154))), lonLat.getWidth(), 0.0005);
    }

    @Test
    void findsCrsByUriCurieAndShortName() {
        assertEquals(SupportedCrs.CGCS2000_GK_CM111, SupportedCrs.find("http://www.opengis.net/def/crs/EPSG/0/4546").orElseThrow());
        assertEquals(SupportedCrs.WGS84_LAT_LON, SupportedCrs.find("[EPSG:4326]").orElseThrow());
        assertEquals(SupportedCrs.CRS84, SupportedCrs.find("CRS84").orElseThrow());
        assertTrue(SupportedCrs.find("EPSG:2000").isEmpty());
    }

    /**
     * 汝阳县城 at 112.47°E, 34.15°N in every kind of CRS served. References from PROJ 9.1:
     * {@code echo "34.15 112.47" | cs2cs -d 4 EPSG:4490 EPSG:<code>} (EPSG:4326 for UTM). Northing first for
     * the Gauss–Krüger CRSs, as EPSG defines them; the 6° CM 111°E zone equals the 3° one there.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "EPSG:{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "4546, 3781276.4179, 635572.0072",
            "4547, 3781357.7671, 358893.9608",
            "4525, 3781276.4179, 37635572.0072",
            "4526, 3781357.7671, 38358893.9608",
            "4508, 3781276.4179, 635572.0072",
            "4497, 3781276.4179, 19635572.0072",
            "32649, 635517.7784, 3779763.9075",
            "32650, 82239.0305, 3788070.2251",
            "3857, 12520103.1295, 4048961.1887",
            "4490, 34.15, 112.47"})
    void ruyangSeatMatchesProjInEveryServedCrsKind(int epsg, double first, double second) {
        SupportedCrs crs = SupportedCrs.forEpsg(epsg).orElseThrow();
        Point seat = GeoJsonReader.WGS84.createPoint(new Coordinate(112.47, 34.15));
        CrsTransformer t = new CrsTransformer(crs);
        Coordinate c = t.fromCrs84(seat).getCoordinate();
        double tolerance = crs.geographic() ? 1e-9 : 0.01;
        assertEquals(first, c.x, tolerance, "first axis");
        assertEquals(second, c.y, tolerance, "second axis");
        Coordinate eastNorth = t.fromCrs84(seat, CrsTransformer.AxisOrder.EAST_NORTH).getCoordinate();
        assertEquals(crs.northingFirst() ? second : first, eastNorth.x, tolerance, "easting first on request");
        Coordinate back = t.toCrs84(t.fromCrs84(seat)).getCoordinate();
        assertEquals(112.47, back.x, 1e-8);
        assertEquals(34.15, back.y, 1e-8);
    }

    @Test
    void servesEveryCgcs2000GaussKrugerCrsWithItsEpsgNameAndAxisOrder() {
        for (int code = 4491; code <= 4554; code++) {
            SupportedCrs c = SupportedCrs.forEpsg(code).orElseThrow();
            assertTrue(c.northingFirst() && !c.geographic(), "EPSG:" + code + " is northing, easting in metres");
            assertEquals(c, SupportedCrs.find("urn:ogc:def:crs:EPSG::" + code).orElseThrow());
        }
        assertEquals("CGCS2000 / Gauss-Kruger zone 13", SupportedCrs.forEpsg(4491).orElseThrow().title());
        assertEquals("CGCS2000 / Gauss-Kruger CM 135E", SupportedCrs.forEpsg(4512).orElseThrow().title());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger zone 37", SupportedCrs.forEpsg(4525).orElseThrow().title());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 111E", SupportedCrs.CGCS2000_GK_CM111.title());
        assertEquals("CGCS2000 / 3-degree Gauss-Kruger CM 114E", SupportedCrs.CGCS2000_GK_CM114.title());
        assertTrue(SupportedCrs.CGCS2000.northingFirst() && SupportedCrs.CGCS2000.geographic(), "EPSG:4490 is lat, lon");
        assertTrue(!SupportedCrs.UTM_49N.northingFirst(), "UTM is easting, northing");
        assertTrue(SupportedCrs.forEpsg(4555).isEmpty() && SupportedCrs.forEpsg(4490 - 1).isEmpty());
    }

    @Test
    void findsCrsByUrnAndCrs84Aliases() {
        assertEquals(SupportedCrs.CRS84, SupportedCrs.find("urn:ogc:def:crs:OGC:1.3:CRS84").orElseThrow());
        assertEquals(SupportedCrs.CRS84, SupportedCrs.find("urn:ogc:def:crs:OGC::CRS84").orElseThrow());
        assertEquals(SupportedCrs.CRS84, SupportedCrs.find("OGC:CRS84").orElseThrow());
        assertEquals(SupportedCrs.CGCS2000_GK_CM114, SupportedCrs.find("epsg:4547").orElseThrow());
        assertEquals(SupportedCrs.UTM_50N, SupportedCrs.find("http://www.opengis.net/def/crs/EPSG/0/32650").orElseThrow());
        assertTrue(SupportedCrs.find("EPSG:4546x").isEmpty());
        assertTrue(SupportedCrs.find("").isEmpty());
    }
}
