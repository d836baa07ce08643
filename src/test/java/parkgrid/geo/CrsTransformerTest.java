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
}
