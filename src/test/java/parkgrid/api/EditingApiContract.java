package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import parkgrid.config.RequestLimits;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.SupportedCrs;
import parkgrid.store.FeatureStore;

/**
 * Editing over HTTP (OGC API – Features Part 4) on a store of the subclass's kind, through the real routes:
 * create with and without an id, replace, patch and delete under If-Match, ETag and 304, Content-Crs,
 * geometry checks and repair, request limits, OPTIONS by the caller's role, history and revert, and parallel
 * writers. Layers of its own ({@code edit_sites}: points, {@code edit_parcels}: multipolygons), Chinese values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EditingApiContract {
    static final String SITES = "edit_sites";
    static final String PARCELS = "edit_parcels";
    static final RequestLimits LIMITS = new RequestLimits(100_000, 500);
    private static final String WANG = "规划员 王五";
    private static final String LI = "审核员 李四";
    private static final String GEOJSON = "application/geo+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private FeatureStore store;
    private EditingServer server;
    private String editor;
    private String reviewer;

    /** A fresh, empty store of the subclass's kind. */
    protected abstract FeatureStore open(Path dir) throws Exception;

    protected void cleanUp() throws Exception {}

    /** After the parallel writers: the store's own check that nothing is corrupted (the GeoPackage's integrity_check). */
    protected void assertIntact() throws Exception {}

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        store = open(dir);
        List<PropertyDefinition> schema = List.of(new PropertyDefinition("name_zh", PropertyType.STRING),
                new PropertyDefinition("households", PropertyType.INTEGER));
        store.createLayer(new Layer(SITES, "Edited sites", "编辑点", null, GeometryKind.POINT, schema, null, null));
        store.createLayer(new Layer(PARCELS, "Edited parcels", "编辑地块", null, GeometryKind.MULTIPOLYGON,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING), new PropertyDefinition("area_m2", PropertyType.NUMBER)),
                null, null));
        List<Feature> sites = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            sites.add(new Feature(i, GeoJsonReader.WGS84.createPoint(new Coordinate(112.0 + i / 1000.0, 34.2)),
                    Map.of("name_zh", "程村" + i + "号变", "households", (long) (10 * i))));
        }
        store.insert(SITES, sites);
        server = new EditingServer(store, dir, LIMITS);
        editor = EditingServer.caller(WANG, Role.EDITOR);
        reviewer = EditingServer.caller(LI, Role.EDITOR);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
        if (store != null) store.close();
        cleanUp();
    }

    private static String point(double lon, double lat) {
        return "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}";
    }

    private static String feature(String geometry, String nameZh, long households) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{\"name_zh\":\"" + nameZh + "\",\"households\":" + households + "}}";
    }

    private EditingServer.Reply post(String layer, String body, String... more) {
        List<String> h = new ArrayList<>(List.of("Content-Type", GEOJSON, EditingServer.CALLER, editor));
        h.addAll(List.of(more));
        return server.send("POST", "/collections/" + layer + "/items", body, h.toArray(String[]::new));
    }

    private EditingServer.Reply get(String path, String... headers) {
        return server.send("GET", path, null, headers);
    }

    private static long idOf(EditingServer.Reply created) {
        String location = created.header("Location");
        assertNotNull(location, created.toString());
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void assertProblem(EditingServer.Reply r, int status, String parameter, String... inDetail) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        JsonNode p = r.json();
        if (parameter != null) assertEquals(parameter, p.path("parameter").asText(), r.body());
        for (String s : inDetail) assertTrue(p.path("detail").asText().contains(s), "detail should say '" + s + "': " + r.body());
    }

    @Test
    void aNewFeatureWithoutAnIdGetsTheNextFreeOneWithLocationAndEtag() {
        EditingServer.Reply created = post(SITES, feature(point(112.05, 34.21), "新建光伏站", 12));
        assertEquals(201, created.status(), created.toString());
        long id = idOf(created);
        assertTrue(id > 30, "after the 30 stored ones: " + id);
        assertTrue(created.header("Location").endsWith("/collections/" + SITES + "/items/" + id), created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("新建光伏站", created.json().at("/properties/name_zh").asText());

        EditingServer.Reply read = get("/collections/" + SITES + "/items/" + id);
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals("新建光伏站", read.json().at("/properties/name_zh").asText());
        assertEquals(12, read.json().at("/properties/households").asInt());
        EditingServer.Reply notModified = get("/collections/" + SITES + "/items/" + id, "If-None-Match", "\"1\"");
        assertEquals(304, notModified.status());
        assertEquals("", notModified.body());
        assertEquals(200, get("/collections/" + SITES + "/items/" + id, "If-None-Match", "\"7\"").status());

        // a deleted feature's id is not given to the next one
        assertEquals(204, server.send("DELETE", "/collections/" + SITES + "/items/" + id, null, "If-Match", "\"1\"",
                EditingServer.CALLER, editor).status());
        long next = idOf(post(SITES, feature(point(112.06, 34.21), "又一新站", 3)));
        assertEquals(id + 1, next);

        EditingServer.Reply chosen = post(SITES, "{\"type\":\"Feature\",\"id\":9001,\"geometry\":" + point(112.1, 34.3)
                + ",\"properties\":{\"name_zh\":\"指定编号站\"}}");
        assertEquals(201, chosen.status(), chosen.toString());
        assertEquals(9001, idOf(chosen));
        assertProblem(post(SITES, "{\"type\":\"Feature\",\"id\":9001,\"geometry\":" + point(112.1, 34.3) + ",\"properties\":{}}"), 409, null, "9001");
    }

    @Test
    void eachRepresentationOfAVersionHasItsOwnEtagAndAnyOfThemMayBeMatchedOnAWrite() {
        long id = idOf(post(SITES, feature(point(112.05, 34.25), "表示测试站", 5)));
        String item = "/collections/" + SITES + "/items/" + id;
        assertEquals("\"1\"", get(item).header("ETag"));
        assertEquals("\"1-html\"", get(item + "?f=html").header("ETag"));
        String cgcs = item + "?crs=" + java.net.URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/4490", java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\"1-epsg4490\"", get(cgcs).header("ETag"));
        // a cache holding the GeoJSON must not be told that it has the HTML page or the CGCS2000 coordinates
        EditingServer.Reply html = get(item + "?f=html", "If-None-Match", "\"1\"");
        assertEquals(200, html.status(), html.toString());
        assertTrue(html.body().contains("表示测试站"), html.body());
        assertEquals(200, get(cgcs, "If-None-Match", "\"1\"").status());
        assertEquals(304, get(cgcs, "If-None-Match", "\"1-epsg4490\"").status());
        assertEquals(304, get(item + "?f=html", "If-None-Match", "\"1-html\"").status());
        // the version is what a write must match: the tag of any representation of it will do
        EditingServer.Reply patch = server.send("PATCH", item, "{\"properties\":{\"name_zh\":\"表示已改站\"}}", "Content-Type", MERGE_PATCH,
                "If-Match", "\"1-epsg4490\"", EditingServer.CALLER, editor);
        assertEquals(200, patch.status(), patch.toString());
        assertEquals("\"2\"", patch.header("ETag"));
        assertProblem(server.send("PATCH", item, "{\"properties\":{\"name_zh\":\"过期\"}}", "Content-Type", MERGE_PATCH,
                "If-Match", "\"1-html\"", EditingServer.CALLER, editor), 412, "If-Match");
        assertEquals("表示已改站", get(item).json().at("/properties/name_zh").asText());
    }

    @Test
    void replacePatchAndDeleteNeedTheCurrentEtag() {
        long id = idOf(post(SITES, feature(point(112.07, 34.22), "待改村", 40)));
        String item = "/collections/" + SITES + "/items/" + id;
        String replacement = feature(point(112.08, 34.23), "已改村", 41);

        assertProblem(server.send("PUT", item, replacement, "Content-Type", GEOJSON, EditingServer.CALLER, editor), 428, "If-Match", "\"1\"");
        assertProblem(server.send("PUT", item, replacement, "Content-Type", GEOJSON, "If-Match", "\"5\"", EditingServer.CALLER, editor),
                412, "If-Match", "\"1\"");
        assertEquals("待改村", get(item).json().at("/properties/name_zh").asText(), "a refused write changes nothing");
        assertEquals("\"1\"", get(item).header("ETag"));

        EditingServer.Reply put = server.send("PUT", item, replacement, "Content-Type", GEOJSON, "If-Match", "\"1\"", EditingServer.CALLER, editor);
        assertEquals(200, put.status(), put.toString());
        assertEquals("\"2\"", put.header("ETag"));
        assertEquals("已改村", get(item).json().at("/properties/name_zh").asText());
        assertEquals(112.08, get(item).json().at("/geometry/coordinates/0").asDouble(), 1e-9);

        EditingServer.Reply patch = server.send("PATCH", item, "{\"properties\":{\"households\":null,\"name_zh\":\"再改村\"}}",
                "Content-Type", MERGE_PATCH, "If-Match", "\"2\"", EditingServer.CALLER, reviewer);
        assertEquals(200, patch.status(), patch.toString());
        assertEquals("\"3\"", patch.header("ETag"));
        JsonNode afterPatch = get(item).json();
        assertEquals("再改村", afterPatch.at("/properties/name_zh").asText());
        assertTrue(afterPatch.at("/properties/households").isNull() || afterPatch.at("/properties/households").isMissingNode(), afterPatch.toString());
        assertEquals(112.08, afterPatch.at("/geometry/coordinates/0").asDouble(), 1e-9, "a patch without geometry keeps it");

        EditingServer.Reply moved = server.send("PATCH", item, "{\"geometry\":" + point(112.09, 34.24) + "}", "Content-Type", GEOJSON,
                "If-Match", "\"3\"", EditingServer.CALLER, editor);
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("再改村", get(item).json().at("/properties/name_zh").asText(), "a geometry patch keeps the properties");
        assertProblem(server.send("PATCH", item, "{\"properties\":{\"名称\":\"程村\"}}", "Content-Type", MERGE_PATCH, "If-Match", "\"4\"",
                EditingServer.CALLER, editor), 400, "名称", "名称");
        assertEquals("\"4\"", get(item).header("ETag"), "a refused patch changes nothing");

        assertProblem(server.send("DELETE", item, null, EditingServer.CALLER, editor), 428, "If-Match");
        assertProblem(server.send("DELETE", item, null, "If-Match", "\"3\"", EditingServer.CALLER, editor), 412, "If-Match");
        assertEquals(200, get(item).status());
        assertEquals(204, server.send("DELETE", item, null, "If-Match", "\"4\"", EditingServer.CALLER, editor).status());
        assertEquals(404, get(item).status());
        assertProblem(server.send("PUT", item, replacement, "Content-Type", GEOJSON, "If-Match", "\"4\"", EditingServer.CALLER, editor), 404, "featureId");
    }

    @Test
    void contentCrsCoordinatesAreStoredAsLonLat() {
        Point lonLat = GeoJsonReader.WGS84.createPoint(new Coordinate(111.987654, 34.123456));
        // CGCS2000 / 3-degree Gauss–Krüger CM 111°E, authority order: northing (X) first
        Coordinate gk = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111).fromCrs84(lonLat, CrsTransformer.AxisOrder.AUTHORITY).getCoordinate();
        EditingServer.Reply inGk = post(SITES, feature(point(gk.x, gk.y), "高斯坐标站", 5), "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/4546>");
        assertEquals(201, inGk.status(), inGk.toString());
        JsonNode stored = get("/collections/" + SITES + "/items/" + idOf(inGk)).json().at("/geometry/coordinates");
        assertEquals(111.987654, stored.get(0).asDouble(), 1e-6);
        assertEquals(34.123456, stored.get(1).asDouble(), 1e-6);

        // as QGIS sends it: the bare URI, CGCS2000 geographic in its authority order (lat, lon)
        EditingServer.Reply inCgcs = post(SITES, feature(point(34.5, 112.25), "国家大地坐标站", 6), "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/4490");
        assertEquals(201, inCgcs.status(), inCgcs.toString());
        JsonNode c = get("/collections/" + SITES + "/items/" + idOf(inCgcs)).json().at("/geometry/coordinates");
        assertEquals(112.25, c.get(0).asDouble(), 1e-9);
        assertEquals(34.5, c.get(1).asDouble(), 1e-9);

        assertProblem(post(SITES, feature(point(1, 2), "未知坐标系", 1), "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/9999>"),
                400, "Content-Crs", "9999");
    }

    @Test
    void geometryProblemsAreNamedWithTheFeature() {
        assertProblem(post(SITES, feature("{\"type\":\"LineString\",\"coordinates\":[[112,34],[112.1,34.1]]}", "线不是点", 1)), 400, "geometry",
                "new feature in '" + SITES + "'", "LineString", "Point");
        assertProblem(post(SITES, feature("{\"type\":\"Point\",\"coordinates\":[NaN,34]}", "非数", 1)), 400, "geometry", "not a finite number");
        assertProblem(post(SITES, feature("{\"type\":\"Point\",\"coordinates\":[1e400,34]}", "无穷", 1)), 400, "geometry", "not a finite number");
        assertProblem(post(SITES, feature(point(200, 34), "越界", 1)), 400, "geometry", "outside");

        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[112,34],[112.01,34.01],[112.01,34],[112,34.01],[112,34]]]}";
        String parcel = "{\"type\":\"Feature\",\"geometry\":" + bowtie + ",\"properties\":{\"name_zh\":\"蝴蝶地块\"}}";
        assertProblem(post(PARCELS, parcel), 400, "geometry", "new feature in '" + PARCELS + "'", "Self-intersection", "repair=true");
        EditingServer.Reply repaired = server.send("POST", "/collections/" + PARCELS + "/items?repair=true", parcel, "Content-Type", GEOJSON,
                EditingServer.CALLER, editor);
        assertEquals(201, repaired.status(), repaired.toString());
        Geometry stored = store.feature(PARCELS, idOf(repaired)).orElseThrow().geometry();
        assertTrue(stored.isValid());
        assertEquals("MultiPolygon", stored.getGeometryType());
        assertEquals(0.0001 / 2, stored.getArea(), 1e-9, "the two triangles of the bowtie");
        assertEquals("蝴蝶地块", repaired.json().at("/properties/name_zh").asText());

        StringBuilder ring = new StringBuilder("[[");
        for (int i = 0; i <= 600; i++) {
            double a = 2 * Math.PI * i / 600;
            if (i > 0) ring.append(",");
            ring.append("[").append(112 + 0.01 * Math.cos(a)).append(",").append(34 + 0.01 * Math.sin(a)).append("]");
        }
        ring.append("]]");
        assertProblem(post(PARCELS, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring
                + "},\"properties\":{\"name_zh\":\"圆形地块\"}}"), 413, "geometry", "601 vertices", "500");
        assertProblem(post(SITES, feature(point(112, 34), "长".repeat(40_000), 1)), 413, "body", "100000");
        assertProblem(server.send("POST", "/collections/" + SITES + "/items", feature(point(112, 34), "文本", 1), "Content-Type", "text/plain",
                EditingServer.CALLER, editor), 400, "Content-Type");
    }

    @Test
    void optionsAllowWhatTheCallerMayDo() {
        String items = "/collections/" + SITES + "/items";
        EditingServer.Reply anonymous = server.send("OPTIONS", items, null);
        assertEquals(204, anonymous.status());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), methods(anonymous));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), methods(server.send("OPTIONS", items + "/1", null,
                EditingServer.CALLER, EditingServer.caller("市民 张三", Role.VIEWER))));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), methods(server.send("OPTIONS", items, null, EditingServer.CALLER, editor)));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"),
                methods(server.send("OPTIONS", items + "/1", null, EditingServer.CALLER, editor)));
        // QGIS asks about "unknown_id" when a layer is empty
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"),
                methods(server.send("OPTIONS", items + "/unknown_id", null, EditingServer.CALLER, editor)));
        assertEquals(404, server.send("OPTIONS", "/collections/%E6%B1%9D%E9%98%B3/items", null).status());
        // what Allow promises anyone answers
        EditingServer.Reply head = server.send("HEAD", items + "/1", null);
        assertEquals(200, head.status());
        assertEquals("\"1\"", head.header("ETag"));
        assertEquals(200, server.send("HEAD", items, null).status());

        List<String> conformance = new ArrayList<>();
        get("/conformance").json().path("conformsTo").forEach(c -> conformance.add(c.asText()));
        for (String c : List.of("create-replace-delete", "update", "features")) {
            assertTrue(conformance.contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/" + c), c);
        }
    }

    /**
     * The requests QGIS 3.32+'s OAPIF provider makes (qgsoapifprovider.cpp and its create/put/patch/delete requests),
     * as an editor: OPTIONS on the items and on the first item decide what it offers; a new feature is POSTed
     * without an id, with {@code Content-Crs} as a bare URI, and its id read after "/items/" in Location. QGIS sends
     * no If-Match, so its replace, patch and delete are refused (428) and change nothing: see the report.
     */
    @Test
    void aQgisEditSessionCreatesAndItsWritesWithoutIfMatchChangeNothing() {
        String items = "/collections/" + SITES + "/items";
        long first = get(items + "?limit=10").json().at("/features/0/id").asLong();
        assertTrue(methods(server.send("OPTIONS", items, null, EditingServer.CALLER, editor)).contains("POST"));
        assertTrue(methods(server.send("OPTIONS", items + "/" + first, null, EditingServer.CALLER, editor)).containsAll(List.of("PUT", "PATCH", "DELETE")));

        EditingServer.Reply created = server.send("POST", items, "{\"type\":\"Feature\",\"geometry\":" + point(34.31, 112.31)
                        + ",\"properties\":{\"name_zh\":\"QGIS新增站\",\"households\":null}}",
                "Content-Type", GEOJSON, "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/4490", EditingServer.CALLER, editor);
        assertEquals(201, created.status(), created.toString());
        String location = created.header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf("/items/") + "/items/".length()));
        assertEquals(112.31, get(items + "/" + id).json().at("/geometry/coordinates/0").asDouble(), 1e-9);

        assertEquals(428, server.send("PATCH", items + "/" + id, "{\"properties\":{\"name_zh\":\"QGIS改名\"}}", "Content-Type", MERGE_PATCH,
                EditingServer.CALLER, editor).status());
        assertEquals(428, server.send("PUT", items + "/" + id, feature(point(34.32, 112.32), "QGIS替换", 1), "Content-Type", GEOJSON,
                "Content-Crs", "http://www.opengis.net/def/crs/EPSG/0/4490", EditingServer.CALLER, editor).status());
        assertEquals(428, server.send("DELETE", items + "/" + id, null, EditingServer.CALLER, editor).status());
        assertEquals("QGIS新增站", get(items + "/" + id).json().at("/properties/name_zh").asText());
        assertEquals("\"1\"", get(items + "/" + id).header("ETag"));
    }

    private static Set<String> methods(EditingServer.Reply r) {
        assertNotNull(r.header("Allow"), r.toString());
        Set<String> out = new HashSet<>();
        for (String m : r.header("Allow").split(",")) out.add(m.trim());
        return out;
    }

    @Test
    void historyNamesWhoChangedWhatAndRevertRestoresAVersion() {
        long id = idOf(post(SITES, feature(point(112.11, 34.25), "历史村", 70)));
        String item = "/collections/" + SITES + "/items/" + id;
        assertEquals(200, server.send("PATCH", item, "{\"properties\":{\"name_zh\":\"历史村（改）\"}}", "Content-Type", MERGE_PATCH,
                "If-Match", "\"1\"", EditingServer.CALLER, reviewer).status());
        assertEquals(204, server.send("DELETE", item, null, "If-Match", "\"2\"", EditingServer.CALLER, editor).status());

        JsonNode changes = get(item + "/history").json().path("changes");
        assertEquals(3, changes.size(), changes.toString());
        assertEquals(List.of("create", "patch", "delete"), List.of(changes.get(0).path("action").asText(), changes.get(1).path("action").asText(),
                changes.get(2).path("action").asText()));
        assertEquals(List.of(WANG, LI, WANG), List.of(changes.get(0).path("who").asText(), changes.get(1).path("who").asText(),
                changes.get(2).path("who").asText()));
        assertEquals("历史村", changes.get(1).at("/before/properties/name_zh").asText());
        assertEquals("历史村（改）", changes.get(1).at("/after/properties/name_zh").asText());
        assertTrue(changes.get(2).path("after").isNull());

        assertProblem(server.send("POST", item + "/revert?version=3", null, EditingServer.CALLER, editor), 400, "version", "deletion");
        assertProblem(server.send("POST", item + "/revert?version=9", null, EditingServer.CALLER, editor), 404, "version");
        // a deleted feature's ETag is its delete record's version
        assertProblem(server.send("POST", item + "/revert?version=1", null, "If-Match", "\"2\"", EditingServer.CALLER, editor), 412, null, "version 3");
        EditingServer.Reply back = server.send("POST", item + "/revert?version=1", null, "If-Match", "\"3\"", EditingServer.CALLER, reviewer);
        assertEquals(200, back.status(), back.toString());
        assertEquals("\"4\"", back.header("ETag"));
        JsonNode restored = get(item).json();
        assertEquals("历史村", restored.at("/properties/name_zh").asText());
        assertEquals(70, restored.at("/properties/households").asInt());
        assertEquals(112.11, restored.at("/geometry/coordinates/0").asDouble(), 1e-9);

        EditingServer.Reply again = server.send("POST", item + "/revert?version=2", null, EditingServer.CALLER, editor);
        assertEquals(200, again.status(), again.toString());
        assertEquals("历史村（改）", get(item).json().at("/properties/name_zh").asText());
        JsonNode all = get(item + "/history").json().path("changes");
        assertEquals(5, all.size());
        assertEquals("revert", all.get(3).path("action").asText());
        assertEquals(LI, all.get(3).path("who").asText());
        assertTrue(all.get(3).path("before").isNull(), "re-created: nothing before");
        assertEquals("历史村", all.get(4).at("/before/properties/name_zh").asText());
        assertEquals(5, all.get(4).path("version").asInt());

        // a stored (imported) feature has no record of its version 1: the first change's "before" is it
        long imported = 7;
        String importedItem = "/collections/" + SITES + "/items/" + imported;
        assertEquals(0, get(importedItem + "/history").json().path("changes").size());
        assertEquals(200, server.send("PATCH", importedItem, "{\"properties\":{\"name_zh\":\"临时名\"}}", "Content-Type", MERGE_PATCH,
                "If-Match", "\"1\"", EditingServer.CALLER, editor).status());
        assertEquals(200, server.send("POST", importedItem + "/revert?version=1", null, EditingServer.CALLER, editor).status());
        assertEquals("程村7号变", get(importedItem).json().at("/properties/name_zh").asText());
        assertEquals("\"3\"", get(importedItem).header("ETag"));
    }

    @Test
    void parallelWritersOfOneVersionLoseNoUpdateAndOfDifferentFeaturesAllSucceed() throws Exception {
        int writers = 8;
        long target = 20;
        String item = "/collections/" + SITES + "/items/" + target;
        List<Integer> same = inParallel(writers, k -> () -> server.send("PUT", item, feature(point(112.2, 34.2 + k / 1000.0), "并发写" + k, k),
                "Content-Type", GEOJSON, "If-Match", "\"1\"", EditingServer.CALLER, editor).status());
        assertEquals(1, same.stream().filter(s -> s == 200).count(), "exactly one writer of version 1 wins: " + same);
        assertEquals(writers - 1, same.stream().filter(s -> s == 412).count(), same.toString());
        assertEquals("\"2\"", get(item).header("ETag"));
        JsonNode changes = get(item + "/history").json().path("changes");
        assertEquals(1, changes.size(), "one change recorded: " + changes);
        assertEquals(changes.get(0).at("/after/properties/name_zh").asText(), get(item).json().at("/properties/name_zh").asText());

        List<Integer> different = inParallel(writers, k -> () -> server.send("PATCH", "/collections/" + SITES + "/items/" + (21 + k),
                "{\"properties\":{\"name_zh\":\"分别改" + k + "\"}}", "Content-Type", MERGE_PATCH, "If-Match", "\"1\"",
                EditingServer.CALLER, editor).status());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), different);
        for (int k = 0; k < writers; k++) {
            assertEquals("分别改" + k, get("/collections/" + SITES + "/items/" + (21 + k)).json().at("/properties/name_zh").asText());
        }

        List<Integer> ids = inParallel(writers, k -> () -> idOfCreated(post(SITES, feature(point(112.3, 34.3), "并发新建" + k, k))));
        assertEquals(writers, new HashSet<>(ids).size(), "every creator got an id of its own: " + ids);
        assertIntact();
    }

    private static int idOfCreated(EditingServer.Reply r) {
        assertEquals(201, r.status(), r.toString());
        return (int) idOf(r);
    }

    private interface Task {
        Callable<Integer> of(int k);
    }

    /** Runs the tasks at once (all released together), results in task order. */
    private static List<Integer> inParallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> fs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Callable<Integer> c = task.of(k);
                fs.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesAnswerProblemsForMalformedBodies() {
        assertProblem(post(SITES, "{\"type\":\"FeatureCollection\",\"features\":[]}"), 400, "type", "Feature");
        assertProblem(post(SITES, "{\"type\":\"Feature\",\"geometry\":" + point(112, 34) + ",\"properties\":{\"name_zh\":\"坏"), 400, "body", "not valid JSON");
        assertProblem(post(SITES, feature(point(112, 34), "户数不对", 1).replace("\"households\":1", "\"households\":\"很多\"")), 400, "households", "很多");
        assertProblem(post("不存在的图层", feature(point(112, 34), "无图层", 1)), 404, "collectionId", "不存在的图层");
        assertFalse(get("/api").json().at("/paths/~1collections~1{collectionId}~1items/post/requestBody/content").isMissingNode());
        assertEquals("editor", get("/api").json().at("/paths/~1collections~1{collectionId}~1items/post/x-parkgrid-role").asText());
    }
}
