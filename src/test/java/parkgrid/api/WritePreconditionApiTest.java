package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;
import parkgrid.config.WritePrecondition;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.io.SeedData;
import parkgrid.testing.TestServer;

/**
 * {@code PARKGRID_WRITE_PRECONDITION}: {@code required} (the default) refuses a change or delete without
 * {@code If-Match} with 428; {@code optional} takes it as a change of the current version, as QGIS 3.32+ sends
 * it; a stale {@code If-Match} is 412 either way, and the OpenAPI document says which.
 */
class WritePreconditionApiTest {
    @TempDir
    Path dir;

    private static final String VILLAGE = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.3,34.2]},"
            + "\"properties\":{\"name_zh\":\"%s\"}}";

    private record Served(TestServer server, String editor) implements AutoCloseable {
        @Override public void close() { server.close(); }

        long create(String name) throws java.io.IOException {
            var r = server.send("POST", "/collections/villages/items", "application/geo+json", VILLAGE.formatted(name), editor);
            assertEquals(201, r.status(), text(r));
            return com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).get("id").asLong();
        }
    }

    private Served serve(WritePrecondition precondition) {
        FeatureStore store = GeoPackageStore.openSeeded(dir.resolve(precondition + ".gpkg"), SeedData::read);
        TestServer server = TestServer.serving(store, Settings.embedded(dir.resolve("unused.gpkg"), 0).withWritePrecondition(precondition));
        return new Served(server, store.tokens().issue("规划员 王五", "editor", "test").secret());
    }

    private static String text(TestServer.RawReply r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void requiredByDefaultRefusesAChangeWithoutIfMatch() throws Exception {
        assertEquals(WritePrecondition.REQUIRED, Settings.fromEnvironment(java.util.Map.of()).writePrecondition());
        try (Served s = serve(WritePrecondition.REQUIRED)) {
            long id = s.create("新建村");
            var put = s.server.send("PUT", "/collections/villages/items/" + id, "application/json", VILLAGE.formatted("改名村"), s.editor);
            assertEquals(428, put.status(), text(put));
            var delete = s.server.send("DELETE", "/collections/villages/items/" + id, "application/json", null, s.editor);
            assertEquals(428, delete.status(), text(delete));
            assertTrue(s.server.get("/collections/villages/items/" + id).body().contains("新建村"), "unchanged");
            assertTrue(s.server.get("/api").body().contains("without it 428"));
        }
    }

    @Test
    void optionalTakesAChangeWithoutIfMatchButStillRefusesAStaleOne() throws Exception {
        assertEquals(WritePrecondition.OPTIONAL, Settings.fromEnvironment(java.util.Map.of("PARKGRID_WRITE_PRECONDITION", "optional")).writePrecondition());
        try (Served s = serve(WritePrecondition.OPTIONAL)) {
            long id = s.create("新建村");
            var put = s.server.send("PUT", "/collections/villages/items/" + id, "application/json", VILLAGE.formatted("改名村"), s.editor);
            assertEquals(200, put.status(), text(put));
            assertTrue(text(put).contains("改名村"), text(put));
            var stale = s.server.send("PUT", "/collections/villages/items/" + id, "application/json", VILLAGE.formatted("旧版本村"),
                    "Authorization", "Bearer " + s.editor, "If-Match", "\"1\"");
            assertEquals(412, stale.status(), text(stale));
            var patch = s.server.send("PATCH", "/collections/villages/items/" + id, "application/json",
                    "{\"properties\":{\"name_zh\":\"再改村\"}}", s.editor);
            assertEquals(200, patch.status(), text(patch));
            var delete = s.server.send("DELETE", "/collections/villages/items/" + id, "application/json", null, s.editor);
            assertEquals(204, delete.status(), text(delete));
            assertEquals(404, s.server.get("/collections/villages/items/" + id).status());
            assertTrue(s.server.get("/api").body().contains("PARKGRID_WRITE_PRECONDITION=optional"));
        }
    }

    @Test
    void anUnknownValueIsRefusedAtStart() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Settings.fromEnvironment(java.util.Map.of("PARKGRID_WRITE_PRECONDITION", "sometimes")));
        assertTrue(e.getMessage().contains("required or optional"), e.getMessage());
    }
}
