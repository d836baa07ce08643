package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.LayerRoles;
import parkgrid.config.RequestLimits;
import parkgrid.config.Settings;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.FeatureStore;

/**
 * Layers themselves over HTTP, on a store of the subclass's kind: an admin creates a layer (typed schema,
 * Chinese title), adds a property (existing features get null), and deletes a layer only after confirming its
 * export was offered and never while it plays a layer role; the deletion lasts after the store is reopened.
 */
abstract class LayerAdminApiContract {
    private static final String JSON = "application/json";
    private static final String ADMIN = EditingServer.caller("管理员 张三", Role.ADMIN);
    private static final String EDITOR = EditingServer.caller("规划员 王五", Role.EDITOR);

    @TempDir
    Path dir;
    private FeatureStore store;
    private EditingServer server;

    /** The store of this test in {@code dir}: empty when {@code fresh}, else the one the test wrote before, reopened. */
    protected abstract FeatureStore open(Path dir, boolean fresh) throws Exception;

    protected void cleanUp() throws Exception {}

    /** After a deletion: the store's own check that nothing is corrupted (the GeoPackage's integrity_check). */
    protected void assertIntact(Path dir) throws Exception {}

    @BeforeEach
    void start() throws Exception {
        store = open(dir, true);
        server = new EditingServer(store, dir, RequestLimits.DEFAULTS);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
        if (store != null) store.close();
        cleanUp();
    }

    private EditingServer.Reply send(String method, String path, String body, String caller) {
        return body == null ? server.send(method, path, null, EditingServer.CALLER, caller)
                : server.send(method, path, body, "Content-Type", JSON, EditingServer.CALLER, caller);
    }

    private static String layerJson(String name, String titleZh, String geometryType, String properties) {
        return "{\"name\":\"" + name + "\",\"title\":\"Survey wells\",\"title_zh\":\"" + titleZh + "\",\"description\":\"勘测院提交的井位\","
                + "\"geometry_type\":\"" + geometryType + "\",\"properties\":" + properties + "}";
    }

