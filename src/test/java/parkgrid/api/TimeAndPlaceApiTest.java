package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoJsonReader;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * {@code datetime} on a layer's temporal property and {@code bbox} across the antimeridian or in 3D, over
 * HTTP on both stores with the same answers.
 */
class TimeAndPlaceApiTest {
    private static final String SCHEMA = "time_and_place_api_test";
    @TempDir
    static Path dir;
    static final Map<String, TestServer> SERVERS = new HashMap<>();

    static final Layer SUGGESTIONS = new Layer("suggestions", "Suggestions", "市民规划建议", null, GeometryKind.POINT,
            List.of(new PropertyDefinition("text", PropertyType.STRING), new PropertyDefinition("created_at", PropertyType.STRING)),
            null, null, "created_at");
    static final Layer POSTS = new Layer("posts", "Posts", "测站", null, GeometryKind.POINT,
            List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null);

    @BeforeAll
    static void start() throws Exception {
        GeoPackageStore gpkg = GeoPackageStore.open(dir.resolve("time.gpkg"));
        fill(gpkg);
        SERVERS.put("geopackage", TestServer.serving(gpkg, dir));
        String url = RequiredServices.postGisUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        PostGisStore pg = PostGisStore.open(url, "postgres", "", SCHEMA);
        fill(pg);
        SERVERS.put("postgis", TestServer.serving(pg, dir));
    }

