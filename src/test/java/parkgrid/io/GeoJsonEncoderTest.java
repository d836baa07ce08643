package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

class GeoJsonEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String encode(EncodingOptions options, CollectionMetadata metadata, List<Feature> features,
                                 Map<String, Object> trailing) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FeatureEncoder e = new GeoJsonEncoder(bytes, options)) {
            e.start(metadata);
            for (Feature f : features) e.feature(f);
            e.end(trailing);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> members(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Feature chengcun() throws Exception {
        return new Feature(14, new WKTReader().read("POINT (112.214 34.246)"), Map.of("name_zh", "程村"));
    }

    @Test
    void aCollectionWithExtraMembersWritesThemAfterTheFeaturesInOrder() throws Exception {
        ArrayNode links = JSON.createArrayNode();
        links.addObject().put("href", "http://localhost/collections/villages/items").put("rel", "self");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("covered_count", 1);
        summary.put("county", "嵩县");
        Feature area = new Feature(1, new WKTReader().read("POLYGON ((112.2 34.2, 112.3 34.2, 112.3 34.3, 112.2 34.2))"),
                Map.of("supply_class", "D"));
        String text = encode(EncodingOptions.crs84(),
                CollectionMetadata.titled("覆盖").withNumbers(10L, 1L).withTimeStamp(Instant.parse("2026-12-01T08:00:00.123Z"))
                        .withLinks(links).with("summary", summary).with("coverage_area", new FeatureSet(List.of(area))),
                List.of(chengcun()), Map.of("uncovered", List.of(15L)));
        JsonNode fc = JSON.readTree(text);
        assertEquals(List.of("type", "numberMatched", "numberReturned", "timeStamp", "features", "links", "summary", "coverage_area",
                "uncovered"), members(fc));
        assertEquals("2026-12-01T08:00:00Z", fc.get("timeStamp").asText());
        assertEquals("程村", fc.at("/features/0/properties/name_zh").asText());
        assertEquals("嵩县", fc.at("/summary/county").asText());
        assertEquals("FeatureCollection", fc.at("/coverage_area/type").asText());
        assertEquals("D", fc.at("/coverage_area/features/0/properties/supply_class").asText());
        assertEquals(15, fc.at("/uncovered/0").asLong());
        assertFalse(fc.has("crs"), "RFC 7946: no crs member in CRS84");
        assertTrue(text.startsWith("{\"type\":\"FeatureCollection\",\"numberMatched\":10,"), text);
    }

    @Test
    void aFileInAProjectedCrsNamesItAfterTheNameWithEastingFirst() throws Exception {
        EncodingOptions gk = new EncodingOptions(SupportedCrs.CGCS2000_GK_CM111, CrsTransformer.AxisOrder.EAST_NORTH, null);
        JsonNode fc = JSON.readTree(encode(gk, CollectionMetadata.titled("村庄").withName("villages"), List.of(chengcun()), Map.of()));
        assertEquals(List.of("type", "name", "crs", "features"), members(fc));
        assertEquals("urn:ogc:def:crs:EPSG::4546", fc.at("/crs/properties/name").asText());
        double easting = fc.at("/features/0/geometry/coordinates/0").asDouble();
        double northing = fc.at("/features/0/geometry/coordinates/1").asDouble();
        assertTrue(easting > 550_000 && easting < 700_000, "easting (1.2° east of CM 111°E) first: " + easting);
        assertTrue(northing > 3_700_000 && northing < 3_900_000, "northing second: " + northing);
    }

    @Test
    void aResponseInAnotherCrsUsesItsAxisOrderWithoutACrsMember() throws Exception {
        JsonNode fc = JSON.readTree(encode(EncodingOptions.inCrs(SupportedCrs.WGS84_LAT_LON), CollectionMetadata.titled("程村"),
                List.of(chengcun()), Map.of()));
        assertFalse(fc.has("crs"));
        assertEquals(34.246, fc.at("/features/0/geometry/coordinates/0").asDouble(), 1e-9, "EPSG:4326 is latitude first");
        assertEquals(112.214, fc.at("/features/0/geometry/coordinates/1").asDouble(), 1e-9);
    }
}
