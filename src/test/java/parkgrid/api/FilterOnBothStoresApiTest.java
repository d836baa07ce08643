package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static parkgrid.api.FilterApiTest.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;
import parkgrid.io.SeedData;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.TestServer;

/**
 * CQL2 text and JSON filters over HTTP, each asked of a server on the seeded GeoPackage and of one on
 * the seeded PostGIS: both must answer with the same features, and the answer must be the expected one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterOnBothStoresApiTest {
    private static final String SCHEMA = "filter_api_test";
    private static final String SONG_BOX_CRS84 = "BBOX(111.9, 34.0, 112.3, 34.3)";
    @TempDir
    static Path dir;
    private String url;
    private PostGisStore store;
    private TestServer geoPackage;
    private TestServer postGis;

    @BeforeAll
    void start() throws Exception {
        geoPackage = TestServer.embedded(dir);
        url = RequiredServices.postGisUrl();
        dropSchema();
        store = PostGisStore.open(url, "postgres", "", SCHEMA);
        SeedData.loadIfEmpty(store);
        postGis = TestServer.serving(store, dir);
    }

    @AfterAll
    void stop() throws Exception {
        if (geoPackage != null) geoPackage.close();
        if (postGis != null) postGis.close();
        if (store != null) store.close();
        if (url != null) dropSchema();
    }

    private void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    /** The features both servers return for the query, after checking they are the same; paged by 1 000. */
    private JsonNode both(String collection, String query) {
        String path = "/collections/" + collection + "/items?" + query;
        TestServer.Reply a = geoPackage.get(path), b = postGis.get(path);
        assertEquals(200, a.status(), "GeoPackage " + query + ": " + a.body());
        assertEquals(200, b.status(), "PostGIS " + query + ": " + b.body());
        assertEquals(ids(a.json()), ids(b.json()), "same features from both stores for " + query);
        assertEquals(a.json().get("numberMatched"), b.json().get("numberMatched"), query);
        assertEquals(a.json().get("numberMatched").asInt(), a.json().get("features").size(), "one page holds them all: " + query);
        return a.json();
    }

    private static List<Long> ids(JsonNode fc) {
        List<Long> ids = new ArrayList<>();
        fc.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static List<String> values(JsonNode fc, String property) {
        List<String> out = new ArrayList<>();
        fc.get("features").forEach(f -> out.add(f.at("/properties/" + property).asText()));
        return out;
    }

    private List<String> text(String collection, String cql2, String property) {
        return values(both(collection, "filter=" + q(cql2)), property);
    }

    private List<String> json(String collection, String cql2Json, String property) {
        List<String> declared = values(both(collection, "filter-lang=cql2-json&filter=" + q(cql2Json)), property);
        assertEquals(declared, values(both(collection, "filter=" + q(cql2Json)), property), "a filter starting with { is read as JSON");
        return declared;
    }

    @Test
    void caseiAndAccentiFindChineseAndPinyinNamesOnBothStores() {
        assertEquals(List.of("程村"), text("villages", "CASEI(name_zh) = casei('程村')", "name_zh"));
        assertEquals(List.of("东源头村"), text("villages", "ACCENTI(name_en) = accenti('Dōngyuántóu Village')", "name_zh"));
        assertEquals(List.of(), text("villages", "name_en = 'Dōngyuántóu Village'", "name_zh"));
        assertEquals(List.of("程村"), text("villages", "ACCENTI(CASEI(name_en)) LIKE accenti(casei('%CHÉNG%'))", "name_zh"));
        assertEquals(List.of("程村", "东源头村"), text("villages", "ACCENTI(name_en) IN ('Chengcun Village', accenti('Dōngyuántóu Village'))", "name_zh"));
        long villages = SeedFixture.byName().get("villages").features().stream()
                .filter(f -> ((String) f.properties().get("name_en")).toLowerCase(Locale.ROOT).endsWith("village")).count();
        List<String> named = json("villages", "{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name_en\"}]},"
                + "{\"op\":\"casei\",\"args\":[\"%VILLAGE\"]}]}", "name_zh");
        assertEquals(villages, named.size());
        assertFalse(named.isEmpty());
        assertEquals(List.of("东源头村"), json("villages", "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":"
                + "[{\"property\":\"name_en\"}]}]},{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":[\"DŌNGYUÁNTÓU VILLAGE\"]}]}]}", "name_zh"));
    }

    @Test
    void cql2JsonMeansWhatTheTextMeansOnBothStores() {
        List<String> song = List.of("程村", "东源头村", "三合村", "嵩县县城");
        assertEquals(song, text("villages", "county = 'Song' AND S_INTERSECTS(geometry, " + SONG_BOX_CRS84 + ")", "name_zh"));
        assertEquals(song, json("villages", "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"county\"},\"Song\"]},"
                + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[111.9,34.0],[112.3,34.0],[112.3,34.3],[111.9,34.3],[111.9,34.0]]]}]}]}", "name_zh"));
        assertEquals(13, json("villages", "{\"op\":\"=\",\"args\":[{\"property\":\"township_zh\"},\"柏树乡\"]}", "name_zh").size());
        assertEquals(List.of("程村", "东源头村"), json("villages", "{\"op\":\"and\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"name_zh\"},"
                + "[\"程村\",\"东源头村\",\"不存在村\"]]},{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"upgrade_year\"}]}]},"
                + "{\"op\":\"between\",\"args\":[{\"property\":\"upgrade_year\"},2018,2019]}]}", "name_zh"));
        assertEquals(List.of("汝阳县城", "嵩县县城"), json("villages", "{\"op\":\"s_within\",\"args\":[{\"property\":\"geom\"},"
                + "{\"bbox\":[112.0,34.13,112.5,34.16]}]}", "name_zh").stream().filter(n -> n.endsWith("县城")).toList());
    }

    @Test
    void filterCrsLiteralsInTheirOwnAxisOrderSelectWhatCrs84Selects() throws Exception {
        List<Long> crs84 = ids(both("villages", "filter=" + q("S_WITHIN(geom, " + SONG_BOX_CRS84 + ")")));
        assertEquals(4, crs84.size());
        assertEquals(crs84, ids(both("villages", "filter-crs=" + q(SupportedCrs.WGS84_LAT_LON.uri())
                + "&filter=" + q("S_WITHIN(geom, BBOX(34.0, 111.9, 34.3, 112.3))"))));
        assertEquals(crs84, ids(both("villages", "filter-crs=EPSG:4490&filter-lang=cql2-json&filter="
                + q("{\"op\":\"s_within\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[34.0,111.9,34.3,112.3]}]}"))));
        // EPSG:4546 (CGCS2000 3° Gauss–Krüger CM 111°E): northing, easting in metres
        Geometry box = new WKTReader().read("POLYGON ((111.9 34.0, 112.3 34.0, 112.3 34.3, 111.9 34.3, 111.9 34.0))");
        Geometry gk = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111).fromCrs84(box);
        StringBuilder ring = new StringBuilder();
        for (Coordinate c : gk.getCoordinates()) ring.append(ring.length() == 0 ? "" : ", ").append(c.x).append(' ').append(c.y);
        assertEquals(crs84, ids(both("villages", "filter-crs=EPSG:4546&filter=" + q("S_WITHIN(geom, POLYGON((" + ring + ")))"))));
    }

    @Test
    void theSpatialFunctionsAgreeOnParcelsAndLines() throws Exception {
        Feature first = SeedFixture.byName().get("parcels").features().get(0);
        assertEquals("RY-P01", first.properties().get("parcel_id"));
        assertEquals(List.of("RY-P01"), text("parcels", "S_EQUALS(geom, " + first.geometry().toText() + ")", "parcel_id"));
        Coordinate[] ring = first.geometry().getCoordinates();
        String edge = "LINESTRING(" + ring[0].x + " " + ring[0].y + ", " + ring[1].x + " " + ring[1].y + ")";
        assertEquals(List.of("RY-P01"), text("parcels", "S_TOUCHES(geom, " + edge + ")", "parcel_id"));
        Geometry box = new WKTReader().read("POLYGON ((112.441 34.165, 112.446 34.165, 112.446 34.168, 112.441 34.168, 112.441 34.165))");
        List<Object> overlapping = SeedFixture.byName().get("parcels").features().stream()
                .filter(f -> f.geometry().overlaps(box)).map(f -> f.properties().get("parcel_id")).toList();
        assertEquals(List.of("RY-P01", "RY-P02"), overlapping.subList(0, 2), "the box covers the east of P01 and the west of P02");
        assertEquals(overlapping, List.copyOf(text("parcels", "S_OVERLAPS(geom, BBOX(112.441, 34.165, 112.446, 34.168))", "parcel_id")));
        assertEquals(List.of(), text("parcels", "S_OVERLAPS(geom, " + edge + ")", "parcel_id"), "a line never overlaps a polygon");

        Geometry across = new WKTReader().read("LINESTRING (112.40 34.10, 112.50 34.20)");
        List<Long> crossing = SeedFixture.byName().get("power_lines").features().stream()
                .filter(f -> f.geometry().crosses(across)).map(Feature::id).toList();
        assertFalse(crossing.isEmpty(), "some line crosses the park diagonal");
        assertEquals(crossing, ids(both("power_lines", "filter=" + q("S_CROSSES(geom, " + across.toText() + ")"))));
        assertEquals(crossing, ids(both("power_lines", "filter=" + q("{\"op\":\"s_crosses\",\"args\":[{\"type\":\"LineString\","
                + "\"coordinates\":[[112.40,34.10],[112.50,34.20]]},{\"property\":\"geom\"}]}"))));
    }

    @Test
    void booleanFiltersSelectAllOrNothing() {
        int villages = SeedFixture.byName().get("villages").features().size();
        assertEquals(villages, both("villages", "filter=true").get("numberMatched").asInt());
        assertEquals(0, both("villages", "filter=FALSE").get("numberMatched").asInt());
        assertEquals(List.of("三合村"), text("villages", "NOT FALSE AND county = 'Song' AND upgrade_year IS NULL AND name_zh LIKE '%村'", "name_zh"));
    }
}
