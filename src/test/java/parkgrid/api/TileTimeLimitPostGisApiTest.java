package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.Settings;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.FeatureStore;
import parkgrid.testing.PostGisSchema;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * A tile that would take past the time limit is cut by PostgreSQL ({@code statement_timeout}) and answered with the
 * time-limit problem naming the limit, never a hang; the server stays healthy. The layer is 300 000 points made in
 * PostgreSQL ({@code generate_series}), whose zoom-0 tile takes well over the 30 ms limit, as the same tile under a
 * generous limit shows. Each server gets its own store on the schema (a server closes its store when it stops).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TileTimeLimitPostGisApiTest {
    private static final String SCHEMA = "tile_time_limit_test", LAYER = "big_villages";
    private static final Duration LIMIT = Duration.ofMillis(30);
    private final HttpClient http = HttpClient.newHttpClient();
    private FeatureStore store;

    @BeforeAll
    void fill() throws Exception {
        store = PostGisSchema.open(SCHEMA, true);
        store.createLayer(new Layer(LAYER, "Villages", "大量村庄", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null));
        try (Connection c = DriverManager.getConnection(RequiredServices.postGisUrl(), "postgres", "")) {
            c.createStatement().execute("INSERT INTO " + SCHEMA + "." + LAYER + " (fid, geom, name_zh) SELECT g,"
                    + " ST_SetSRID(ST_MakePoint(111 + (g % 1000) * 0.0022, 33.6 + (g / 1000) * 0.006), 4326), '村庄' || g"
                    + " FROM generate_series(1, 300000) g");
            c.createStatement().execute("ANALYZE " + SCHEMA + "." + LAYER);
        }
    }

    @AfterAll
    void drop() throws Exception {
        if (store != null) store.close();
        PostGisSchema.dropIfOpened(SCHEMA);
    }

    @Test
    void aTilePastTheLimitIsCutWithTheTimeLimitProblemAndTheServerStaysHealthy(@TempDir Path dir) throws Exception {
        String tile = "/collections/" + LAYER + "/tiles/WebMercatorQuad/0/0/0";
        try (TestServer generous = TestServer.serving(PostGisSchema.open(SCHEMA, false), Settings.embedded(dir.resolve("a.gpkg"), 0).withAnalysisTimeLimit(Duration.ofSeconds(60)))) {
            long start = System.nanoTime();
            HttpResponse<byte[]> whole = get(generous, tile);
            long wholeMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, whole.statusCode());
            assertTrue(wholeMs > 3 * LIMIT.toMillis(), "the whole tile must take well past the limit to test it: " + wholeMs + " ms");
        }
        try (TestServer server = TestServer.serving(PostGisSchema.open(SCHEMA, false), Settings.embedded(dir.resolve("b.gpkg"), 0).withAnalysisTimeLimit(LIMIT))) {
            // more requests than the pool has connections: a cut statement must give its connection back
            for (int i = 0; i < 12; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> cut = get(server, i % 2 == 0 ? tile : "/tiles/WebMercatorQuad/0/0/0?collections=" + LAYER);
                long ms = (System.nanoTime() - start) / 1_000_000;
                String body = new String(cut.body(), StandardCharsets.UTF_8);
                assertEquals(503, cut.statusCode(), body);
                assertTrue(cut.headers().firstValue("Content-Type").orElse("").startsWith(OgcVocabulary.PROBLEM_JSON), body);
                JsonNode problem = parkgrid.json.Json.MAPPER.readTree(body);
                assertEquals("Analysis time limit exceeded", problem.path("title").asText(), body);
                assertEquals(503, problem.path("status").asInt());
                assertTrue(problem.path("detail").asText().contains(LAYER) && problem.path("detail").asText().contains("30 ms")
                        && problem.path("detail").asText().contains("PARKGRID_ANALYSIS_SECONDS"), body);
                assertTrue(ms < 5_000, "cut, not hung: " + ms + " ms");
            }
            assertEquals(200, get(server, "/health").statusCode());
            HttpResponse<byte[]> items = get(server, "/collections/" + LAYER + "/items?limit=1");
            assertEquals(200, items.statusCode(), "the store still answers after the cut tiles");
            assertTrue(new String(items.body(), StandardCharsets.UTF_8).contains("村庄"));
        }
    }

    private HttpResponse<byte[]> get(TestServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
