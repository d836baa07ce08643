package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.config.Settings;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.FeatureStore;
import parkgrid.testing.OnBothStores;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/**
 * Pages and exports through the encoded-feature cache ({@link parkgrid.io.EncodedFeatureCache}) on both stores: a server
 * with the cache answers byte for byte what one without it answers over the same store, after every kind of write that
 * changes a feature — a single-feature edit, a delete and a bulk insert of the same id, a property added, the layer
 * deleted and created again with the same ids, and on PostGIS an UPDATE made in SQL past ParkGrid.
 */
class FeatureCacheApiTest extends OnBothStores {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final String LAYER = "cache_probe";
    private static final String PAGE = "/collections/" + LAYER + "/items?limit=100";
    private static final String BBOX_PAGE = "/collections/" + LAYER + "/items?limit=10&bbox=112.40,34.10,112.43,34.20";
    private static final String EXPORT = "/collections/" + LAYER + "/export";

    @Override
    protected String schema() {
        return "feature_cache_api_test";
    }

    private static Layer probe(List<PropertyDefinition> properties) {
        return new Layer(LAYER, "Cache probe", "缓存探针", null, GeometryKind.POINT, properties, null, null, null, List.of());
    }

    private static List<Feature> villages(String suffix, int n) {
        List<Feature> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(new Feature(i, GF.createPoint(new Coordinate(112.40 + i * 0.001, 34.15)), Map.of("name_zh", "村" + i + suffix)));
        }
        return list;
    }

    /** The answer with its timeStamp blanked and the server's port taken out, so two servers' answers compare. */
    private static String comparable(TestServer server, String path) {
        TestServer.Reply r = server.get(path);
        assertEquals(200, r.status(), r.body());
        return r.body().replaceAll("\"timeStamp\":\"[^\"]*\"", "\"timeStamp\":\"\"").replace(server.baseUrl(), "");
    }

    private static void same(TestServer cached, TestServer plain, String step) {
        for (String path : List.of(PAGE, BBOX_PAGE, EXPORT)) {
            String expected = comparable(plain, path);
            assertEquals(expected, comparable(cached, path), step + ": " + path);
            assertEquals(expected, comparable(cached, path), step + ", asked again: " + path);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void cachedAnswersAreTheUncachedOnesAfterEveryKindOfWrite(String kind) throws Exception {
        FeatureStore store = stores.store(kind);
        List<PropertyDefinition> names = List.of(new PropertyDefinition("name_zh", PropertyType.STRING));
        store.createLayer(probe(names));
        store.insert(LAYER, villages("", 40));
        // both servers close the store when they stop (the class's stores are not used after this case)
        Settings settings = Settings.embedded(dir.resolve("unused-" + kind + ".gpkg"), 0);
        try (TestServer cached = TestServer.serving(store, settings);
             TestServer plain = TestServer.serving(store, settings.withFeatureCacheBytes(0))) {
            same(cached, plain, "as stored");
            assertTrue(comparable(cached, PAGE).contains("村7\""), "the seeded names");

            store.patch(LAYER, 7, Map.of("name_zh", "程村（新）"), null, 1, "测试");
            same(cached, plain, "one feature renamed");
            assertTrue(comparable(cached, PAGE).contains("程村（新）"));

            store.delete(LAYER, 8, 1, "测试");
            store.insert(LAYER, List.of(new Feature(8, GF.createPoint(new Coordinate(112.5, 34.3)), Map.of("name_zh", "蔡店村"))));
            same(cached, plain, "deleted, then the same id inserted in bulk at version 1");
            assertTrue(comparable(cached, PAGE).contains("蔡店村"));

            store.addProperty(LAYER, new PropertyDefinition("county", PropertyType.STRING));
            same(cached, plain, "a property added");
            assertTrue(comparable(cached, PAGE).contains("\"county\":null"));

            store.deleteLayer(LAYER);
            store.createLayer(probe(names));
            store.insert(LAYER, villages("·二", 40));
            same(cached, plain, "the layer deleted and created again with the same ids");
            assertTrue(comparable(cached, PAGE).contains("村7·二"));

            if (kind.equals("postgis")) {
                try (Connection c = DriverManager.getConnection(RequiredServices.postGisUrl(), "postgres", "")) {
                    c.createStatement().executeUpdate("UPDATE " + schema() + "." + LAYER + " SET name_zh = '靳村' WHERE fid = 9");
                }
                same(cached, plain, "an UPDATE in SQL, past ParkGrid");
                assertTrue(comparable(cached, PAGE).contains("靳村"));
            }
        }
    }
}
