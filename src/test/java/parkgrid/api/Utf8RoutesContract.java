package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import parkgrid.app.ParkGridApp.Route;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.testing.TestServer;
import parkgrid.testing.TestServer.RawReply;

/**
 * Every route the server registered — read from Javalin, not from a list here — is asked with Chinese input
 * (path ids, query values, process bodies) and with the wrong method; every answer, errors included, must be
 * strict UTF-8, say {@code charset=utf-8} in a text Content-Type, give the Chinese back unchanged where it
 * quotes or shows it, be problem+json when it is an error, and name none of the store's internals (file path,
 * JDBC URL). Run on both stores by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Utf8RoutesContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String COUNTY = "汝阳县";
    static final String VILLAGE = "程村";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private TestServer server;
    private Feature chengcun;
    /** Every probe is sent as an admin, so that it reaches the handler of every route, whatever its role. */
    private String admin;
    /** A token of its own for the routes that take a token id. */
    private long viewerTokenId;

    /** Starts a seeded server on a free port. */
    protected abstract TestServer start(Path dir) throws Exception;

    /** Strings that would reveal how the store is reached (its file, its JDBC URL): no body may contain them. */
    protected abstract List<String> internals();

    protected void cleanUp() throws Exception {}

    @BeforeAll
    void startServer(@TempDir Path dir) throws Exception {
        server = start(dir);
        admin = server.store().tokens().issue("管理员 张三", "admin", "测试").secret();
        viewerTokenId = server.store().tokens().issue("访客 孙七", "viewer", "测试").token().id();
        List<Feature> found = new ArrayList<>();
        server.store().forEach("villages", new FeatureQuery(null, Map.of("name_zh", VILLAGE), FeatureQuery.UNLIMITED, 0), found::add);
        assertEquals(1, found.size(), "one village is called " + VILLAGE);
        chengcun = found.get(0);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) server.close();
        cleanUp();
    }

    /** One request and what its answer must show. */
    private record Probe(String method, String pathAndQuery, String accept, String body, String mustShow, boolean onlyIfQuoted,
                         int expectedStatus, String ifMatch) {
        Probe(String method, String pathAndQuery, String accept, String body, String mustShow, boolean onlyIfQuoted, int expectedStatus) {
            this(method, pathAndQuery, accept, body, mustShow, onlyIfQuoted, expectedStatus, null);
        }

        Probe withIfMatch(String etag) {
            return new Probe(method, pathAndQuery, accept, body, mustShow, onlyIfQuoted, expectedStatus, etag);
        }

        static Probe get(String pathAndQuery, String mustShow) {
            return new Probe("GET", pathAndQuery, "application/json", null, mustShow, false, 0);
        }

        Probe html() {
            return new Probe(method, pathAndQuery, "text/html", body, mustShow, onlyIfQuoted, expectedStatus);
        }

        /** The route may ignore the input or refuse it without quoting it; where it quotes a value, it must be this one. */
        Probe ifQuoted() {
            return new Probe(method, pathAndQuery, accept, body, mustShow, true, expectedStatus);
        }

        Probe status(int status) {
            return new Probe(method, pathAndQuery, accept, body, mustShow, onlyIfQuoted, status);
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery + (body == null ? "" : " " + body) + " (Accept " + accept + ")";
        }
    }

    @Test
    void everyRouteAnswersChineseInputInStrictUtf8() throws Exception {
        List<Route> routes = server.routes();
        assertTrue(routes.size() >= 15, "the server's routes: " + routes);
        List<String> withoutChinese = new ArrayList<>();
        int probes = 0;
        for (Route route : routes) {
            List<Probe> list = probesFor(route, routes);
            boolean shown = false;
            for (Probe p : list) {
                shown |= check(p);
                probes++;
            }
            // HEAD answers have no body to show anything in
            boolean takesInput = !route.method().equals("HEAD") && (route.path().contains("{") || !route.method().equals("GET"));
            if (takesInput) {
                assertTrue(shown, route + ": no answer gave the Chinese input back; probes " + list);
            } else if (!shown) {
                withoutChinese.add(route.method() + " " + route.path());
            }
        }
        System.out.printf("walked %d routes with %d requests; routes that take no input, checked for UTF-8 and charset only: %s%n",
                routes.size(), probes, withoutChinese);
    }

    @Test
    void aSingleFeatureShowsItsRealChineseName() throws Exception {
        String path = "/collections/villages/items/" + chengcun.id();
        JsonNode f = JSON.readTree(decode(server.send("GET", path, "application/geo+json", null).body()));
        assertEquals(VILLAGE, f.path("properties").path("name_zh").asText());
        check(Probe.get(path, VILLAGE).html());
        check(Probe.get(path + "?f=html", VILLAGE).html());
    }

    @Test
    void errorsJettyAnswersItselfAreProblemJsonToo() throws Exception {
        check(new Probe("GET", "/collections/..%2F..%2Fetc/items", "text/html", null, null, false, 400));
        check(Probe.get("/collections/..%2F" + encode(COUNTY) + "/items", "../" + COUNTY).status(404)); // one segment: just no such collection
        check(new Probe("GET", "/collections/villages/items?name_zh=" + encode(VILLAGE.repeat(1000)), "text/html", null, null, false, 414));
        check(Probe.get("/" + encode(COUNTY), COUNTY).status(404));
        RawReply bigHeaders = server.send("GET", "/collections", "application/json;" + "q=1,".repeat(4000) + "*/*", null);
        assertEquals(431, bigHeaders.status());
        assertProblem(bigHeaders, decode(bigHeaders.body()), "headers too large");
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        // DELETE on a collection is an admin's (deleteCollection); PUT is no method of it
        RawReply r = server.send("PUT", "/collections/" + encode(COUNTY), "application/json", null);
        assertEquals(405, r.status());
        String body = decode(r.body());
        assertProblem(r, body, "PUT");
        assertTrue(body.contains(COUNTY), body);
    }

    @Test
    void healthAndTheLandingPageNameTheStoreKindOnly() throws Exception {
        JsonNode health = JSON.readTree(decode(server.send("GET", "/health", "application/json", null).body()));
        assertEquals("ok", health.path("status").asText());
        assertEquals(server.store().kind(), health.path("store").asText());
        assertEquals(server.store().kind(), JSON.readTree(decode(server.send("GET", "/?f=json", "application/json", null).body()))
                .path("store").asText());
    }

    /** A method no route of {@code path} answers: asking with it must be 405. */
    private static String wrongMethod(String path, List<Route> routes) {
        for (String method : List.of("DELETE", "GET", "PUT", "POST", "PATCH")) {
            if (routes.stream().noneMatch(r -> r.path().equals(path) && r.method().equals(method))) return method;
        }
        throw new AssertionError(path + " answers every method");
    }

    /** The requests for one route: Chinese ids in every path parameter, real ids with Chinese query values, HTML, wrong method. */
    private List<Probe> probesFor(Route route, List<Route> routes) throws IOException {
        List<Probe> probes = new ArrayList<>();
        String real = fill(route.path(), Map.of());
        String wrong = wrongMethod(route.path(), routes);
        List<String> parameters = new ArrayList<>();
        Matcher m = PATH_PARAMETER.matcher(route.path());
        while (m.find()) parameters.add(m.group(1));
        if (route.method().equals("HEAD")) {
            probes.add(new Probe("HEAD", real, "application/json", null, null, false, 200));
            for (String parameter : parameters) {
                probes.add(new Probe("HEAD", fill(route.path(), Map.of(parameter, encode(parameter.equals("featureId") ? VILLAGE : COUNTY))),
                        "application/json", null, null, false, 404));
            }
            return probes;
        }
        for (String parameter : parameters) {
            String chinese = parameter.equals("featureId") ? VILLAGE : COUNTY;
            String path = fill(route.path(), Map.of(parameter, encode(chinese)));
            if (route.method().equals("GET")) {
                probes.add(Probe.get(path, chinese).status(404));
                probes.add(Probe.get(path, chinese).html().status(404));
            }
            probes.add(new Probe(wrong, path, "application/json", null, chinese, false, 405));
        }
        if (route.method().equals("GET")) {
            // the feature itself shows its name; its history or other sub-resources need not
            String showsVillage = route.path().endsWith("{featureId}") ? VILLAGE : null;
            probes.add(Probe.get(real, showsVillage));
            probes.add(Probe.get(real + (real.contains("?") ? "&" : "?") + "f=html", showsVillage).html());
            probes.add(Probe.get(real + (real.contains("?") ? "&" : "?") + "f=" + encode(COUNTY), COUNTY).ifQuoted());
            if (route.path().endsWith("/items")) {
                probes.add(Probe.get(real + "?name_zh=" + encode(VILLAGE), VILLAGE));
                probes.add(Probe.get(real + "?filter=" + encode("name_zh='" + VILLAGE + "'"), VILLAGE));
                probes.add(Probe.get(real + "?filter=" + encode("name_zh='" + VILLAGE + "'") + "&f=html", VILLAGE).html());
                probes.add(Probe.get(real + "?sortby=" + encode("名称"), "名称").status(400));
                probes.add(Probe.get(real + "?" + encode("名称") + "=" + encode(VILLAGE), "名称").status(400));
            }
            if (parameters.isEmpty()) probes.add(new Probe(wrong, real, "application/json", null, null, false, 405));
        } else {
            List<Probe> bodies = bodiesFor(route);
            if (bodies.isEmpty()) fail(route + " takes a body this test has no Chinese input for: add it to bodiesFor");
            probes.addAll(bodies);
            probes.add(new Probe(wrong, real, "application/json", null, null, false, 405));
        }
        return probes;
    }

    /** Process executions with Chinese collection names and properties, and real ones whose answer shows Chinese names. */
    private List<Probe> bodiesFor(Route route) throws IOException {
        Point p = (Point) chengcun.geometry();
        String point = "{\"type\":\"Point\",\"coordinates\":[" + p.getX() + "," + p.getY() + "]}";
        String path = route.path();
        List<Probe> probes = new ArrayList<>();
        if (path.endsWith("/spatial-query/execution")) {
            probes.add(post(path, "{\"inputs\":{\"collection\":\"" + COUNTY + "\",\"geometry\":" + point + "}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"collection\":\"villages\",\"relation\":\"相交\",\"geometry\":" + point + "}}", "相交", 400));
            probes.add(post(path, "{\"inputs\":{\"collection\":\"villages\",\"feature\":{\"collection\":\"" + COUNTY + "\",\"id\":1}}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"collection\":\"villages\",\"relation\":\"within-distance\",\"distance\":300,\"geometry\":"
                    + point + "}}", VILLAGE, 200));
        } else if (path.endsWith("/coverage/execution")) {
            String radius = "\"radius\":{\"type\":\"constant\",\"metres\":2000}";
            probes.add(post(path, "{\"inputs\":{\"supply\":\"" + COUNTY + "\",\"demand\":\"villages\"," + radius + "}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"" + COUNTY + "\"," + radius + "}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"villages\",\"radius\":{\"type\":\"property\","
                    + "\"property\":\"供电半径\"}}}", "供电半径", 400));
            probes.add(post(path, "{\"inputs\":{\"supply\":\"transformers\",\"demand\":\"villages\"," + radius + "}}", VILLAGE, 200));
        } else if (path.equals("/suggestions")) {
            String at = "\"lon\":" + p.getX() + ",\"lat\":" + p.getY();
            probes.add(post(path, "{\"text\":\"请在" + VILLAGE + "建口袋公园\",\"category\":\"green_space\",\"author\":\"市民\"," + at + "}",
                    "请在" + VILLAGE + "建口袋公园", 201));
            probes.add(post(path, "{\"text\":\"路灯\",\"category\":\"公园\"," + at + "}", "公园", 400));
        } else if (path.endsWith("/answer")) {
            probes.add(post(fill(path, Map.of("suggestionId", encode(COUNTY))), "{\"status\":\"answered\"}", COUNTY, 404));
        } else if (path.endsWith("/items") && route.method().equals("POST")) {
            String items = "/collections/villages/items";
            probes.add(post(items, "{\"type\":\"Feature\",\"geometry\":" + point + ",\"properties\":{\"name_zh\":\"新建村\","
                    + "\"township_zh\":\"柏树乡\"}}", "新建村", 201));
            probes.add(post(items, "{\"type\":\"Feature\",\"geometry\":" + point + ",\"properties\":{\"名称\":\"新建村\"}}", "名称", 400));
            probes.add(post("/collections/" + encode(COUNTY) + "/items", "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}", COUNTY, 404));
        } else if (path.endsWith("/items/{featureId}") && !route.method().equals("OPTIONS")) {
            String item = "/collections/villages/items/" + chengcun.id();
            String etag = "\"" + server.store().versioned("villages", chengcun.id()).orElseThrow().version() + "\"";
            String chinese = "/collections/villages/items/" + encode(VILLAGE);
            switch (route.method()) {
                case "PUT" -> {
                    // the same feature again, with the current ETag: a real replace whose answer shows the names
                    String same = "{\"type\":\"Feature\",\"geometry\":" + point + ",\"properties\":"
                            + JSON.valueToTree(chengcun.properties()) + "}";
                    probes.add(new Probe("PUT", item, "application/geo+json", same, VILLAGE, false, 200).withIfMatch(etag));
                    probes.add(new Probe("PUT", chinese, "application/json", same, VILLAGE, false, 404).withIfMatch(etag));
                }
                case "PATCH" -> {
                    probes.add(new Probe("PATCH", item, "application/json", "{\"properties\":{\"名称\":\"程村\"}}", "名称", false, 400)
                            .withIfMatch(etag));
                    probes.add(new Probe("PATCH", chinese, "application/json", "{\"properties\":{}}", VILLAGE, false, 404).withIfMatch(etag));
                }
                case "DELETE" -> {
                    probes.add(new Probe("DELETE", chinese, "application/json", null, VILLAGE, false, 404));
                    probes.add(new Probe("DELETE", item, "application/json", null, null, false, 428)); // no If-Match: nothing deleted
                }
                default -> { }
            }
        } else if (route.method().equals("OPTIONS")) {
            String real = path.replace("{collectionId}", "villages").replace("{featureId}", Long.toString(chengcun.id()));
            probes.add(new Probe("OPTIONS", real, "application/json", null, null, false, 204));
            probes.add(new Probe("OPTIONS", real.replace("villages", encode(COUNTY)), "application/json", null, COUNTY, false, 404));
        } else if (path.endsWith("/revert")) {
            String revert = "/collections/villages/items/" + chengcun.id() + "/revert";
            probes.add(new Probe("POST", revert + "?version=" + encode("一"), "application/json", null, "一", false, 400));
            probes.add(new Probe("POST", "/collections/" + encode(COUNTY) + "/items/1/revert?version=1", "application/json", null, COUNTY, false, 404));
        } else if (path.endsWith("/supply-radius/execution")) {
            probes.add(post(path, "{\"inputs\":{\"voltage_kv\":10,\"class\":\"D\",\"lines\":\"" + COUNTY + "\"}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"voltage_kv\":10,\"class\":\"甲类\"}}", "甲类", 400));
        } else if (path.equals("/admin/tokens")) {
            probes.add(post(path, "{\"name\":\"规划员 王五\",\"role\":\"超级\"}", "超级", 400));
            probes.add(post(path, "{\"name\":\"规划员 王五\",\"role\":\"editor\"}", "规划员 王五", 201));
        } else if (path.equals("/admin/tokens/{tokenId}")) {
            probes.add(new Probe("DELETE", "/admin/tokens/" + encode(COUNTY), "application/json", null, COUNTY, false, 400));
        } else if (path.endsWith("/compliance/execution")) {
            String park = "\"feature\":{\"collection\":\"park\",\"id\":1}";
            probes.add(post(path, "{\"inputs\":{" + park + ",\"controls\":[{\"collection\":\"" + COUNTY + "\",\"rule\":\"avoid\"}]}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"boundary_txt\":\"不是坐标文件\"}}", "电子报盘", 400));
            probes.add(post(path, "{\"inputs\":{" + park + "}}", "占用永久基本农田", 200));
        } else if (path.endsWith("/facility-location/execution")) {
            String rest = "\"radius\":{\"type\":\"constant\",\"metres\":2000},\"existing\":[],\"solver\":\"greedy\"";
            String atVillage = "\"candidates\":{\"collection\":\"villages\",\"filter\":\"name_zh = '" + VILLAGE + "'\"}";
            probes.add(post(path, "{\"inputs\":{\"p\":1," + atVillage + ",\"demand\":{\"collection\":\"" + COUNTY + "\"}," + rest + "}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"p\":1," + atVillage + ",\"demand\":{\"weight_property\":\"人口\"}," + rest + "}}", "人口", 400));
            probes.add(post(path, "{\"inputs\":{\"p\":1," + atVillage + "," + rest + "}}", VILLAGE, 200));
        } else if (path.endsWith("/siting/execution")) {
            probes.add(post(path, "{\"inputs\":{\"area_m2\":20000,\"exclusions\":[{\"collection\":\"" + COUNTY + "\",\"buffer_m\":10}]}}", COUNTY, 404));
            probes.add(post(path, "{\"inputs\":{\"area_m2\":20000,\"presets\":[\"玻璃厂\"]}}", "玻璃厂", 400));
            probes.add(post(path, "{\"inputs\":{\"area_m2\":20000,\"max_candidates\":1,\"exclusions\":[{\"collection\":\"villages\","
                    + "\"buffer_m\":300,\"label\":\"village\",\"label_zh\":\"村庄\"}]}}", "距最近村庄", 200));
        } else if (path.equals("/collections") && route.method().equals("POST")) {
            probes.add(post(path, "{\"name\":\"utf8_wells\",\"title\":\"Survey wells\",\"title_zh\":\"勘测井\",\"geometry_type\":\"Point\","
                    + "\"properties\":[{\"name\":\"name_zh\",\"type\":\"string\"}]}", "勘测井", 201));
            probes.add(post(path, "{\"name\":\"勘测井\",\"title\":\"Survey wells\",\"geometry_type\":\"Point\"}", "勘测井", 400));
            probes.add(post(path, "{\"name\":\"utf8_pipes\",\"title\":\"Pipes\",\"geometry_type\":\"管线\"}", "管线", 400));
        } else if (path.endsWith("/properties")) {
            probes.add(post("/collections/villages/properties", "{\"name\":\"人口\",\"type\":\"integer\"}", "人口", 400));
            probes.add(post("/collections/villages/properties", "{\"name\":\"population\",\"type\":\"整数\"}", "整数", 400));
            probes.add(post("/collections/" + encode(COUNTY) + "/properties", "{\"name\":\"population\",\"type\":\"integer\"}", COUNTY, 404));
        } else if (path.equals("/collections/{collectionId}") && route.method().equals("DELETE")) {
            // nothing is deleted: the seed's layers serve the other probes
            probes.add(new Probe("DELETE", "/collections/" + encode(COUNTY) + "?exported=true", "application/json", null, COUNTY, false, 404));
            probes.add(new Probe("DELETE", "/collections/villages?exported=" + encode("是"), "application/json", null, "是", false, 400));
        } else if (path.equals("/imports")) {
            String file = "{\"type\":\"FeatureCollection\",\"schema\":[{\"name\":\"kv\",\"type\":\"integer\"}],\"features\":[{\"type\":\"Feature\","
                    + "\"geometry\":" + point + ",\"properties\":{\"kv\":\"十千伏\"}}]}";
            probes.add(post(path + "?layer=utf8_probe&format=geojson&dry_run=true", file, "十千伏", 400));
            probes.add(post(path + "?layer=utf8_probe&format=geojson&mode=append", file, "utf8_probe", 404));
        }
        return probes;
    }

    private static Probe post(String path, String body, String mustShow, int status) {
        return new Probe("POST", path, "application/json", body, mustShow, false, status);
    }

    private String importId;

    /** The id of a real import (a dry run of one point named 汝阳县城), made once. */
    private String importId() throws IOException {
        if (importId != null) return importId;
        String body = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[112.4669,34.154]},\"properties\":{\"name\":\"汝阳县城\"}}]}";
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.baseUrl() + "/imports?layer=utf8_probe&format=geojson&dry_run=true"))
                    .header("Authorization", "Bearer " + admin).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r.statusCode()));
            importId = location.substring(location.lastIndexOf('/') + 1);
            return importId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Fills path parameters: the given (encoded) values, else a real collection, 程村's id, a real process. */
    private String fill(String template, Map<String, String> values) throws IOException {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.containsKey(name) ? values.get(name) : switch (name) {
                case "collectionId" -> "villages";
                case "featureId" -> Long.toString(chengcun.id());
                case "processId" -> firstProcessId();
                case "suggestionId" -> "1";
                case "tokenId" -> Long.toString(viewerTokenId);
                case "importId" -> importId();
                case "tileMatrixSetId" -> "WebMercatorQuad";
                case "tileMatrix", "tileRow", "tileCol" -> "0";
                default -> throw new AssertionError(template + ": a path parameter {" + name + "} this test has no value for");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String firstProcessId() throws IOException {
        JsonNode processes = JSON.readTree(decode(server.send("GET", "/processes", "application/json", null).body())).path("processes");
        assertFalse(processes.isEmpty(), "the server lists processes");
        return processes.get(0).path("id").asText();
    }

    /** Sends one probe and checks its answer; true when the answer showed the expected Chinese. */
    private boolean check(Probe p) {
        RawReply r = p.ifMatch() == null ? server.send(p.method(), p.pathAndQuery(), p.accept(), p.body(), admin)
                : server.send(p.method(), p.pathAndQuery(), p.accept(), p.body(), "If-Match", p.ifMatch(), "Authorization", "Bearer " + admin);
        // binary answers are no text to decode: GET /export's GeoPackage or zip, and vector tiles (protobuf; their
        // strings are checked by GDAL in TilesApiContract); everything else must be UTF-8
        boolean binary = r.contentType().startsWith(OgcVocabulary.MVT) || (r.status() < 400 && !r.contentType().isEmpty()
                && !Utf8ContentType.isText(r.contentType())
                && (r.contentType().startsWith("application/geopackage") || r.contentType().startsWith("application/zip")));
        String body = binary ? "" : decode(r.body(), p);
        assertTrue(r.status() < 500, p + " answered " + r.status() + ": " + body);
        if (p.expectedStatus() != 0) assertEquals(p.expectedStatus(), r.status(), p + ": " + body);
        if (r.body().length > 0) {
            assertFalse(r.contentType().isEmpty(), p + " has a body but no Content-Type");
            if (Utf8ContentType.isText(r.contentType())) {
                assertTrue(r.contentType().toLowerCase(Locale.ROOT).replace(" ", "").contains(";charset=utf-8"),
                        p + ": Content-Type " + r.contentType() + " does not say charset=utf-8");
            }
        }
        if (r.status() >= 400 && p.method().equals("HEAD")) {
            assertTrue(r.contentType().startsWith(OgcVocabulary.PROBLEM_JSON), p + ": an error as " + r.contentType()); // no body to read
        } else if (r.status() >= 400) {
            assertProblem(r, body, p.toString());
        }
        for (String internal : internals()) {
            assertFalse(body.contains(internal), p + " shows the store's internals (" + internal + "): " + body);
        }
        assertFalse(body.contains("Exception") || body.contains("\tat "), p + " shows a stack trace: " + body);
        if (p.mustShow() == null) return false;
        if (p.onlyIfQuoted()) {
            if (r.status() < 400) return false; // the route ignored it
            List<String> quoted = new ArrayList<>();
            Matcher q = QUOTED.matcher(detailOf(body));
            while (q.find()) quoted.add(q.group(1));
            if (quoted.contains(p.mustShow())) return true;
            for (String s : quoted) {
                assertFalse(!s.chars().allMatch(c -> c < 128) || s.contains("?") || s.contains("\uFFFD"),
                        p + " quotes '" + s + "' where it was sent " + p.mustShow() + ": " + body);
            }
            return false;
        }
        assertTrue(body.contains(p.mustShow()), p + " should show " + p.mustShow() + " unchanged: " + body);
        return true;
    }

    private static String detailOf(String problem) {
        try {
            return JSON.readTree(problem).path("detail").asText();
        } catch (IOException e) {
            throw new AssertionError("problem is not JSON: " + problem, e);
        }
    }

    private static void assertProblem(RawReply r, String body, String what) {
        assertTrue(r.contentType().startsWith(OgcVocabulary.PROBLEM_JSON), what + ": an error as " + r.contentType() + ": " + body);
        try {
            JsonNode problem = JSON.readTree(body);
            assertEquals(r.status(), problem.path("status").asInt(), what + ": " + body);
            for (String member : List.of("type", "title", "detail")) {
                assertFalse(problem.path(member).asText().isBlank(), what + ": no " + member + " in " + body);
            }
        } catch (IOException e) {
            throw new AssertionError(what + ": problem is not JSON: " + body, e);
        }
    }

    private static String decode(byte[] bytes) {
        return decode(bytes, "response");
    }

    /** Decodes as strict UTF-8: a malformed or unmappable byte fails the test instead of becoming U+FFFD. */
    private static String decode(byte[] bytes, Object what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(what + ": the body is not UTF-8 (" + e + ")");
        }
    }

    /** Percent-encodes a path segment or query value as UTF-8 (space as %20). */
    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
