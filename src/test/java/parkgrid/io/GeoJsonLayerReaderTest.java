package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import parkgrid.feature.LayerData;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.StatedFigure;
import parkgrid.store.FeatureChecks;

class GeoJsonLayerReaderTest {
    private static LayerData read(String json) throws Exception {
        return GeoJsonLayerReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void readsFeaturesWithGeometryNullAndTheLayersStatedFigures() throws Exception {
        LayerData d = read("""
                {"type":"FeatureCollection","name":"ledger","geometry_type":"Point",
                 "schema":[{"name":"category","type":"string"}],
                 "article_figures":[{"key":"ledger_industrial","label":"Ledger: industrial projects","label_zh":"产业项目",
                   "value":36,"unit":"projects 项","qualifier":"exact","year":null,"scope":"Ruyang County",
                   "quote_zh":"产业项目 36 项","source":"article §1","measure":{"where":{"category":"industrial"},"sum":null,"tolerance":0}}],
                 "features":[{"type":"Feature","id":1,"geometry":null,"properties":{"category":"industrial"}},
                             {"type":"Feature","id":2,"geometry":{"type":"Point","coordinates":[112.2,34.2]},"properties":{"category":"industrial"}}]}
                """);
        assertFalse(d.features().get(0).hasGeometry());
        assertTrue(d.features().get(1).hasGeometry());
        StatedFigure f = d.layer().figures().get(0);
        assertEquals(36, f.value());
        assertEquals("产业项目 36 项", f.quoteZh());
        assertEquals("industrial", f.measure().where().get("category"));
        assertEquals(null, f.measure().sum());
    }

    @Test
    void aFigureMeasuredOnAPropertyTheLayerLacksIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("""
                {"type":"FeatureCollection","name":"ledger","geometry_type":"Point","schema":[{"name":"category","type":"string"}],
                 "article_figures":[{"key":"k","value":1,"quote_zh":"一","source":"article §1","measure":{"where":{},"sum":"category"}}],
                 "features":[]}
                """));
        assertTrue(e.getMessage().contains("category"), e.getMessage());
    }

    private static final String VILLAGES = """
            {"type":"FeatureCollection","name":"villages","geometry_type":"Point",
             "schema":[{"name":"name_zh","type":"string"},{"name":"population","type":"integer"},{"name":"voltage_kv","type":"number"}],
             "features":[%s]}
            """;

    @Test
    void theReaderOnlyParsesAndTheOneCheckTypesTheValues() throws Exception {
        LayerData d = read(VILLAGES.formatted("""
                {"type":"Feature","id":14,"geometry":{"type":"Point","coordinates":[112.214,34.246]},
                 "properties":{"voltage_kv":10,"name_zh":"程村","population":"1200"}}"""));
        assertEquals(Map.of("voltage_kv", 10L, "name_zh", "程村", "population", "1200"), d.features().get(0).properties(),
                "values as the file gives them");
        LayerData typed = FeatureChecks.checked(d);
        assertEquals(List.of("name_zh", "population", "voltage_kv"), List.copyOf(typed.features().get(0).properties().keySet()));
        assertEquals(1200L, typed.features().get(0).properties().get("population"));
        assertEquals(10.0, typed.features().get(0).properties().get("voltage_kv"));
    }

    @Test
    void schemaAndIdProblemsAreLeftToTheChecksWhichNameTheParameter() throws Exception {
        LayerData unknownProperty = read(VILLAGES.formatted("""
                {"type":"Feature","id":14,"geometry":null,"properties":{"name_zh":"程村","村长":"王"}}"""));
        ParkGridException e = assertThrows(ParkGridException.class, () -> FeatureChecks.checked(unknownProperty));
        assertEquals("村长", e.parameter());
        assertTrue(e.getMessage().contains("feature 14"), e.getMessage());

        LayerData badType = read(VILLAGES.formatted("""
                {"type":"Feature","id":14,"geometry":null,"properties":{"name_zh":"程村","population":"一千二"}}"""));
        assertEquals("population", assertThrows(ParkGridException.class, () -> FeatureChecks.checked(badType)).parameter());

        LayerData zeroId = read(VILLAGES.formatted("""
                {"type":"Feature","id":0,"geometry":null,"properties":{"name_zh":"程村"}}"""));
        assertEquals("id", assertThrows(ParkGridException.class, () -> FeatureChecks.checked(zeroId)).parameter());
    }

    @Test
    void whatIsNotGeoJsonIsStillTheReadersToReject() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(VILLAGES.formatted("""
                {"type":"Feature","id":"程村","geometry":null,"properties":{}}""")));
        assertTrue(e.getMessage().contains("must be an integer"), e.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> read(VILLAGES.formatted("""
                {"type":"Feature","id":3,"geometry":{"type":"Point","coordinates":"程村"},"properties":{}}""")));
        assertTrue(g.getMessage().startsWith("feature 3"), g.getMessage());
    }

    @Test
    void aStreamingSourceReadsTheLayerMembersAfterTheFeaturesAndGivesTheSameFeaturesOnEveryPass() throws Exception {
        byte[] json = """
                {"type":"FeatureCollection",
                 "features":[{"type":"Feature","id":7,"geometry":{"type":"Point","coordinates":[112.2,34.2]},"properties":{"name":"柏树村","households":120}},
                             {"type":"Feature","geometry":{"type":"Point","coordinates":[112.3,34.3]},"properties":{"name":"靳村","households":80.5}}],
                 "name":"surveyed_villages","title_zh":"勘测村庄"}
                """.getBytes(StandardCharsets.UTF_8);
        int[] opened = {0};
        parkgrid.feature.LayerSource source = GeoJsonLayerReader.source(() -> {
            opened[0]++;
            return new ByteArrayInputStream(json);
        }, "fallback");
        assertEquals("surveyed_villages", source.layer().name());
        assertEquals("勘测村庄", source.layer().titleZh());
        assertEquals(parkgrid.feature.PropertyType.NUMBER, source.layer().property("households").orElseThrow().type(),
                "an integer and a decimal widen to number");
        for (int pass = 0; pass < 2; pass++) {
            List<parkgrid.feature.Feature> seen = new java.util.ArrayList<>();
            source.forEach(seen::add);
            assertEquals(List.of(7L, 8L), seen.stream().map(parkgrid.feature.Feature::id).toList(), "a feature without id takes the next free one");
            assertEquals("靳村", seen.get(1).properties().get("name"));
        }
        assertEquals(3, opened[0], "one pass for the layer, one per forEach: never the whole file in memory");
    }

    @Test
    void notJsonIsAnInvalidArgumentNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"));
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
    }
}
