package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class GeoJsonCrsMemberTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aGaussKrugerPointUnderALegacyCrsMemberIsReadEastingFirst() throws Exception {
        // 汝阳县城 112.47°E 34.15°N = EPSG:4546 E 635572.0072, N 3781276.4179 (PROJ 9.1 cs2cs)
        Geometry g = GeoJsonCrsMember.readGeometryToCrs84(json("{\"type\":\"Point\",\"coordinates\":[635572.0072,3781276.4179],"
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4546\"}}}"));
        Coordinate c = g.getCoordinate();
        assertEquals(112.47, c.x, 1e-8);
        assertEquals(34.15, c.y, 1e-8);
        Geometry line = GeoJsonCrsMember.readGeometryToCrs84(json("{\"type\":\"LineString\",\"crs\":\"EPSG:4525\","
                + "\"coordinates\":[[37635572.0072,3781276.4179],[37636572.0072,3781276.4179]]}"));
        assertEquals(112.47, line.getCoordinates()[0].x, 1e-8);
        assertEquals(1000, GeodesicDistance.lengthMetres(line), 1.0, "1 km of easting is 1 km (scale error 0.025 % here)");
    }

    @Test
    void geographicCrsMembersAreLonLatAndCrs84IsAsIs() throws Exception {
        Geometry g = GeoJsonCrsMember.readGeometryToCrs84(json("{\"type\":\"Point\",\"coordinates\":[112.47,34.15],\"crs\":\"EPSG:4490\"}"));
        assertEquals(112.47, g.getCoordinate().x, 0);
        Geometry h = GeoJsonCrsMember.readGeometryToCrs84(json("{\"type\":\"Point\",\"coordinates\":[112.47,34.15]}"));
        assertEquals(34.15, h.getCoordinate().y, 0);
    }

    @Test
    void projectedPositionsWithoutACrsSayWhichCrsToDeclare() throws Exception {
        String northingFirst = assertThrows(IllegalArgumentException.class, () -> GeoJsonCrsMember.readGeometryToCrs84(
                json("{\"type\":\"Point\",\"coordinates\":[3781276.4,635572.0]}"))).getMessage();
        assertTrue(northingFirst.contains("Gauss–Krüger northing, easting") && northingFirst.contains("EPSG:4546")
                && northingFirst.contains("[easting, northing]"), northingFirst);
        String prefixed = assertThrows(IllegalArgumentException.class, () -> GeoJsonCrsMember.readGeometryToCrs84(
                json("{\"type\":\"Point\",\"coordinates\":[38358893.9,3781357.8]}"))).getMessage();
        assertTrue(prefixed.contains("zone prefix 38") && prefixed.contains("EPSG:4526"), prefixed);
        String sixDegree = assertThrows(IllegalArgumentException.class, () -> GeoJsonCrsMember.readGeometryToCrs84(
                json("{\"type\":\"Point\",\"coordinates\":[3781276.4,19635572.0]}"))).getMessage();
        assertTrue(sixDegree.contains("EPSG:4497"), sixDegree);
        String other = assertThrows(IllegalArgumentException.class, () -> GeoJsonCrsMember.readGeometryToCrs84(
                json("{\"type\":\"Point\",\"coordinates\":[200,95]}"))).getMessage();
        assertTrue(other.contains("outside lon [-180, 180]"), other);
    }

    @Test
    void malformedOrUnknownCrsMembersAreRefused() throws Exception {
        String unknown = assertThrows(IllegalArgumentException.class, () -> GeoJsonCrsMember.of(json("{\"crs\":\"EPSG:2000\"}"))).getMessage();
        assertTrue(unknown.contains("EPSG:2000") && unknown.contains("EPSG:4491–4554"), unknown);
        assertThrows(IllegalArgumentException.class, () -> GeoJsonCrsMember.of(json("{\"crs\":{\"type\":\"link\",\"properties\":{}}}")));
        assertTrue(GeoJsonCrsMember.of(json("{\"type\":\"Point\"}")).isEmpty());
    }

    @Test
    void writesTheLegacyMemberGdalReads() throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.writeStartObject();
            GeoJsonCrsMember.write(g, SupportedCrs.CGCS2000_GK_CM111);
            g.writeEndObject();
        }
        assertEquals("{\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4546\"}}}", w.toString());
        assertEquals(SupportedCrs.CGCS2000_GK_CM111, GeoJsonCrsMember.of(json(w.toString())).orElseThrow());
    }
}
