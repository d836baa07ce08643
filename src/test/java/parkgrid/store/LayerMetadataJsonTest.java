package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.geopackage.GeoPackageStore;

/** The layer definition both stores keep: the temporal property round-trips, and older documents still read. */
class LayerMetadataJsonTest {
    static final Layer SUGGESTIONS = new Layer("suggestions", "Suggestions", "市民规划建议", "程村的建议", GeometryKind.POINT,
            List.of(new PropertyDefinition("text", PropertyType.STRING), new PropertyDefinition("created_at", PropertyType.STRING)),
            null, null, "created_at");

    @Test
    void theTemporalPropertyRoundTrips() {
        assertEquals(SUGGESTIONS, LayerMetadataJson.read(LayerMetadataJson.write(SUGGESTIONS)));
        Layer without = new Layer("villages", "Villages", "村庄", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null);
        assertFalse(LayerMetadataJson.write(without).contains("temporal"), "written only when there is one");
        assertEquals(without, LayerMetadataJson.read(LayerMetadataJson.write(without)));
    }

    @Test
    void aDocumentWrittenBeforeLayersHadTimeReadsAsALayerWithoutOne() {
        String before = "{\"name\":\"villages\",\"title\":\"Villages\",\"title_zh\":\"村庄\",\"description\":null,"
                + "\"geometry_type\":\"Point\",\"source\":null,\"positional_accuracy\":null,"
                + "\"schema\":[{\"name\":\"name_zh\",\"type\":\"string\"},{\"name\":\"upgrade_year\",\"type\":\"integer\"}]}";
        Layer l = LayerMetadataJson.read(before);
        assertNull(l.temporalProperty());
        assertEquals("村庄", l.titleZh());
    }

    @Test
    void aTemporalPropertyMustBeTextOrAYearInTheSchema() {
        List<PropertyDefinition> schema = List.of(new PropertyDefinition("height_m", PropertyType.NUMBER));
        assertThrows(IllegalArgumentException.class, () -> new Layer("poles", "Poles", null, null, GeometryKind.POINT, schema, null, null, "year"));
        assertThrows(IllegalArgumentException.class, () -> new Layer("poles", "Poles", null, null, GeometryKind.POINT, schema, null, null, "height_m"));
    }

    @Test
    void theGeoPackageKeepsItAcrossAReopen(@TempDir Path dir) {
        Path file = dir.resolve("time.gpkg");
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            store.createLayer(SUGGESTIONS);
        }
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            assertEquals("created_at", store.layer("suggestions").orElseThrow().temporalProperty());
        }
    }
}
