package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import parkgrid.config.Settings;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * The operation table is the one source of routes and of the OpenAPI document: every route Javalin has
 * is in {@code /api} and every path in {@code /api} answers, and the parameters carry the definitions the
 * OGC API – Features test suite checks.
 */
class OperationTableTest extends SeededServerTest {
    private static final String TEMPLATE = "\\{[^}]+}";

    private static Set<String> registeredRoutes() {
        Javalin app = Javalin.create(c -> c.router.ignoreTrailingSlashes = true);
        Routes.register(app, server.store(), Settings.embedded(dir.resolve("unused.gpkg"), 0));
        Set<String> routes = new TreeSet<>();
        app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .filter(e -> Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS").contains(e.getEndpoint().getMethod().name()))
                .forEach(e -> routes.add(e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath()));
        return routes;
    }

    private static Set<String> apiOperations(JsonNode api) {
        Set<String> ops = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey()));
        }
        return ops;
    }

    @Test
    void everyRegisteredRouteIsInTheApiDocumentAndViceVersa() {
        Set<String> routes = registeredRoutes();
        assertTrue(routes.size() >= 20, routes.toString());
        JsonNode api = server.get("/api").json();
        Set<String> documented = apiOperations(api);
        for (String route : routes) assertTrue(documented.contains(route), route + " is routed but not in /api");
        for (String op : documented) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            boolean routed = routes.stream().anyMatch(r -> r.startsWith(method + " ")
                    && path.matches(r.substring(method.length() + 1).replaceAll(TEMPLATE, "[^/]+")));
            assertTrue(routed, op + " is in /api but no route answers it");
        }
        for (String path : new String[] {"/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
            "/collections/{collectionId}/schema", "/collections/{collectionId}/queryables", "/collections/{collectionId}/items",
            "/collections/{collectionId}/items/{featureId}", "/collections/{collectionId}/export", "/collections/{collectionId}/nearest",
            "/collections/{collectionId}/statistics", "/statistics", "/processes", "/processes/{processId}",
            "/processes/coverage/rules", "/map/config", "/health"}) {
            assertTrue(documented.contains("GET " + path), path);
        }
        for (String process : new String[] {"spatial-query", "coverage", "supply-radius", "compliance"}) {
            assertTrue(documented.contains("POST /processes/" + process + "/execution"), process);
        }
    }

    @Test
    void everyDocumentedPathAnswersOverHttp() throws Exception {
        JsonNode api = server.get("/api").json();
        HttpClient http = HttpClient.newHttpClient();
        // an import for /imports/{importId}: a dry run of one point
        String editor = server.store().tokens().issue("规划员 王五", "editor", "test").secret();
        String location = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/imports?layer=optable&format=geojson&dry_run=true"))
                .header("Authorization", "Bearer " + editor).POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.47,34.15]},\"properties\":{}}]}")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow();
        String importId = location.substring(location.lastIndexOf('/') + 1);
        int checked = 0;
        for (String op : apiOperations(api)) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1).replace("{collectionId}", "villages").replace("{featureId}", "1")
                    .replace("{processId}", "coverage").replace("{tokenId}", "1").replace("{importId}", importId).replace("{tileMatrixSetId}", "WebMercatorQuad").replaceAll("\\{[^}]+}", "1");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
            // each with its own method; writes without If-Match or with an empty body change nothing (428, 400)
            HttpRequest request = Set.of("POST", "PUT", "PATCH").contains(method)
                    ? b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")).build()
                    : b.method(method, HttpRequest.BodyPublishers.noBody()).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertNotEquals(404, status, op);
            assertNotEquals(405, status, op);
            assertTrue(status < 500, op + " -> " + status);
            checked++;
        }
        assertTrue(checked >= 20);
    }

    @Test
    void itemsParametersCarryTheDefinitionsTheOgcSuiteChecks() {
        JsonNode api = server.get("/api").json();
        for (String path : new String[] {"/collections/{collectionId}/items", "/collections/villages/items"}) {
            JsonNode ps = api.get("paths").get(path).get("get").get("parameters");
            JsonNode limit = parameter(ps, "limit");
            assertEquals("query", limit.get("in").asText());
            assertEquals("form", limit.get("style").asText());
            assertFalse(limit.get("explode").asBoolean(true));
            assertEquals("integer", limit.at("/schema/type").asText());
            assertEquals("1", limit.at("/schema/minimum").toString());
            assertEquals(10000, limit.at("/schema/maximum").asInt());
            assertEquals(1000, limit.at("/schema/default").asInt());
            JsonNode bbox = parameter(ps, "bbox");
            assertEquals("form", bbox.get("style").asText());
            assertFalse(bbox.get("explode").asBoolean(true));
            assertEquals("array", bbox.at("/schema/type").asText());
            assertEquals(4, bbox.at("/schema/minItems").asInt());
            assertEquals(6, bbox.at("/schema/maxItems").asInt());
            assertEquals("number", bbox.at("/schema/items/type").asText());
            assertEquals("string", parameter(ps, "datetime").at("/schema/type").asText());
            assertEquals("path", parameter(api.get("paths").get("/collections/{collectionId}/items").get("get").get("parameters"),
                    "collectionId").get("in").asText());
        }
        JsonNode villages = api.at("/paths/~1collections~1villages~1items/get/parameters");
        assertEquals("integer", parameter(villages, "population").at("/schema/type").asText());
        assertEquals("string", parameter(villages, "name_zh").at("/schema/type").asText());
        assertEquals("public", api.at("/paths/~1collections~1{collectionId}~1items/get/x-parkgrid-role").asText());
        assertTrue(api.at("/paths/~1collections~1{collectionId}~1items/get/responses/200/content").has("application/geo+json"));
    }

    @Test
    void theCollectionDocumentsDeclareTheirFeatureCountAndCarryIt() {
        JsonNode api = server.get("/api").json();
        JsonNode one = api.at("/paths/~1collections~1{collectionId}/get/responses/200/content/application~1json/schema/properties");
        assertEquals("integer", one.at("/itemCount/type").asText(), one.toString());
        assertTrue(one.at("/itemCountEstimate/description").asText().contains("not exact"), one.toString());
        JsonNode list = api.at("/paths/~1collections/get/responses/200/content/application~1json/schema/properties/collections/items/properties");
        assertEquals("integer", list.at("/itemCount/type").asText(), list.toString());
        JsonNode villages = server.get("/collections/villages").json();
        assertEquals(server.get("/collections/villages/items?limit=1").json().path("numberMatched").asLong(), villages.path("itemCount").asLong(-1),
                "itemCount is the count numberMatched gives: " + villages);
    }

    @Test
    void whatTheApiDeclaresIsWhatTheServerAccepts() {
        TestServer.Reply undeclared = server.get("/collections/villages/nearest?point=112.47,34.15&半径=500");
        assertEquals(400, undeclared.status());
        assertEquals("半径", undeclared.json().get("parameter").asText());
        assertTrue(undeclared.json().get("detail").asText().contains("point"), undeclared.body());
        assertEquals(400, server.get("/health?verbose=1").status());
        assertEquals(200, server.get("/collections/villages/items?name_zh=" + java.net.URLEncoder.encode("程村",
                java.nio.charset.StandardCharsets.UTF_8)).status());
    }

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters) if (p.get("name").asText().equals(name)) return p;
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }
}
