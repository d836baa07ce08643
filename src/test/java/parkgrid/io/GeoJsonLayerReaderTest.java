package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import parkgrid.feature.LayerData;
import parkgrid.feature.StatedFigure;

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
}
