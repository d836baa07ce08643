package parkgrid.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/** The store contract on PostGIS, each test in a schema of its own that is dropped afterwards. */
class PostGisStoreTest extends VersionedWritesContract {
    private String url;
    private final String schema = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected FeatureStore openEmptyStore() {
        url = RequiredServices.postGisUrl();
        return PostGisStore.open(url, "postgres", "", schema);
    }

    @Override
    protected FeatureStore reopen() {
        return PostGisStore.open(url, "postgres", "", schema);
    }

    /** A schema made before features could lack a place (migration 1, geom NOT NULL) accepts NULL after migration 2. */
    @org.junit.jupiter.api.Test
    void migrationLetsAnOlderLayerTableHoldFeaturesWithoutGeometry() throws Exception {
        store.close();
        store = null;
        String old = schema + "_v1";
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + old);
            st.execute("CREATE TABLE " + old + ".schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            st.execute("INSERT INTO " + old + ".schema_migrations (version) VALUES (1)");
            st.execute("CREATE TABLE " + old + ".parkgrid_layer (table_name text PRIMARY KEY, layer_json jsonb NOT NULL)");
            st.execute("CREATE TABLE " + old + ".ledger (fid bigint PRIMARY KEY, geom geometry(Point, 4326) NOT NULL, name_zh text)");
            st.execute("INSERT INTO " + old + ".parkgrid_layer VALUES ('ledger', '{\"name\":\"ledger\",\"title\":\"台账\","
                    + "\"geometry_type\":\"Point\",\"schema\":[{\"name\":\"name_zh\",\"type\":\"string\"}]}')");
        }
        try (FeatureStore migrated = PostGisStore.open(url, "postgres", "", old)) {
            migrated.insert("ledger", java.util.List.of(new parkgrid.feature.Feature(1, null, java.util.Map.of("name_zh", "台账项目 001"))));
            org.junit.jupiter.api.Assertions.assertFalse(migrated.feature("ledger", 1).orElseThrow().hasGeometry());
        } finally {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
            }
        }
    }

    /** Two instances over one schema: a layer created, extended or deleted through one shows in the other within the refresh interval. */
    @org.junit.jupiter.api.Test
    void anotherInstanceSeesLayerChangesWithinTheRefreshInterval() throws Exception {
        try (FeatureStore other = PostGisStore.open(url, "postgres", "", schema)) {
            parkgrid.feature.Layer plots = new parkgrid.feature.Layer("plots_b", "地块乙", null, null, parkgrid.feature.GeometryKind.POLYGON,
                    java.util.List.of(new parkgrid.feature.PropertyDefinition("parcel", parkgrid.feature.PropertyType.STRING)), null, null);
            org.junit.jupiter.api.Assertions.assertTrue(other.layer("plots_b").isEmpty());
            store.createLayer(plots);
            awaitLayer(other, "plots_b", l -> l.isPresent() && "地块乙".equals(l.get().title()));
            store.addProperty("plots_b", new parkgrid.feature.PropertyDefinition("land_use", parkgrid.feature.PropertyType.STRING));
            awaitLayer(other, "plots_b", l -> l.isPresent() && l.get().property("land_use").isPresent());
            store.deleteLayer("plots_b");
            awaitLayer(other, "plots_b", java.util.Optional::isEmpty);
        }
    }

    private static void awaitLayer(FeatureStore s, String name, java.util.function.Predicate<java.util.Optional<parkgrid.feature.Layer>> ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!ok.test(s.layer(name))) {
            if (System.nanoTime() > deadline) org.junit.jupiter.api.Assertions.fail("the other instance did not see the change of " + name + " within 5 s");
            Thread.sleep(50);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (url == null) return;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
