package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * QGIS as a ParkGrid client, on both stores: the Debian PyQGIS (3.22) opens every collection through its
 * {@code OAPIF} provider — what Layer ▸ Add Layer ▸ Add WFS / OGC API – Features Layer does — and the figures it
 * reports (validity, feature count, field names and types, features in a box, Chinese names) are compared with
 * the store behind the server. The script is {@code src/test/resources/qgis/oapif_client.py}.
 */
class QgisClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** QVariant::Type codes QGIS gives its fields. */
    private static final int QVARIANT_INT = 2;
    private static final int QVARIANT_DOUBLE = 6;
    private static final int QVARIANT_STRING = 10;
    private static final int QVARIANT_LONGLONG = 4;
    /** QGIS 3.22 types the fields from the first page it reads, {@code items?limit=10}, not from {@code /schema}. */
    private static final int QGIS_SAMPLE_SIZE = 10;

    @TempDir
    Path dir;

    @Test
    void qgisOpensEveryLayerOfTheEmbeddedGeoPackage() throws Exception {
        Path python = RequiredServices.pyQgis();
        try (TestServer server = TestServer.embedded(dir)) {
            assertQgisSeesTheStore(python, server);
        }
    }

    @Test
    void qgisOpensEveryLayerOfPostGis() throws Exception {
        Path python = RequiredServices.pyQgis();
        String url = RequiredServices.postGisUrl();
        String schema = "qgis_client_test";
        dropSchema(url, schema);
        FeatureStore store = PostGisStore.open(url, "postgres", "", schema);
        try (TestServer server = TestServer.serving(store, dir)) {
            SeedData.loadIfEmpty(store);
            assertQgisSeesTheStore(python, server);
        } finally {
            dropSchema(url, schema);
        }
    }

    private void assertQgisSeesTheStore(Path python, TestServer server) throws Exception {
        FeatureStore store = server.store();
        List<Layer> layers = store.layers();
        assertFalse(layers.isEmpty(), "the store has layers");
        Map<String, Envelope> boxes = new HashMap<>();
        // the URL as the README tells planners to type it: localhost, not 127.0.0.1
        ObjectNode request = JSON.createObjectNode().put("url", server.baseUrl().replace("//127.0.0.1:", "//localhost:"));
        ArrayNode specs = request.putArray("layers");
        Envelope all = new Envelope();
        layers.forEach(l -> store.extent(l.name()).ifPresent(all::expandToInclude));
        for (Layer layer : layers) {
            Envelope box = centreHalf(store.extent(layer.name()).orElse(all)); // an empty layer is asked for the area of all
            boxes.put(layer.name(), box);
            specs.addObject().put("name", layer.name()).putArray("box")
                    .add(box.getMinX()).add(box.getMinY()).add(box.getMaxX()).add(box.getMaxY());
        }
        JsonNode report = runQgis(python, request.toString());
        JsonNode reported = report.path("layers");
        assertEquals(layers.size(), reported.size(), report.toPrettyString());

        int featuresInBoxes = 0;
        boolean sawChengcun = false;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            JsonNode q = reported.get(i);
            String name = layer.name();
            assertEquals(name, q.path("name").asText());
            assertTrue(q.path("valid").asBoolean(), name + " is not valid in QGIS: " + q.path("error").asText());

            long count = store.count(name, FeatureQuery.all());
            assertEquals(count, q.path("featureCount").asLong(), name + ": featureCount");
            assertEquals(count, q.path("readCount").asLong(), name + ": features read");

            if (count > 0 || !q.path("fields").isEmpty()) {
                assertFields(store, layer, q.path("fields"));
            } // else QGIS 3.22, which takes fields from features only, shows an empty layer without fields

            // readable in full (above), but read-only: QGIS 3.22's OAPIF provider offers no editing at all, and 3.32+
            // would offer it only to a caller whose OPTIONS answer Allows POST/PUT/DELETE (an editor's token)
            assertTrue(q.path("editCapabilities").isArray() && q.path("editCapabilities").isEmpty(), name + ": " + q.path("editCapabilities"));
            assertFalse(q.path("startEditing").asBoolean(true), name + ": QGIS could start editing an anonymous OAPIF layer");

            long inBox = store.count(name, new FeatureQuery(boxes.get(name), Map.of(), FeatureQuery.UNLIMITED, 0));
            assertEquals(inBox, q.path("boxCountInQgis").asLong(), name + ": features in " + boxes.get(name) + ", filtered by QGIS");
            assertEquals(inBox, q.path("boxCountFromServer").asLong(), name + ": features in " + boxes.get(name) + ", bbox request");
            assertFalse(q.path("boxRequests").isEmpty(), name + ": QGIS sent no bbox= request");
            featuresInBoxes += inBox;
            System.out.printf("QGIS %s on %s: %s valid, %d features, %d in box, fields %s%n", report.path("qgis").asText(),
                    store.kind(), name, count, inBox, fieldsSummary(q.path("fields")));

            if (layer.property("name_zh").isPresent()) {
                List<String> expected = nameZhOf(store, name);
                List<String> seen = new ArrayList<>();
                q.path("nameZh").forEach(n -> seen.add(n.isNull() ? null : n.asText()));
                assertEquals(sorted(expected), sorted(seen), name + ": Chinese names as QGIS shows them");
                sawChengcun |= seen.contains("程村");
            }
        }
        assertTrue(featuresInBoxes > 0, "the boxes hold features, so the bbox comparison means something");
        assertTrue(sawChengcun, "QGIS shows 程村 among the village names");
    }

    /**
     * QGIS has the schema's names in order; its types are the schema's, except for a field with no value in the
     * features QGIS samples, which QGIS 3.22 (reading types from features, not from {@code /schema}) makes a string.
     */
    private static void assertFields(FeatureStore store, Layer layer, JsonNode fields) throws IOException {
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.path("name").asText()));
        assertEquals(layer.properties().stream().map(PropertyDefinition::name).toList(), names, layer.name() + ": field names");
        Set<String> sampled = propertiesWithValuesInFirst(store, layer.name(), QGIS_SAMPLE_SIZE);
        for (int i = 0; i < layer.properties().size(); i++) {
            PropertyDefinition p = layer.properties().get(i);
            int type = fields.get(i).path("type").asInt();
            String where = layer.name() + "." + p.name() + " is " + fields.get(i).path("typeName").asText() + " in QGIS";
            if (!sampled.contains(p.name()) && p.type() != PropertyType.STRING) {
                assertTrue(type == QVARIANT_STRING || matches(p.type(), type), where);
            } else {
                assertTrue(matches(p.type(), type), where + ", schema says " + p.type().jsonName());
            }
        }
    }

    private static String fieldsSummary(JsonNode fields) {
        List<String> s = new ArrayList<>();
        fields.forEach(f -> s.add(f.path("name").asText() + ":" + f.path("typeName").asText()));
        return String.join(", ", s);
    }

    private static boolean matches(PropertyType schema, int qvariantType) {
        return switch (schema) {
            case STRING -> qvariantType == QVARIANT_STRING;
            case INTEGER -> qvariantType == QVARIANT_INT || qvariantType == QVARIANT_LONGLONG;
            case NUMBER -> qvariantType == QVARIANT_DOUBLE;
        };
    }

    private static Set<String> propertiesWithValuesInFirst(FeatureStore store, String layer, int n) throws IOException {
        Set<String> withValues = new TreeSet<>();
        store.forEach(layer, new FeatureQuery(null, Map.of(), n, 0), f -> f.properties().forEach((k, v) -> {
            if (v != null) withValues.add(k);
        }));
        return withValues;
    }

    private static List<String> nameZhOf(FeatureStore store, String layer) throws IOException {
        List<String> names = new ArrayList<>();
        store.forEach(layer, FeatureQuery.all(), (Feature f) -> names.add((String) f.properties().get("name_zh")));
        return names;
    }

    private static List<String> sorted(List<String> values) {
        List<String> s = new ArrayList<>(values);
        s.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return s;
    }

    /** The middle half of an extent (lon/lat degrees), widened to 0.002° where a layer is one point. */
    private static Envelope centreHalf(Envelope e) {
        double w = Math.max(e.getWidth(), 0.002);
        double h = Math.max(e.getHeight(), 0.002);
        double cx = e.centre().x;
        double cy = e.centre().y;
        return new Envelope(cx - w / 4, cx + w / 4, cy - h / 4, cy + h / 4);
    }

    private JsonNode runQgis(Path python, String request) throws IOException, InterruptedException, URISyntaxException {
        URL script = QgisClientTest.class.getResource("/qgis/oapif_client.py");
        assertTrue(script != null, "qgis/oapif_client.py is on the test classpath");
        ProcessBuilder pb = new ProcessBuilder(python.toString(), Path.of(script.toURI()).toString(), request);
        pb.environment().put("QT_QPA_PLATFORM", "offscreen");
        pb.environment().put("XDG_RUNTIME_DIR", dir.toString());
        pb.redirectError(dir.resolve("qgis-stderr.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("QGIS did not finish in 300 s");
        }
        String err = java.nio.file.Files.readString(dir.resolve("qgis-stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "QGIS script failed:\n" + err + out);
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no output; stderr:\n" + err));
        return JSON.readTree(last);
    }

    private static void dropSchema(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
