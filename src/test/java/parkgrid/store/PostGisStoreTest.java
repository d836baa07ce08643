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

    /**
     * The import's binary COPY stores what the INSERT path stores, value for value: one layer imported (2 500 features,
     * so several batches into one COPY) and the same features inserted into a twin layer, compared row by row in SQL
     * (EWKB with its SRID, single lines made one-part multis, no geometry, text with tabs, newlines, backslashes,
     * {@code \\N} and Chinese, extreme integers, NaN, ±Infinity, −0.0, NULLs).
     */
    @org.junit.jupiter.api.Test
    void theImportCopyStoresWhatInsertStores() throws Exception {
        java.util.List<parkgrid.feature.PropertyDefinition> columns = java.util.List.of(
                new parkgrid.feature.PropertyDefinition("name", parkgrid.feature.PropertyType.STRING),
                new parkgrid.feature.PropertyDefinition("count", parkgrid.feature.PropertyType.INTEGER),
                new parkgrid.feature.PropertyDefinition("kv", parkgrid.feature.PropertyType.NUMBER));
        parkgrid.feature.Layer copied = new parkgrid.feature.Layer("copied", "线路", null, null, parkgrid.feature.GeometryKind.MULTILINESTRING,
                columns, null, null);
        parkgrid.feature.Layer inserted = new parkgrid.feature.Layer("inserted", "线路", null, null, parkgrid.feature.GeometryKind.MULTILINESTRING,
                columns, null, null);
        String[] names = {"10kV 马桥线\t#1", "line\nbreak", "back\\slash", "\\N", "", null, "村\r庄"};
        Object[] counts = {0L, Long.MAX_VALUE, Long.MIN_VALUE + 1, -7L, null};
        Object[] kvs = {10.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-300, 0.4, null};
        org.locationtech.jts.io.WKTReader wkt = new org.locationtech.jts.io.WKTReader();
        java.util.List<parkgrid.feature.Feature> features = new java.util.ArrayList<>();
        for (long i = 1; i <= 2500; i++) {
            double x = 112.4 + i * 1e-5, y = 34.1 + i * 1e-5;
            org.locationtech.jts.geom.Geometry g = i % 10 == 0 ? null
                    : i % 3 == 0 ? wkt.read("MULTILINESTRING ((" + x + " " + y + ", " + (x + 0.001) + " " + y + "), (" + x + " " + (y + 1e-3) + ", "
                            + x + " " + (y + 2e-3) + "))")
                    : wkt.read("LINESTRING (" + x + " " + y + ", " + (x + 0.0012345678901) + " " + (y - 0.0009) + ")");
            java.util.Map<String, Object> p = new java.util.HashMap<>();
            p.put("name", names[(int) (i % names.length)]);
            p.put("count", counts[(int) (i % counts.length)]);
            p.put("kv", kvs[(int) (i % kvs.length)]);
            features.add(new parkgrid.feature.Feature(i, g, p));
        }
        store.importLayers(java.util.List.of(new parkgrid.feature.LayerData(copied, features)));
        store.createLayer(inserted);
        store.insert("inserted", features);
        String row = "SELECT fid, encode(ST_AsEWKB(geom), 'hex') AS g, ST_SRID(geom) AS srid, name, count, kv::text AS kv FROM %s.%s ORDER BY fid";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             java.sql.Statement a = c.createStatement(); java.sql.Statement b = c.createStatement();
             java.sql.ResultSet ra = a.executeQuery(String.format(row, schema, "copied"));
             java.sql.ResultSet rb = b.executeQuery(String.format(row, schema, "inserted"))) {
            int n = 0;
            while (ra.next()) {
                org.junit.jupiter.api.Assertions.assertTrue(rb.next());
                for (int k = 1; k <= 6; k++) {
                    org.junit.jupiter.api.Assertions.assertEquals(rb.getString(k), ra.getString(k), "fid " + ra.getLong(1) + ", column " + k);
                }
                if (ra.getString(2) != null) org.junit.jupiter.api.Assertions.assertEquals(4326, ra.getInt(3));
                n++;
            }
            org.junit.jupiter.api.Assertions.assertFalse(rb.next());
            org.junit.jupiter.api.Assertions.assertEquals(2500, n);
        }
        parkgrid.feature.Feature back = store.feature("copied", 3).orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals("MultiLineString", back.geometry().getGeometryType());
        org.junit.jupiter.api.Assertions.assertEquals("\\N", back.properties().get("name"));
        org.junit.jupiter.api.Assertions.assertEquals(-7L, back.properties().get("count"));
        org.junit.jupiter.api.Assertions.assertEquals(Double.NEGATIVE_INFINITY, back.properties().get("kv"));
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (url == null) return;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
