package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.config.Settings;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.WebMercatorQuad;
import parkgrid.store.FeatureEdit;
import parkgrid.store.FeatureStore;

/**
 * Vector tiles over HTTP on a store of the subclass's kind, decoded by GDAL's MVT driver: feature counts, Chinese
 * names, thinning at low zoom, properties and filter, multi-layer tiles, content ETags that change only for the
 * tile an edit touches, and the problems for tiles that do not exist or bad parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TilesApiContract {
    static final String POINTS = "tile_villages", LINES = "tile_lines", SURVEYS = "tile_surveys";
    /** Five villages within 250 m of here: one z14 tile, one 4 × 4 pixel cell at z5. */
    static final Coordinate CENTRE = new Coordinate(112.0102, 34.2051);
    static final Coordinate FAR = new Coordinate(112.3, 34.5);

    private FeatureStore store;
    private Javalin app;
    private Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    protected abstract FeatureStore open(Path dir) throws Exception;

    protected void cleanUp() throws Exception {}

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        store = open(dir);
        store.createLayer(new Layer(POINTS, "Villages", "村庄", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING), new PropertyDefinition("population", PropertyType.INTEGER)), null, null));
        store.createLayer(new Layer(LINES, "Lines", "线路", null, GeometryKind.LINESTRING,
                List.of(new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("voltage_kv", PropertyType.NUMBER)), null, null));
        List<Feature> villages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            villages.add(new Feature(i + 1, GeoJsonReader.WGS84.createPoint(new Coordinate(CENTRE.x + i * 0.0004, CENTRE.y)),
                    Map.of("name_zh", i == 0 ? "程村" : "东源头" + i, "population", 100L * (i + 1))));
        }
        villages.add(new Feature(6, GeoJsonReader.WGS84.createPoint(FAR), Map.of("name_zh", "远村", "population", 9L)));
        store.insert(POINTS, villages);
        store.insert(LINES, List.of(new Feature(1, GeoJsonReader.WGS84.createLineString(new Coordinate[] {
                new Coordinate(CENTRE.x - 0.001, CENTRE.y - 0.001), new Coordinate(CENTRE.x + 0.002, CENTRE.y + 0.001)}),
                Map.of("name", "10kV 程村线", "voltage_kv", 10.0))));
        store.createLayer(new Layer(SURVEYS, "Surveys", "踏勘点", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING), new PropertyDefinition("surveyed_at", PropertyType.STRING)),
                null, null, "surveyed_at"));
        String[] when = {"2025-06-01T08:00:00Z", "2026-03-01T09:30:00Z", "2026-11-30T16:00:00Z"};
        List<Feature> surveys = new ArrayList<>();
        for (int i = 0; i < when.length; i++) {
            surveys.add(new Feature(i + 1, GeoJsonReader.WGS84.createPoint(new Coordinate(CENTRE.x + i * 0.0005, CENTRE.y + 0.0003)),
                    Map.of("name_zh", "踏勘" + (i + 1), "surveyed_at", when[i])));
        }
        store.insert(SURVEYS, surveys);
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.router.ignoreTrailingSlashes = true;
            c.http.prefer405over404 = true;
        });
        Routes.register(app, store, Settings.embedded(dir.resolve("unused.gpkg"), 0));
        app.after(Utf8ContentType::declare);
        app.start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) app.stop();
        if (store != null) store.close();
        cleanUp();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long[] tileOf(Coordinate c, int z) {
        double w = WebMercatorQuad.tileWidth(z);
        return new long[] {(long) Math.floor((WebMercatorQuad.ORIGIN - WebMercatorQuad.y(c.y)) / w),
                (long) Math.floor((WebMercatorQuad.x(c.x) + WebMercatorQuad.ORIGIN) / w)};
    }

    private static String tilePath(String base, Coordinate c, int z) {
        long[] t = tileOf(c, z);
        return base + "/" + z + "/" + t[0] + "/" + t[1];
    }

    /** What ogrinfo says about the tile {@code bytes} at z/row/col: its output with every feature. */
    private String ogrinfo(byte[] bytes, int z, long row, long col) throws Exception {
        Path f = Files.createTempFile(dir, "tile", ".mvt");
        Files.write(f, bytes);
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-oo", "X=" + col, "-oo", "Y=" + row, "-oo", "Z=" + z, f.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static Map<String, Integer> featureCounts(String ogrinfo) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("Layer name: (\\S+)[\\s\\S]*?Feature Count: (\\d+)").matcher(ogrinfo);
        while (m.find()) counts.put(m.group(1), Integer.parseInt(m.group(2)));
        return counts;
    }

    private String ogrinfoOf(String base, Coordinate c, int z, String query) throws Exception {
        HttpResponse<byte[]> r = get(tilePath(base, c, z) + query);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(OgcVocabulary.MVT, r.headers().firstValue("Content-Type").orElse(""));
        long[] t = tileOf(c, z);
        return ogrinfo(r.body(), z, t[0], t[1]);
    }

    @Test
    void gdalReadsTheTileWithEveryVillageAndItsChineseName() throws Exception {
        String out = ogrinfoOf("/collections/" + POINTS + "/tiles/WebMercatorQuad", CENTRE, 14, "");
        assertEquals(Map.of(POINTS, 5), featureCounts(out), out);
        assertTrue(out.contains("name_zh (String) = 程村"), out);
        assertTrue(out.contains("population (Integer") && out.contains("= 100"), out);
    }

    @Test
    void atLowZoomNearbyVillagesAreThinnedToOne() throws Exception {
        // the z5 tile holds all six: the five within 250 m share one 4 × 4 pixel cell (~20 km), 远村 30 km off has its own
        String out = ogrinfoOf("/collections/" + POINTS + "/tiles/WebMercatorQuad", CENTRE, 5, "");
        assertEquals(Map.of(POINTS, 2), featureCounts(out), out);
        assertTrue(out.contains("程村") && out.contains("远村") && !out.contains("东源头"), "the lowest id of a cell is kept: " + out);
    }

    @Test
    void propertiesAndFilterApplyToTiles() throws Exception {
        String out = ogrinfoOf("/collections/" + POINTS + "/tiles/WebMercatorQuad", CENTRE, 14,
                "?properties=name_zh&filter=" + java.net.URLEncoder.encode("population >= 300", StandardCharsets.UTF_8));
        assertEquals(Map.of(POINTS, 3), featureCounts(out), out);
        assertTrue(!out.contains("population"), out);
    }

    @Test
    void datetimeSelectsTheTilesFeaturesAsItSelectsItems() throws Exception {
        String base = "/collections/" + SURVEYS + "/tiles/WebMercatorQuad";
        for (var c : List.of(new Object[] {"2026-01-01/..", 2}, new Object[] {"2025-06-01", 1}, new Object[] {"../2026-03-01T09:30:00Z", 2},
                new Object[] {"2027-01-01/..", 0})) {
            String datetime = java.net.URLEncoder.encode((String) c[0], StandardCharsets.UTF_8);
            if ((int) c[1] == 0) {
                HttpResponse<byte[]> empty = get(tilePath(base, CENTRE, 14) + "?datetime=" + datetime);
                assertEquals(200, empty.statusCode());
                assertEquals(0, empty.body().length, "an MVT without layers is empty (ogrinfo refuses to open it): " + c[0]);
            } else {
                String out = ogrinfoOf(base, CENTRE, 14, "?datetime=" + datetime);
                assertEquals((int) c[1], featureCounts(out).getOrDefault(SURVEYS, 0), c[0] + ": " + out);
            }
            HttpResponse<byte[]> items = get("/collections/" + SURVEYS + "/items?datetime=" + datetime);
            assertEquals((int) c[1], parkgrid.json.Json.MAPPER.readTree(items.body()).path("numberMatched").asInt(), "items agree for " + c[0]);
        }
        String both = ogrinfoOf(base, CENTRE, 14, "?datetime=2026-01-01/..&filter=" + java.net.URLEncoder.encode("name_zh = '踏勘3'", StandardCharsets.UTF_8));
        assertEquals(Map.of(SURVEYS, 1), featureCounts(both), both);
        assertTrue(both.contains("踏勘3"), both);
        assertEquals(Map.of(POINTS, 5), featureCounts(ogrinfoOf("/collections/" + POINTS + "/tiles/WebMercatorQuad", CENTRE, 14,
                "?datetime=2027-01-01")), "a collection without a temporal property ignores datetime, as items do");
        assertProblem(get(base + "/14/0/0?datetime=" + java.net.URLEncoder.encode("昨天", StandardCharsets.UTF_8)), 400, "datetime");
    }

    @Test
    void aMultiLayerTileHasOneLayerPerCollectionNamedByItsId() throws Exception {
        String out = ogrinfoOf("/tiles/WebMercatorQuad", CENTRE, 14, "?collections=" + POINTS + "," + LINES);
        assertEquals(Map.of(LINES, 1, POINTS, 5), featureCounts(out), out);
        assertTrue(out.contains("10kV 程村线"), out);
    }

    @Test
    void theEtagIsTheContentsAndAnEditChangesOnlyTheTileItTouches() throws Exception {
        String base = "/collections/" + POINTS + "/tiles/WebMercatorQuad";
        HttpResponse<byte[]> near = get(tilePath(base, CENTRE, 14)), far = get(tilePath(base, FAR, 14));
        String nearTag = near.headers().firstValue("ETag").orElseThrow(), farTag = far.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=60", near.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(304, get(tilePath(base, CENTRE, 14), "If-None-Match", nearTag).statusCode());
        long version = store.versioned(POINTS, 2).orElseThrow().version();
        store.change(POINTS, 2, version, "测试", new FeatureEdit.Patch(Map.of("name_zh", "改名村"), null));
        HttpResponse<byte[]> nearAfter = get(tilePath(base, CENTRE, 14), "If-None-Match", nearTag);
        assertEquals(200, nearAfter.statusCode());
        assertNotEquals(nearTag, nearAfter.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, get(tilePath(base, FAR, 14), "If-None-Match", farTag).statusCode());
    }

    @Test
    void tilesOutsideTheMatrixSetAreNotFound() throws Exception {
        String base = "/collections/" + POINTS + "/tiles/";
        assertProblem(get(base + "WebMercatorQuad/23/0/0"), 404, "tileMatrix");
        assertProblem(get(base + "WebMercatorQuad/2/0/4"), 404, "tileCol");
        assertProblem(get(base + "WebMercatorQuad/2/-1/0"), 404, "tileRow");
        assertProblem(get(base + "WorldCRS84Quad/2/0/0"), 404, "tileMatrixSetId");
        assertProblem(get("/tiles/WebMercatorQuad/0/0/0?collections=" + java.net.URLEncoder.encode("汝阳县", StandardCharsets.UTF_8)),
                400, "collections");
        assertProblem(get(base + "WebMercatorQuad/0/0/0?properties=nope"), 400, "properties");
    }

    private static void assertProblem(HttpResponse<byte[]> r, int status, String parameter) throws IOException {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(OgcVocabulary.PROBLEM_JSON), body);
        assertEquals(parameter, parkgrid.json.Json.MAPPER.readTree(body).path("parameter").asText(), body);
    }

    @Test
    void theTilesetAndTheTileMatrixSetDescribeThemselves() throws Exception {
        JsonNode set = parkgrid.json.Json.MAPPER.readTree(get("/collections/" + POINTS + "/tiles/WebMercatorQuad").body());
        assertEquals(WebMercatorQuad.URI, set.path("tileMatrixSetURI").asText());
        assertEquals("vector", set.path("dataType").asText());
        boolean template = false;
        for (JsonNode l : set.path("links")) template |= l.path("rel").asText().equals("item")
                && l.path("href").asText().endsWith("/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
        assertTrue(template, set.toString());
        assertEquals(23, set.path("tileMatrixSetLimits").size());
        JsonNode tms = parkgrid.json.Json.MAPPER.readTree(get("/tileMatrixSets/WebMercatorQuad").body());
        assertEquals(WebMercatorQuad.CRS, tms.path("crs").asText());
        assertEquals(23, tms.path("tileMatrices").size());
        assertEquals(559082264.0287178, tms.path("tileMatrices").get(0).path("scaleDenominator").asDouble(), 1e-3);
        assertEquals(1 << 22, tms.path("tileMatrices").get(22).path("matrixWidth").asLong());
        String conformance = new String(get("/conformance?f=json").body(), StandardCharsets.UTF_8);
        assertTrue(conformance.contains("ogcapi-tiles-1/1.0/conf/mvt"), conformance);
    }
}