    @AfterAll
    static void stop() throws Exception {
        SERVERS.values().forEach(TestServer::close);
        try (Connection c = DriverManager.getConnection(RequiredServices.postGisUrl(), "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static void fill(FeatureStore store) {
        store.createLayer(SUGGESTIONS);
        store.insert("suggestions", List.of(
                suggestion(1, 112.47, 34.15, "程村路口加装路灯", "2026-11-30T23:30:00Z"),
                suggestion(2, 112.08, 34.13, "嵩县县城建口袋公园", "2026-12-01T08:00:00Z"),
                suggestion(3, 112.30, 34.20, "东源头村增设变压器", "2026-12-02T16:00:00Z"),
                suggestion(4, 112.40, 34.10, "汝阳县城关镇修路", null)));
        store.createLayer(POSTS);
        store.insert("posts", List.of(post(1, 178, 67, "楚科奇东站"), post(2, -178, 67, "楚科奇西站"), post(3, 112.47, 34.15, "汝阳县")));
    }

    private static Feature suggestion(long id, double lon, double lat, String text, String createdAt) {
        Map<String, Object> p = new HashMap<>();
        p.put("text", text);
        p.put("created_at", createdAt);
        return new Feature(id, GeoJsonReader.WGS84.createPoint(new Coordinate(lon, lat)), p);
    }

    private static Feature post(long id, double lon, double lat, String name) {
        return new Feature(id, GeoJsonReader.WGS84.createPoint(new Coordinate(lon, lat)), Map.of("name_zh", name));
    }

    private static Set<Long> ids(String store, String pathAndQuery) {
        TestServer.Reply r = SERVERS.get(store).get(pathAndQuery);
        assertEquals(200, r.status(), pathAndQuery + ": " + r.body());
        JsonNode fc = r.json();
        Set<Long> ids = new TreeSet<>();
        fc.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        if (!pathAndQuery.contains("/export")) assertEquals(ids.size(), fc.get("numberMatched").asInt(), "numberMatched counts the same features");
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}: datetime={1}")
    @CsvSource(delimiter = '|', value = {
        "geopackage | 2026-12-01                                | 2",
        "postgis    | 2026-12-01                                | 2",
        "geopackage | 2026-12-01T16:00:00+08:00                 | 2",
        "postgis    | 2026-12-01T16:00:00+08:00                 | 2",
        "geopackage | 2026-12-01T00:00:00Z/..                   | 2 3",
        "postgis    | 2026-12-01T00:00:00Z/..                   | 2 3",
        "geopackage | ../2026-12-01T08:00:00Z                   | 1 2",
        "postgis    | ../2026-12-01T08:00:00Z                   | 1 2",
        "geopackage | 2026-11-30/2026-12-01                     | 1 2",
        "postgis    | 2026-11-30/2026-12-01                     | 1 2",
        "geopackage | 2026-12-01T08:00:01Z/2026-12-02T15:59:59Z |",
        "postgis    | 2026-12-01T08:00:01Z/2026-12-02T15:59:59Z |",
    })
    void datetimeSelectsByTheTemporalProperty(String store, String datetime, String expected) {
        Set<Long> want = new TreeSet<>();
        if (expected != null) for (String id : expected.split(" ")) want.add(Long.parseLong(id));
        assertEquals(want, ids(store, "/collections/suggestions/items?datetime=" + enc(datetime)));
        assertEquals(want, ids(store, "/collections/suggestions/export?datetime=" + enc(datetime)), "an export filters the same");
    }

    @ParameterizedTest
    @ValueSource(strings = {"geopackage", "postgis"})
    void datetimeCombinesWithFilterAndBbox(String store) {
        assertEquals(Set.of(3L), ids(store, "/collections/suggestions/items?datetime=2026-11-30/..&filter="
                + enc("text LIKE '%变压器%'")));
        assertEquals(Set.of(1L), ids(store, "/collections/suggestions/items?datetime=../2026-12-01T08:00:00Z&bbox=112.4,34.1,112.5,34.2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"geopackage", "postgis"})
    void aLayerWithoutTimeIgnoresDatetime(String store) {
        assertEquals(Set.of(1L, 2L, 3L), ids(store, "/collections/posts/items?datetime=2026-12-01"));
    }

    @ParameterizedTest(name = "{0}: datetime={1}")
    @CsvSource(delimiter = '|', value = {
        "geopackage | 2026-12-01T25:00:00Z",
        "postgis    | 昨天",
        "geopackage | ../..",
        "postgis    | ..",
        "geopackage | 2026-12-03/2026-12-01",
        "postgis    | 2026-12-01/2026-12-02/2026-12-03",
        "geopackage | 2026-02-30",
    })
    void malformedDatetimeIsA400NamingIt(String store, String datetime) {
        TestServer.Reply r = SERVERS.get(store).get("/collections/suggestions/items?datetime=" + enc(datetime));
        assertEquals(400, r.status(), r.body());
        assertEquals("application/problem+json", r.mediaType());
        assertEquals("datetime", r.json().get("parameter").asText());
        assertTrue(r.json().get("detail").asText().contains(datetime), "the detail quotes what was sent: " + r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"geopackage", "postgis"})
    void theCollectionSaysWhichPropertyIsItsTimeAndWhatItSpans(String store) {
        JsonNode c = SERVERS.get(store).get("/collections/suggestions").json();
        JsonNode t = c.at("/extent/temporal");
        assertEquals("created_at", t.get("property").asText());
        assertEquals("http://www.opengis.net/def/uom/ISO-8601/0/Gregorian", t.get("trs").asText());
        assertEquals("[[\"2026-11-30T23:30:00Z\",\"2026-12-02T16:00:00Z\"]]", t.get("interval").toString());
        assertFalse(SERVERS.get(store).get("/collections/posts").json().at("/extent").has("temporal"));
        assertEquals("created_at", SERVERS.get(store).store().layer("suggestions").orElseThrow().temporalProperty());
        assertEquals("date-time", SERVERS.get(store).get("/collections/suggestions/queryables").json()
                .at("/properties/created_at/format").asText());
    }

    @ParameterizedTest(name = "{0}: bbox={1}")
    @CsvSource(delimiter = '|', value = {
        "geopackage | bbox=177,65,-177,70                        | 1 2",
        "postgis    | bbox=177,65,-177,70                        | 1 2",
        "geopackage | bbox=177,65,0,-177,70,9000                 | 1 2",
        "postgis    | bbox=177,65,0,-177,70,9000                 | 1 2",
        "geopackage | bbox=177.5,65,-179,70                      | 1",
        "postgis    | bbox=179,65,-177.5,70                      | 2",
        "geopackage | bbox=-177,65,177,70                        |",
        "postgis    | bbox=-177,65,177,70                        |",
        "geopackage | bbox=65,177,70,-177&bbox-crs=EPSG:4326     | 1 2",
        "postgis    | bbox=65,177,70,-177&bbox-crs=EPSG:4326     | 1 2",
        "geopackage | bbox=180,65,-177,70                        | 2",
        "postgis    | bbox=180,65,-177,70                        | 2",
        "geopackage | bbox=177,65,-180,70                        | 1",
        "postgis    | bbox=177,65,-180,70                        | 1",
        "geopackage | bbox=112,34,-500,113,35,3000               | 3",
        "postgis    | bbox=112,34,-500,113,35,3000               | 3",
    })
    void bboxAcrossTheAntimeridianAndIn3d(String store, String query, String expected) {
        Set<Long> want = new TreeSet<>();
        if (expected != null) for (String id : expected.split(" ")) want.add(Long.parseLong(id));
        assertEquals(want, ids(store, "/collections/posts/items?" + query));
        List<String> names = new ArrayList<>();
        SERVERS.get(store).get("/collections/posts/items?" + query).json().get("features")
                .forEach(f -> names.add(f.at("/properties/name_zh").asText()));
        if (want.contains(1L)) assertTrue(names.contains("楚科奇东站"), names.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bbox=177,70,-177,65", "bbox=177,65,-181,70", "bbox=177,65,9,-177,70,0", "bbox=177,65,-177"})
    void reallyBadBoxesAreStill400(String query) {
        for (TestServer s : SERVERS.values()) {
            TestServer.Reply r = s.get("/collections/posts/items?" + query);
            assertEquals(400, r.status(), query);
            assertEquals("bbox", r.json().get("parameter").asText());
        }
    }
}