    private static void assertProblem(EditingServer.Reply r, int status, String parameter, String... inDetail) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        JsonNode p = r.json();
        if (parameter != null) assertEquals(parameter, p.path("parameter").asText(), r.body());
        for (String s : inDetail) assertTrue(p.path("detail").asText().contains(s), "detail should say '" + s + "': " + r.body());
    }

    private JsonNode collection(String name) {
        for (JsonNode c : server.send("GET", "/collections", null).json().path("collections")) {
            if (c.path("id").asText().equals(name)) return c;
        }
        return null;
    }

    private long postFeature(String layer, String properties) {
        EditingServer.Reply r = server.send("POST", "/collections/" + layer + "/items", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[112.47,34.15]},\"properties\":" + properties + "}", "Content-Type", "application/geo+json",
                EditingServer.CALLER, EDITOR);
        assertEquals(201, r.status(), r.toString());
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anAdminCreatesALayerThatAppearsInCollectionsWithItsChineseTitle() {
        EditingServer.Reply created = send("POST", "/collections", layerJson("survey_wells", "勘测井", "Point",
                "[{\"name\":\"name_zh\",\"type\":\"string\"},{\"name\":\"depth_m\",\"type\":\"number\"},{\"name\":\"year\",\"type\":\"integer\"}]"), ADMIN);
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location").endsWith("/collections/survey_wells"), created.header("Location"));
        assertEquals("勘测井", created.json().path("title_zh").asText());
        JsonNode listed = collection("survey_wells");
        assertTrue(listed != null, "the new layer is in /collections");
        assertEquals("勘测井", listed.path("title_zh").asText());
        assertEquals("勘测院提交的井位", listed.path("description").asText());
        assertEquals("Point", listed.path("geometryType").asText());
        assertEquals("number", listed.path("properties").path("depth_m").path("type").asText());
        assertEquals("integer", listed.path("properties").path("year").path("type").asText());
        assertEquals(0, server.send("GET", "/collections/survey_wells/items", null).json().path("features").size());
        long id = postFeature("survey_wells", "{\"name_zh\":\"一号井\",\"depth_m\":12.5,\"year\":2026}");
        assertEquals("一号井", server.send("GET", "/collections/survey_wells/items/" + id, null).json().path("properties").path("name_zh").asText());

        assertProblem(send("POST", "/collections", layerJson("survey_wells", "勘测井", "Point", "[]"), ADMIN), 409, null, "survey_wells");
        assertEquals(403, send("POST", "/collections", layerJson("editor_wells", "井", "Point", "[]"), EDITOR).status());
        assertProblem(send("POST", "/collections", layerJson("勘测井", "勘测井", "Point", "[]"), ADMIN), 400, "name", "勘测井");
        assertProblem(send("POST", "/collections", layerJson("Wells", "井", "Point", "[]"), ADMIN), 400, "name", "Wells");
        assertProblem(send("POST", "/collections", layerJson("wells2", "井", "Point", "[{\"name\":\"depth\",\"type\":\"float\"}]"), ADMIN),
                400, "properties[0].type", "float");
        assertProblem(send("POST", "/collections", layerJson("wells2", "井", "Point", "[{\"name\":\"fid\",\"type\":\"integer\"}]"), ADMIN),
                400, "properties[0].name", "fid");
        assertProblem(send("POST", "/collections", layerJson("wells2", "井", "Circle", "[]"), ADMIN), 400, "geometry_type", "Circle");
        assertFalse(store.layer("wells2").isPresent(), "a refused definition creates nothing");
        assertFalse(store.layer("editor_wells").isPresent(), "an editor creates nothing");
    }

    private long postPoint(String layer, double lon, double lat, String nameZh) {
        EditingServer.Reply r = server.send("POST", "/collections/" + layer + "/items", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[" + lon + "," + lat + "]},\"properties\":{\"name_zh\":\"" + nameZh + "\"}}", "Content-Type", "application/geo+json",
                EditingServer.CALLER, EDITOR);
        assertEquals(201, r.status(), r.toString());
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void deleteFeature(String layer, long id) {
        String etag = server.send("GET", "/collections/" + layer + "/items/" + id, null).header("ETag");
        assertEquals(204, server.send("DELETE", "/collections/" + layer + "/items/" + id, null, "If-Match", etag, EditingServer.CALLER, EDITOR).status());
    }

    /** itemCount in /collections and in the collection's own document (they must agree), and never an estimate here. */
    private long itemCount(String layer) {
        JsonNode listed = collection(layer), own = server.send("GET", "/collections/" + layer, null).json();
        assertFalse(listed.has("itemCountEstimate") || own.has("itemCountEstimate"), "a small layer is counted exactly: " + own);
        assertEquals(listed.path("itemCount"), own.path("itemCount"));
        assertTrue(own.path("itemCount").isIntegralNumber(), own.toString());
        return own.path("itemCount").asLong();
    }

    private double[] bbox(String layer) {
        JsonNode b = server.send("GET", "/collections/" + layer, null).json().at("/extent/spatial/bbox/0");
        return new double[] {b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(), b.get(3).asDouble()};
    }

    private static void assertBox(double[] expected, double[] actual) {
        // the GeoPackage keeps float32 R-tree bounds rounded outward
        for (int i = 0; i < 4; i++) assertEquals(expected[i], actual[i], 1e-4, "bbox[" + i + "] of " + java.util.Arrays.toString(actual));
    }

    @Test
    void aLayersItemCountAndExtentFollowEveryWriteAndDelete() {
        assertEquals(201, send("POST", "/collections", layerJson("count_wells", "计数井", "Point", "[{\"name\":\"name_zh\",\"type\":\"string\"}]"), ADMIN).status());
        assertEquals(0, itemCount("count_wells"));
        assertBox(new double[] {-180, -90, 180, 90}, bbox("count_wells"));
        long east = postPoint("count_wells", 112.51, 34.12, "东井");
        long west = postPoint("count_wells", 112.40, 34.20, "西井");
        assertEquals(2, itemCount("count_wells"));
        assertBox(new double[] {112.40, 34.12, 112.51, 34.20}, bbox("count_wells"));
        assertEquals(2, server.send("GET", "/collections/count_wells/items?limit=1", null).json().path("numberMatched").asLong(),
                "itemCount agrees with the counted numberMatched");

        deleteFeature("count_wells", west);
        assertEquals(1, itemCount("count_wells"));
        assertBox(new double[] {112.51, 34.12, 112.51, 34.12}, bbox("count_wells"));
        deleteFeature("count_wells", east);
        assertEquals(0, itemCount("count_wells"));
        assertBox(new double[] {-180, -90, 180, 90}, bbox("count_wells"));
    }

    @Test
    void anAddedPropertyIsNullOnExistingFeaturesAndWritableOnNewOnes() {
        assertEquals(201, send("POST", "/collections", layerJson("wells", "水井", "Point", "[{\"name\":\"name_zh\",\"type\":\"string\"}]"), ADMIN).status());
        long old = postFeature("wells", "{\"name_zh\":\"老井\"}");

        EditingServer.Reply added = send("POST", "/collections/wells/properties", "{\"name\":\"depth_m\",\"type\":\"number\"}", ADMIN);
        assertEquals(201, added.status(), added.toString());
        assertEquals("number", added.json().path("properties").path("depth_m").path("type").asText());
        JsonNode oldProperties = server.send("GET", "/collections/wells/items/" + old, null).json().path("properties");
        assertEquals("老井", oldProperties.path("name_zh").asText());
        assertTrue(oldProperties.has("depth_m") && oldProperties.get("depth_m").isNull(), oldProperties.toString());

        long fresh = postFeature("wells", "{\"name_zh\":\"新井\",\"depth_m\":35.5}");
        assertEquals(35.5, server.send("GET", "/collections/wells/items/" + fresh, null).json().path("properties").path("depth_m").asDouble());
        assertEquals(1, server.send("GET", "/collections/wells/items?depth_m=35.5", null).json().path("features").size(),
                "the new property filters too");
        assertEquals("number", server.send("GET", "/collections/wells/schema", null).json().path("properties").path("depth_m")
                .path("type").get(0).asText());

        assertProblem(send("POST", "/collections/wells/properties", "{\"name\":\"depth_m\",\"type\":\"integer\"}", ADMIN), 409, null, "depth_m");
        assertProblem(send("POST", "/collections/wells/properties", "{\"name\":\"深度\",\"type\":\"number\"}", ADMIN), 400, "name", "深度");
        assertProblem(send("POST", "/collections/wells/properties", "{\"name\":\"owner\",\"type\":\"文本\"}", ADMIN), 400, "type", "文本");
        assertProblem(send("POST", "/collections/no_wells/properties", "{\"name\":\"owner\",\"type\":\"string\"}", ADMIN), 404, "collectionId");
        assertEquals(403, send("POST", "/collections/wells/properties", "{\"name\":\"owner\",\"type\":\"string\"}", EDITOR).status());
        assertEquals(List.of("name_zh", "depth_m"), store.layer("wells").orElseThrow().properties().stream().map(PropertyDefinition::name).toList());
    }

    @Test
    void aLayerIsDeletedOnlyAfterTheExportIsOfferedAndNeverWhilePlayingARoleAndStaysDeletedAfterARestart() throws Exception {
        String roleLayer = Settings.embedded(dir.resolve("unused.gpkg"), 0).roles().layerFor(LayerRoles.SUGGESTIONS);
        store.createLayer(new Layer(roleLayer, "Suggestions", "市民建议", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("text", PropertyType.STRING)), null, null));
        assertEquals(201, send("POST", "/collections", layerJson("old_wells", "废弃井", "Point", "[{\"name\":\"name_zh\",\"type\":\"string\"}]"), ADMIN).status());
        long id = postFeature("old_wells", "{\"name_zh\":\"废井一号\"}");
        assertEquals(201, send("POST", "/collections/old_wells/properties", "{\"name\":\"owner\",\"type\":\"string\"}", ADMIN).status());
        assertEquals(201, send("POST", "/collections", layerJson("kept_wells", "保留井", "Point", "[]"), ADMIN).status());
        assertEquals(201, send("POST", "/collections/kept_wells/properties", "{\"name\":\"owner_zh\",\"type\":\"string\"}", ADMIN).status());

        assertProblem(send("DELETE", "/collections/old_wells", null, ADMIN), 428, "exported",
                "/collections/old_wells/export?format=geopackage", "exported=true");
        assertProblem(send("DELETE", "/collections/old_wells?exported=false", null, ADMIN), 428, "exported");
        assertEquals(403, send("DELETE", "/collections/old_wells?exported=true", null, EDITOR).status());
        assertProblem(send("DELETE", "/collections/" + roleLayer + "?exported=true", null, ADMIN), 409, null, LayerRoles.SUGGESTIONS);
        assertTrue(store.layer("old_wells").isPresent() && store.layer(roleLayer).isPresent(), "nothing deleted yet");
        assertEquals(1, server.send("GET", "/collections/old_wells/items", null).json().path("features").size());

        assertEquals(204, send("DELETE", "/collections/old_wells?exported=true", null, ADMIN).status());
        assertEquals(404, server.send("GET", "/collections/old_wells", null).status());
        assertEquals(null, collection("old_wells"));
        assertProblem(send("DELETE", "/collections/old_wells?exported=true", null, ADMIN), 404, "collectionId");

        server.close();
        store.close();
        store = open(dir, false);
        server = new EditingServer(store, dir, RequestLimits.DEFAULTS);
        assertFalse(store.layer("old_wells").isPresent(), "deleted for good");
        assertEquals(404, server.send("GET", "/collections/old_wells/items", null).status());
        assertTrue(store.layer(roleLayer).isPresent());
        assertEquals("保留井", collection("kept_wells").path("title_zh").asText());
        assertEquals("string", collection("kept_wells").path("properties").path("owner_zh").path("type").asText(), "an added property lasts");

        // the name is free again, with no trace of the old table, versions or audit trail
        assertEquals(201, send("POST", "/collections", layerJson("old_wells", "新井", "Polygon", "[]"), ADMIN).status());
        assertEquals(0, server.send("GET", "/collections/old_wells/items", null).json().path("features").size());
        assertTrue(store.history("old_wells", id).isEmpty(), "the deleted layer's audit trail went with it");
        assertEquals("Polygon", collection("old_wells").path("geometryType").asText());
        assertEquals(0, itemCount("old_wells"), "the new layer of the old name counts only its own features");
        assertIntact(dir);
    }
}
