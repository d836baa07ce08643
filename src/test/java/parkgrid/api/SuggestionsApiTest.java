package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import parkgrid.config.LayerRoles;
import parkgrid.io.SeedData;
import parkgrid.json.Json;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * Public suggestions over HTTP on both stores: a citizen posts one with Chinese text, an editor reviews and
 * answers it under If-Match, bad input is refused naming the field and stores nothing, and a client past its
 * hourly allowance gets 429 with Retry-After.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionsApiTest {
    private static final String SCHEMA = "suggestions_api_test_";
    @TempDir
    static Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    private String url;

    @BeforeAll
    void open() throws Exception {
        url = RequiredServices.postGisUrl();
    }

    @AfterAll
    void close() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            for (int i = 0; i <= opened.get(); i++) c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + i + " CASCADE");
        }
    }

    static Stream<String> stores() {
        return Stream.of("geopackage", "postgis");
    }

    /** A freshly seeded store of that kind, served by a new server (which closes the store when it closes). */
    private TestServer serve(String kind) throws Exception {
        int n = opened.incrementAndGet();
        FeatureStore store;
        if (kind.equals("geopackage")) {
            store = GeoPackageStore.openSeeded(dir.resolve("suggestions-" + n + ".gpkg"), SeedData::read);
        } else {
            store = PostGisStore.open(url, "postgres", "", SCHEMA + n);
            SeedData.loadIfEmpty(store);
        }
        return TestServer.serving(store, dir);
    }

    private static String suggestions() {
        return LayerRoles.seed().layerFor(LayerRoles.SUGGESTIONS);
    }

    /** A point in the middle of the park. */
    private static double[] inThePark(FeatureStore store) {
        Envelope park = store.extent(LayerRoles.seed().layerFor(LayerRoles.PARK)).orElseThrow();
        return new double[] {park.centre().x, park.centre().y};
    }

    private HttpResponse<String> send(TestServer server, String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    private static String post(double[] at, String text) {
        return String.format(java.util.Locale.ROOT, "{\"text\":\"%s\",\"category\":\"green_space\",\"author\":\"市民 李四\",\"lon\":%.6f,\"lat\":%.6f}",
                text, at[0], at[1]);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aCitizenPostsASuggestionAndAnEditorReviewsAndAnswersIt(String kind) throws Exception {
        try (TestServer server = serve(kind)) {
            FeatureStore store = server.store();
            HttpResponse<String> posted = send(server, "POST", "/suggestions", post(inThePark(store), "请在龙腾社区旁建一个口袋公园"), Map.of());
            assertEquals(201, posted.statusCode(), posted.body());
            assertEquals("\"1\"", posted.headers().firstValue("ETag").orElseThrow());
            String location = posted.headers().firstValue("Location").orElseThrow();
            JsonNode created = json(posted);
            long id = created.get("id").asLong();
            assertEquals("/collections/" + suggestions() + "/items/" + id, location);
            assertEquals("new", created.at("/properties/status").asText());
            assertFalse(created.get("properties").has("client"), "the client key is not shown back");

            JsonNode item = server.get(location).json();
            assertEquals("请在龙腾社区旁建一个口袋公园", item.at("/properties/text").asText());
            assertEquals("市民 李四", item.at("/properties/author").asText());

            String answer = "/suggestions/" + id + "/answer";
            HttpResponse<String> anonymous = send(server, "POST", answer, "{\"status\":\"under_review\"}", Map.of("If-Match", "\"1\""));
            assertEquals(401, anonymous.statusCode(), "answering needs an editor's token: " + anonymous.body());
            String editor = "Bearer " + store.tokens().issue("规划员 王五", "editor", "test").secret();
            HttpResponse<String> noVersion = send(server, "POST", answer, "{\"status\":\"under_review\"}", Map.of("Authorization", editor));
            assertEquals(428, noVersion.statusCode(), noVersion.body());
            assertEquals("If-Match", json(noVersion).get("parameter").asText());
            HttpResponse<String> review = send(server, "POST", answer, "{\"status\":\"under_review\"}", Map.of("If-Match", "\"1\"", "Authorization", editor));
            assertEquals(200, review.statusCode(), review.body());
            assertEquals("\"2\"", review.headers().firstValue("ETag").orElseThrow());
            HttpResponse<String> stale = send(server, "POST", answer, "{\"status\":\"answered\",\"reply\":\"已采纳\"}", Map.of("If-Match", "\"1\"", "Authorization", editor));
            assertEquals(412, stale.statusCode(), stale.body());
            HttpResponse<String> noReply = send(server, "POST", answer, "{\"status\":\"answered\"}", Map.of("If-Match", "\"2\"", "Authorization", editor));
            assertEquals(400, noReply.statusCode(), noReply.body());
            assertEquals("reply", json(noReply).get("parameter").asText());
            HttpResponse<String> answered = send(server, "POST", answer,
                    "{\"status\":\"answered\",\"reply\":\"已纳入龙腾社区口袋公园选址，谢谢！\"}", Map.of("If-Match", "\"2\"", "Authorization", editor));
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals("answered", json(answered).at("/properties/status").asText());
            assertEquals("已纳入龙腾社区口袋公园选址，谢谢！", json(answered).at("/properties/reply").asText());
            assertFalse(json(answered).at("/properties/answered_at").asText().isEmpty());
            assertEquals("规划员 王五", json(answered).at("/properties/answered_by").asText(), "the token's holder answered");
            HttpResponse<String> back = send(server, "POST", answer, "{\"status\":\"under_review\"}", Map.of("If-Match", "\"3\"", "Authorization", editor));
            assertEquals(400, back.statusCode(), "an answered suggestion stays answered: " + back.body());
            assertEquals("status", json(back).get("parameter").asText());
            assertEquals(3, store.history(suggestions(), id).size(), "posted, reviewed, answered: one audit record each");
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void badInputIsRefusedNamingTheFieldAndStoresNothing(String kind) throws Exception {
        try (TestServer server = serve(kind)) {
            FeatureStore store = server.store();
            long before = store.count(suggestions(), FeatureQuery.all());
            double[] park = inThePark(store);
            Map<String, String> cases = new java.util.LinkedHashMap<>();
            cases.put("text", post(park, "  "));
            cases.put("category", post(park, "加一个公交站").replace("green_space", "公园"));
            cases.put("lon", "{\"text\":\"路灯\",\"category\":\"traffic\",\"lon\":\"东经112度\",\"lat\":34.2}");
            cases.put("author", post(park, "路灯").replace("市民 李四", "李".repeat(41)));
            cases.put("body", "{\"text\":\"路灯\"");
            cases.put("geometry", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[112,34],[112.1,34]]},"
                    + "\"properties\":{\"text\":\"修路\",\"category\":\"traffic\"}}");
            for (var c : cases.entrySet()) {
                HttpResponse<String> r = send(server, "POST", "/suggestions", c.getValue(), Map.of());
                assertEquals(400, r.statusCode(), c.getKey() + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertEquals(c.getKey(), json(r).get("parameter").asText(), r.body());
            }
            HttpResponse<String> far = send(server, "POST", "/suggestions", post(new double[] {87.6, 43.8}, "乌鲁木齐的建议"), Map.of());
            assertEquals(400, far.statusCode(), far.body());
            assertTrue(json(far).get("detail").asText().contains("outside the planning area"), far.body());
            HttpResponse<String> tooLong = send(server, "POST", "/suggestions", post(park, "建".repeat(501)), Map.of());
            assertEquals(400, tooLong.statusCode());
            assertTrue(json(tooLong).get("detail").asText().contains("501 characters"), tooLong.body());
            HttpResponse<String> huge = send(server, "POST", "/suggestions", post(park, "x".repeat(9000)), Map.of());
            assertEquals(413, huge.statusCode(), huge.body());
            assertEquals("body", json(huge).get("parameter").asText());
            assertEquals(before, store.count(suggestions(), FeatureQuery.all()), "no refused suggestion was stored");
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aClientPastItsHourlyAllowanceGets429WithRetryAfter(String kind) throws Exception {
        try (TestServer server = serve(kind)) {
            double[] park = inThePark(server.store());
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> r = send(server, "POST", "/suggestions", post(park, "第" + i + "条建议：增加路灯"), Map.of());
                assertEquals(201, r.statusCode(), i + ": " + r.body());
            }
            HttpResponse<String> sixth = send(server, "POST", "/suggestions", post(park, "第6条建议"), Map.of());
            assertEquals(429, sixth.statusCode(), sixth.body());
            long retry = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retry >= 1 && retry <= 3600, "Retry-After " + retry);
            assertTrue(json(sixth).get("detail").asText().contains("at most 5"), sixth.body());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theFormListsCategoriesInChineseAndTheLimits(String kind) throws Exception {
        try (TestServer server = serve(kind)) {
            FeatureStore store = server.store();
            JsonNode form = server.get("/suggestions/form").json();
            assertEquals(suggestions(), form.get("collection").asText());
            List<String> zh = new java.util.ArrayList<>();
            form.get("categories").forEach(c -> zh.add(c.get("label_zh").asText()));
            assertTrue(zh.contains("公园绿地"), zh.toString());
            assertEquals(5, form.get("per_client").asInt());
        }
    }
}
