package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.config.ImportLimits;
import parkgrid.io.LandApprovalTxtTest;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;
import parkgrid.store.ImportJobStore;
import parkgrid.testing.TestServer;

/**
 * {@code POST /imports} and {@code GET /imports/{id}} through real HTTP, the same on both stores: new layers from
 * GeoJSON, KML and TXT 电子报盘, an append, a dry run's report, one bad feature rejecting the whole file with
 * nothing written, and the size and feature limits (413).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportApiContract {
    /** Small limits, so that "too large" needs no large file. */
    static final ImportLimits LIMITS = new ImportLimits(64 * 1024, 50);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    private TestServer server;

    /** An empty store of the kind under test. */
    protected abstract FeatureStore openStore(Path dir) throws Exception;

    protected void cleanUp() throws Exception {}

    @BeforeAll
    void start() throws Exception {
        server = TestServer.serving(openStore(dir), dir, LIMITS);
        editor = server.store().tokens().issue("测绘员 赵六", "editor", "test").secret();
    }

    /** An editor's token: imports and their progress need one. */
    private String editor;

    /** GET as the editor (an import's progress). */
    TestServer.Reply getAsEditor(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + editor).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return TestServer.Reply.of(r);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
        cleanUp();
    }

    record Answer(int status, String location, JsonNode body) {}

    Answer post(String query, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/imports?" + query))
                .header("Content-Type", "application/octet-stream").header("Authorization", "Bearer " + editor)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), JSON.readTree(r.body()));
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A GeoJSON FeatureCollection of points near 汝阳县城 with ids 1…n; {@code bad} (1-based, 0: none) gets a text kv. */
    static byte[] geoJson(int n, int bad) {
        List<String> fs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String kv = i == bad ? "\"十千伏\"" : "10";
            fs.add("{\"type\":\"Feature\",\"id\":" + i + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + (112.46 + i * 0.001)
                    + ",34.15]},\"properties\":{\"name\":\"柏树乡配变" + i + "号\",\"kv\":" + kv + "}}");
        }
        return ("{\"type\":\"FeatureCollection\",\"schema\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"kv\",\"type\":\"integer\"}],"
                + "\"features\":[" + String.join(",", fs) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private long count(String layer) {
        return server.store().count(layer, FeatureQuery.all());
    }

    @Test
    void createsALayerFromGeoJsonKeepingIdsAndChineseText() throws Exception {
        Answer a = post("layer=imp_create&filename=" + q("配变.geojson"), geoJson(3, 0));
        assertEquals(201, a.status(), a.body().toString());
        assertEquals("written", a.body().get("state").asText());
        assertEquals(3, a.body().get("features_written").asLong());
        assertEquals("geojson", a.body().get("format").asText());
        assertTrue(a.location().startsWith("/imports/"), a.location());
        TestServer.Reply items = server.get("/collections/imp_create/items");
        assertEquals(200, items.status());
        assertEquals("柏树乡配变2号", items.json().get("features").get(1).get("properties").get("name").asText());
        assertEquals(2, items.json().get("features").get(1).get("id").asLong());
        JsonNode job = getAsEditor(a.location()).json();
        assertEquals("done", job.get("state").asText());
        assertEquals(3, job.get("features_written").asLong());
    }

    @Test
    void appendsNumberingOnFromTheLayersHighestId() throws Exception {
        assertEquals(201, post("layer=imp_append&format=geojson", geoJson(3, 0)).status());
        String kml = """
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                <Placemark><name>漫流村配变</name><ExtendedData><Data name="kv"><value>10</value></Data></ExtendedData>
                  <Point><coordinates>112.37,34.17</coordinates></Point></Placemark>
                <Placemark><name>五龙村配变</name><Point><coordinates>112.38,34.18</coordinates></Point></Placemark>
                </Document></kml>""";
        Answer a = post("layer=imp_append&mode=append&filename=new.kml", kml.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, a.status(), a.body().toString());
        assertEquals("append", a.body().get("mode").asText());
        assertEquals(2, a.body().get("features_written").asLong());
        assertEquals(5, count("imp_append"));
        assertEquals("五龙村配变", server.store().feature("imp_append", 5).orElseThrow().properties().get("name"));
    }

    @Test
    void dryRunReportsTheLayerItWouldCreateAndWritesNothing() throws Exception {
        Answer a = post("layer=imp_dry&format=geojson&dry_run=true", geoJson(4, 0));
        assertEquals(200, a.status(), a.body().toString());
        assertEquals("checked", a.body().get("state").asText());
        assertTrue(a.body().get("dry_run").asBoolean());
        assertEquals(4, a.body().get("features_read").asLong());
        assertEquals(0, a.body().get("features_written").asLong());
        assertEquals("Point", a.body().get("layer").get("geometry_type").asText());
        assertEquals("kv", a.body().get("layer").get("schema").get(1).get("name").asText());
        assertEquals(0, a.body().get("problems").size());
        assertTrue(server.store().layer("imp_dry").isEmpty(), "a dry run creates no layer");
    }

    @Test
    void oneBadFeatureInTheMiddleRejectsTheWholeFileWithAReport() throws Exception {
        Answer a = post("layer=imp_bad&format=geojson", geoJson(5, 3));
        assertEquals(400, a.status(), a.body().toString());
        JsonNode report = a.body().get("report");
        assertEquals("rejected", report.get("state").asText());
        assertEquals(1, report.get("problem_count").asLong());
        JsonNode p = report.get("problems").get(0);
        assertEquals(3, p.get("feature").asLong());
        assertEquals(3, p.get("id").asLong());
        assertEquals("kv", p.get("field").asText());
        assertTrue(p.get("reason").asText().contains("十千伏"), p.toString());
        assertTrue(a.body().get("detail").asText().contains("nothing was written"), a.body().toString());
        assertTrue(server.store().layer("imp_bad").isEmpty(), "nothing written");

        assertEquals(201, post("layer=imp_bad_append&format=geojson", geoJson(2, 0)).status());
        Answer append = post("layer=imp_bad_append&format=geojson&mode=append", geoJson(5, 3));
        assertEquals(400, append.status());
        assertEquals(5, append.body().get("report").get("problems").get(0).get("id").asLong(), "append ids: 2 + feature 3");
        assertEquals(2, count("imp_bad_append"), "count unchanged");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() throws Exception {
        byte[] file = new String(geoJson(6, 2), StandardCharsets.UTF_8).replace("\"id\":5,", "\"id\":4,").getBytes(StandardCharsets.UTF_8);
        Answer a = post("layer=imp_many&format=geojson&dry_run=true", file);
        assertEquals(400, a.status());
        JsonNode ps = a.body().get("report").get("problems");
        assertEquals(2, ps.size(), ps.toString());
        assertEquals(2, ps.get(0).get("feature").asLong());
        assertEquals(5, ps.get(1).get("feature").asLong());
        assertEquals("id", ps.get(1).get("field").asText());
    }

    @Test
    void tooLargeUploadsAndTooManyFeaturesAre413() throws Exception {
        Answer bytes = post("layer=imp_big&format=geojson", new byte[(int) LIMITS.maxUploadBytes() + 1]);
        assertEquals(413, bytes.status(), bytes.body().toString());
        Answer features = post("layer=imp_big&format=geojson", geoJson((int) LIMITS.maxFeatures() + 1, 0));
        assertEquals(413, features.status(), features.body().toString());
        assertTrue(features.body().get("detail").asText().contains("PARKGRID_IMPORT_MAX_FEATURES"));
        assertTrue(server.store().layer("imp_big").isEmpty());
    }

    @Test
    void landApprovalTxtInGaussKrugerLandsOnRuyang() throws Exception {
        Answer a = post("layer=imp_txt&filename=" + q("报盘.txt"), LandApprovalTxtTest.FILE.getBytes(Charset.forName("GBK")));
        assertEquals(201, a.status(), a.body().toString());
        assertEquals("CGCS2000-GK (zone from the easting)", a.body().get("crs").asText());
        var parcel = server.store().feature("imp_txt", 1).orElseThrow();
        var j1 = parcel.geometry().getCoordinates()[0];
        assertEquals(112.4669, j1.x, 1e-6, "J1 of parcel 1 is 汝阳县城");
        assertEquals(34.1540, j1.y, 1e-6);
        assertEquals(34.1540, a.body().get("extent").get(1).asDouble(), 1e-6, "the report's extent starts at J1's latitude");
        assertEquals("产业集聚区一期", parcel.properties().get("parcel_name"));
        assertEquals(1.2, (Double) parcel.properties().get("area_ha"), 1e-9);
    }

    @Test
    void unclosedRingIsA400NamingTheLine() throws Exception {
        String open = LandApprovalTxtTest.FILE.substring(0, LandApprovalTxtTest.FILE.lastIndexOf("J1,1,3782005.818"));
        Answer a = post("layer=imp_open&format=txt", open.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, a.status());
        assertTrue(a.body().get("report").get("problems").get(0).get("reason").asText().startsWith("line 21:"), a.body().toString());
    }

    @Test
    void gcj02PointsFromAmapAreStoredInWgs84() throws Exception {
        // 汝阳县城 as AMap shows it (GCJ-02)
        double[] amap = new double[2];
        parkgrid.geo.Gcj02.fromWgs84(112.4669, 34.1540, amap);
        String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + amap[0] + "," + amap[1] + "]},\"properties\":{\"name\":\"汝阳县城\"}}]}";
        Answer a = post("layer=imp_gcj&format=geojson&crs=GCJ-02", file.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, a.status(), a.body().toString());
        var p = server.store().feature("imp_gcj", 1).orElseThrow().geometry().getCoordinate();
        assertEquals(112.4669, p.x, 1e-6);
        assertEquals(34.1540, p.y, 1e-6);
    }

    @Test
    void asyncImportAnswers202AndItsProgressCanBePolled() throws Exception {
        Answer a = post("layer=imp_async&format=geojson", geoJson(40, 0), "Prefer", "respond-async");
        assertEquals(202, a.status(), a.body().toString());
        JsonNode job = a.body();
        for (int i = 0; i < 200 && !List.of("done", "rejected", "failed").contains(job.get("state").asText()); i++) {
            Thread.sleep(50);
            job = getAsEditor(a.location()).json();
        }
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals("succeeded", job.get("status").asText());
        assertEquals("测绘员 赵六", job.get("who").asText());
        assertEquals(40, job.get("features_read").asLong());
        assertEquals(40, job.get("features_total").asLong());
        assertEquals(40, job.get("features_written").asLong());
        assertEquals("written", job.get("report").get("state").asText());
        assertEquals(40, count("imp_async"));

        Answer bad = post("layer=imp_async_bad&format=geojson", geoJson(5, 4), "Prefer", "respond-async");
        job = bad.body();
        for (int i = 0; i < 200 && !List.of("done", "rejected", "failed").contains(job.get("state").asText()); i++) {
            Thread.sleep(50);
            job = getAsEditor(bad.location()).json();
        }
        assertEquals("rejected", job.get("state").asText());
        assertEquals("failed", job.get("status").asText());
        assertEquals(400, job.get("problem").get("status").asInt());
        assertEquals(4, job.get("problem").get("report").get("problems").get(0).get("feature").asLong());
    }

    @Test
    void aJobWhoseInstanceStoppedAnswersFailedWithTheReason() throws Exception {
        java.time.Instant lastWord = java.time.Instant.now().minusSeconds(3600);
        String id = java.util.UUID.randomUUID().toString();
        server.store().importJobs().create(new ImportJobStore.Job(id, "imp_stopped", "create", false, "测绘员 赵六", "已停止的实例",
                ImportJobStore.Status.RUNNING, "writing", 800, 800L, 500, lastWord, lastWord, lastWord, null, null, null));
        for (int poll = 0; poll < 2; poll++) {
            TestServer.Reply reply = getAsEditor("/imports/" + id);
            assertEquals(200, reply.status(), reply.body());
            JsonNode job = reply.json();
            assertEquals("failed", job.get("state").asText(), job.toString());
            assertEquals("failed", job.get("status").asText());
            assertEquals(503, job.get("problem").get("status").asInt());
            assertTrue(job.get("problem").get("detail").asText().startsWith("the instance running this import stopped"), job.toString());
            assertEquals(500, job.get("features_written").asLong(), "the last progress its instance wrote");
            assertEquals("测绘员 赵六", job.get("who").asText());
        }
        assertFalse(server.store().layer("imp_stopped").isPresent());
        assertEquals(401, TestServer.Reply.of(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/imports/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))).status(), "an editor's, as before");
    }

    @Test
    void kmlAndTxtExportsImportBackToTheSameFeatures() throws Exception {
        assertEquals(201, post("layer=imp_round&filename=" + q("报盘.txt"), LandApprovalTxtTest.FILE.getBytes(Charset.forName("GBK"))).status());
        for (String format : List.of("kml", "txt")) {
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/collections/imp_round/export?format=" + format))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode(), format);
            Answer back = post("layer=imp_round_" + format + "&format=" + format, file.body());
            assertEquals(201, back.status(), format + ": " + back.body());
            for (long id = 1; id <= 2; id++) {
                var a = server.store().feature("imp_round", id).orElseThrow();
                var b = server.store().feature("imp_round_" + format, id).orElseThrow();
                assertTrue(a.geometry().equalsExact(b.geometry(), 1e-7) || a.geometry().buffer(0).symDifference(b.geometry().buffer(0)).getArea() < 1e-12,
                        format + " feature " + id + ": " + a.geometry() + " vs " + b.geometry());
                assertEquals(a.properties().get("parcel_name"), b.properties().get("parcel_name"), format);
                assertEquals(a.properties().get("land_class"), b.properties().get("land_class"), format);
            }
        }
    }

    @Test
    void requestMistakesAreNamed() throws Exception {
        assertEquals("layer", post("format=geojson", geoJson(1, 0)).body().get("parameter").asText());
        assertEquals("filename", post("layer=imp_x&filename=a.xyz", geoJson(1, 0)).body().get("parameter").asText());
        assertEquals(201, post("layer=imp_conflict&format=geojson", geoJson(1, 0)).status());
        assertEquals(409, post("layer=imp_conflict&format=geojson", geoJson(1, 0)).status(), "create names a new layer");
        assertEquals(404, post("layer=imp_missing&format=geojson&mode=append", geoJson(1, 0)).status());
        assertEquals(404, getAsEditor("/imports/no-such-import").status());
        assertFalse(server.store().layer("imp_x").isPresent());
    }
}
