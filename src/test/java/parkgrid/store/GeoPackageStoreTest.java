package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerData;
import parkgrid.feature.ParkGridException;
import parkgrid.io.SeedData;
import parkgrid.store.geopackage.GeoPackageStore;

/** The store contract on the embedded GeoPackage store. */
class GeoPackageStoreTest extends VersionedWritesContract {
    @TempDir
    Path dir;

    @Override
    protected FeatureStore openEmptyStore() {
        return GeoPackageStore.open(dir.resolve("contract.gpkg"));
    }

    @Override
    protected FeatureStore reopen() {
        return GeoPackageStore.open(dir.resolve("contract.gpkg"));
    }

    /**
     * A file as the code before versioned writes made it (the layer definitions, no schema version, no
     * version or audit table) upgrades in place on open: its data unchanged, then versioned and audited.
     */
    @Test
    void aFileFromBeforeVersionedWritesUpgradesInPlace() throws Exception {
        long villages = store.count("villages", FeatureQuery.all());
        store.close();
        store = null;
        String url = "jdbc:sqlite:" + dir.resolve("contract.gpkg");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TABLE parkgrid_audit");
            st.execute("DROP TABLE parkgrid_feature_version");
            st.execute("DROP TABLE parkgrid_schema");
            st.execute("DROP TABLE parkgrid_pending_import");
            st.execute("DROP TABLE parkgrid_token");
            st.execute("DROP TABLE parkgrid_import_job");
        }
        store = reopen();
        assertEquals(villages, store.count("villages", FeatureQuery.all()));
        assertEquals(1, store.versioned("villages", 1).orElseThrow().version());
        assertEquals(2, store.patch("villages", 1, Map.of("name_zh", "柏树村（改）"), null, 1, "规划员 王五").version());
        assertEquals(1, store.history("villages", 1).size());
        store.close();
        store = null;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT version FROM parkgrid_schema")) {
            assertTrue(rs.next());
            assertEquals(6, rs.getInt(1), "the file records the schema version it was migrated to (5: feature counts, 6: import jobs)");
            assertFalse(rs.next());
        }
        store = reopen();
        assertEquals(2, store.versioned("villages", 1).orElseThrow().version(), "a second open migrates nothing");
    }

    /** The import writes the R-tree rows itself with the insert trigger dropped; the trigger must be back afterwards. */
    @Test
    void anImportedLayerKeepsItsRtreeInsertTriggerAndOneRtreeRowPerGeometry() throws Exception {
        store.close();
        store = null;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("contract.gpkg"));
             java.sql.Statement st = c.createStatement()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            assertTrue(tables.size() >= 3, tables.toString());
            for (String t : tables) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'rtree_"
                        + t + "_geom_insert'), (SELECT count(*) FROM \"rtree_" + t + "_geom\"), (SELECT count(geom) FROM \"" + t + "\"), "
                        + "(SELECT count(*) FROM \"rtree_" + t + "_geom\" r JOIN \"" + t + "\" f ON f.fid = r.id)")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), t + ": the R-tree insert trigger is back");
                    assertEquals(rs.getLong(3), rs.getLong(2), t + ": one R-tree row per geometry");
                    assertEquals(rs.getLong(2), rs.getLong(4), t + ": every R-tree row names a feature");
                }
            }
        }
    }

    /**
     * A new layer's R-tree is packed in one go (store.geopackage.PackedRtree) instead of row by row: for layers of one
     * node, a full node, one more, and three levels, in both hemispheres, it passes SQLite's {@code rtreecheck}, holds
     * exactly the boxes SQLite's own insert would (the same doubles inserted into a fresh SQLite R-tree), answers
     * bbox queries as a scan of every feature does, and takes appends and deletes (node splits) afterwards; the
     * feature count, kept by one UPDATE instead of its per-row trigger, stays exact, and both triggers are back.
     */
    @Test
    void anImportedLayersPackedRtreeIsTheOneSqliteWouldBuildAndAnswersAsAScan() throws Exception {
        java.util.Random random = new java.util.Random(8);
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        int[] sizes = {1, 51, 52, 6000};
        List<LayerData> layers = new ArrayList<>();
        for (int size : sizes) {
            List<Feature> features = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                double x = -180 + 359 * random.nextDouble(), y = -89 + 178 * random.nextDouble();
                double dx = random.nextInt(10) == 0 ? 0 : 0.5 * random.nextDouble() * random.nextDouble(), dy = 0.3 * random.nextDouble();
                features.add(new Feature(i * 3L, gf.createLineString(new org.locationtech.jts.geom.Coordinate[] {
                        new org.locationtech.jts.geom.Coordinate(x, y), new org.locationtech.jts.geom.Coordinate(x + dx, y + dy + 1e-9)}),
                        Map.of("name", "线 " + i)));
            }
            layers.add(new LayerData(new Layer("packed_" + size, "Packed " + size, null, null, GeometryKind.LINESTRING,
                    List.of(new parkgrid.feature.PropertyDefinition("name", parkgrid.feature.PropertyType.STRING)), null, null), features));
        }
        store.importLayers(layers);
        for (LayerData l : layers) assertRtreeAgrees(l.layer().name(), l.features().size());
        for (LayerData l : layers) {
            String name = l.layer().name();
            long base = l.features().size() * 3L;
            List<Feature> more = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                double x = 100 + random.nextDouble(), y = 20 + random.nextDouble();
                more.add(new Feature(base + i, gf.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)).buffer(0.01).getBoundary(),
                        Map.of("name", "加 " + i)));
            }
            more.replaceAll(f -> new Feature(f.id(), gf.createLineString(f.geometry().getCoordinates()), f.properties()));
            store.appendFeatures(name, new LayerData(l.layer(), more), ImportProgress.NONE);
            store.delete(name, 3, 1, "测试");
            assertRtreeAgrees(name, l.features().size() + 60 - 1);
        }
    }

    private void assertRtreeAgrees(String name, long features) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("contract.gpkg");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT rtreecheck('rtree_" + name + "_geom'), (SELECT count(*) FROM rtree_" + name
                    + "_geom), (SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = '" + name + "'), (SELECT count(*) FROM sqlite_master "
                    + "WHERE type = 'trigger' AND name IN ('rtree_" + name + "_geom_insert', 'trigger_insert_feature_count_" + name + "'))")) {
                rs.next();
                assertEquals("ok", rs.getString(1), name + ": rtreecheck");
                assertEquals(features, rs.getLong(2), name + ": one R-tree row per feature");
                assertEquals(features, rs.getLong(3), name + ": gpkg_ogr_contents' count");
                assertEquals(2, rs.getInt(4), name + ": both insert triggers are back");
            }
            List<Feature> all = new ArrayList<>();
            store.forEach(name, FeatureQuery.all().unpaged(), all::add);
            st.execute("CREATE VIRTUAL TABLE temp.expected USING rtree(id, minx, maxx, miny, maxy)");
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO temp.expected VALUES (?, ?, ?, ?, ?)")) {
                for (Feature f : all) {
                    var e = f.geometry().getEnvelopeInternal();
                    ps.setLong(1, f.id());
                    ps.setDouble(2, e.getMinX());
                    ps.setDouble(3, e.getMaxX());
                    ps.setDouble(4, e.getMinY());
                    ps.setDouble(5, e.getMaxY());
                    ps.executeUpdate();
                }
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM temp.expected e LEFT JOIN rtree_" + name + "_geom r ON r.id = e.id "
                    + "WHERE r.id IS NULL OR r.minx <> e.minx OR r.maxx <> e.maxx OR r.miny <> e.miny OR r.maxy <> e.maxy")) {
                rs.next();
                assertEquals(0, rs.getLong(1), name + ": every box as SQLite's own insert rounds it");
            }
        }
        List<Feature> all = new ArrayList<>();
        store.forEach(name, FeatureQuery.all().unpaged(), all::add);
        java.util.Random random = new java.util.Random(name.hashCode());
        for (int q = 0; q < 40; q++) {
            double x = -180 + 340 * random.nextDouble(), y = -90 + 160 * random.nextDouble(), w = random.nextDouble() * (q < 20 ? 2 : 40);
            org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope(x, x + w, y, y + w / 2);
            java.util.Set<Long> expected = new java.util.TreeSet<>(), got = new java.util.TreeSet<>();
            BboxFilter exact = new BboxFilter(box);
            for (Feature f : all) if (exact.matches(f.geometry())) expected.add(f.id());
            store.forEach(name, new FeatureQuery(box, Map.of(), Long.MAX_VALUE, 0), f -> got.add(f.id()));
            assertEquals(expected, got, name + ": features in " + box);
        }
    }

    @Test
    void aFeatureWithoutGeometryIsANullGeomColumnWithNoRtreeRow() throws Exception {
        store.close();
        store = null;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("contract.gpkg"));
             java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*), count(geom) FROM projects")) {
                rs.next();
                assertEquals(144, rs.getLong(1));
                assertEquals(0, rs.getLong(2), "the ledger's geometries are SQL NULL");
            }
            try (java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM rtree_projects_geom), "
                    + "(SELECT count(*) FROM rtree_enterprises_geom), (SELECT count(*) FROM enterprises WHERE geom IS NULL)")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no R-tree row for a NULL geometry");
                assertEquals(14, rs.getLong(2), "only the 14 positioned enterprises are indexed");
                assertEquals(10, rs.getLong(3), "the 10 placeholder enterprises have no geometry");
            }
        }
    }

    @Test
    void anInterruptedFirstSeedLeavesNoStoreBehindAndTheNextStartSeedsCompletely() {
        Path file = dir.resolve("first-start.gpkg");
        List<LayerData> seed = SeedData.read();
        List<LayerData> broken = new ArrayList<>(seed.subList(0, 3));
        Layer park = seed.get(0).layer();
        broken.add(new LayerData(new Layer("broken", "Broken", null, null, GeometryKind.POINT, List.of(), null, null),
                List.of(new Feature(1, seed.get(0).features().get(0).geometry(), Map.of())))); // a polygon in a point layer
        assertThrows(ParkGridException.class, () -> GeoPackageStore.openSeeded(file, () -> broken));
        assertFalse(Files.exists(file), "no half-seeded store at the real path");
        try (GeoPackageStore s = GeoPackageStore.openSeeded(file, SeedData::read)) {
            assertEquals(seed.size(), s.layers().size());
            assertEquals(park, s.layer(park.name()).orElseThrow());
        }
    }

    /**
     * kill -9 in the middle of a big import, five times in a row: each time the next open finds no trace of
     * the import (no layer, no table, no pending record), every seed feature still there and the file passing
     * SQLite's integrity check.
     */
    @Test
    void aProcessKilledInTheMiddleOfAnImportLeavesNoLayerAndASoundFile() throws Exception {
        long villages = store.count("villages", FeatureQuery.all());
        store.close();
        store = null;
        Path file = dir.resolve("contract.gpkg");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 5; round++) {
            Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    parkgrid.testing.ImportUntilKilled.class.getName(), file.toString()).redirectErrorStream(true).start();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                int batches = 1 + random.nextInt(20);
                String line;
                int seen = 0;
                while (seen < batches && (line = out.readLine()) != null) if (line.startsWith("written ")) seen++;
                assertEquals(batches, seen, "the child imported " + batches + " batches before the kill");
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close
                child.waitFor();
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1), "round " + round);
            }
            store = reopen();
            assertTrue(store.layer(parkgrid.testing.ImportUntilKilled.LAYER).isEmpty(), "round " + round);
            assertEquals(villages, store.count("villages", FeatureQuery.all()), "round " + round);
            store.close();
            store = null;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM sqlite_master WHERE name = '"
                         + parkgrid.testing.ImportUntilKilled.LAYER + "'), (SELECT count(*) FROM parkgrid_pending_import), "
                         + "(SELECT count(*) FROM gpkg_contents WHERE table_name = '" + parkgrid.testing.ImportUntilKilled.LAYER + "')")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "no table left, round " + round);
                assertEquals(0, rs.getInt(2), "no pending record left, round " + round);
                assertEquals(0, rs.getInt(3), "no contents entry left, round " + round);
            }
        }
        store = reopen();
    }

    /**
     * kill -9 during a burst of single acknowledged writes (creates and replaces, each its own transaction),
     * eight times in a row: after each kill the file passes SQLite's integrity check and every write the child
     * printed as returned — of this round and of all rounds before — is there, at least at the version
     * acknowledged (a write whose commit the kill overtook before the print may be there too).
     */
    @Test
    void everyAcknowledgedSingleWriteSurvivesKillDashNine() throws Exception {
        store.close();
        store = null;
        Path file = dir.resolve("contract.gpkg");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.Random random = new java.util.Random(11);
        Map<Long, String> createdNames = new java.util.HashMap<>();
        Map<Long, Long> ackedVersion = new java.util.HashMap<>();
        Map<Long, String> ackedNames = new java.util.HashMap<>();
        int rounds = 8;
        long acknowledged = 0;
        for (int round = 0; round < rounds; round++) {
            Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    parkgrid.testing.WriteUntilKilled.class.getName(), file.toString(), "r" + round).redirectErrorStream(true).start();
            List<String> lines = new java.util.ArrayList<>();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                int writes = 20 + random.nextInt(300);
                String line;
                int seen = 0;
                while (seen < writes && (line = out.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("created ") || line.startsWith("replaced ")) seen++;
                }
                assertEquals(writes, seen, "the child acknowledged " + writes + " writes before the kill: " + lines);
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, in the middle of the next write
                child.waitFor();
                // what the child printed before it died was acknowledged too
                try {
                    while ((line = out.readLine()) != null) lines.add(line);
                } catch (java.io.IOException closedWithTheProcess) {
                    // the JDK may close the pipe of a killed child: those last lines then go unchecked
                }
            }
            for (String line : lines) {
                String[] w = line.split(" ");
                if (w[0].equals("created")) {
                    createdNames.put(Long.parseLong(w[1]), w[2]);
                    ackedVersion.put(Long.parseLong(w[1]), 1L);
                    ackedNames.put(Long.parseLong(w[1]), w[2]);
                    acknowledged++;
                } else if (w[0].equals("replaced")) {
                    ackedVersion.put(Long.parseLong(w[1]), Long.parseLong(w[2]));
                    ackedNames.put(Long.parseLong(w[1]), w[3]);
                    acknowledged++;
                }
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1), "round " + round);
            }
            store = reopen();
            for (Map.Entry<Long, Long> acked : ackedVersion.entrySet()) {
                long id = acked.getKey();
                var stored = store.versioned(parkgrid.testing.WriteUntilKilled.LAYER, id);
                assertTrue(stored.isPresent(), "acknowledged feature " + id + " (" + createdNames.get(id) + ") lost, round " + round);
                long version = stored.get().version();
                assertTrue(version >= acked.getValue(), "feature " + id + " at version " + version + " < acknowledged "
                        + acked.getValue() + ", round " + round);
                if (version == acked.getValue()) {
                    assertEquals(ackedNames.get(id), stored.get().feature().properties().get("name"), "feature " + id + ", round " + round);
                }
            }
            long count = store.count(parkgrid.testing.WriteUntilKilled.LAYER, FeatureQuery.all());
            assertTrue(count >= createdNames.size(), count + " features for " + createdNames.size() + " acknowledged creates");
            store.close();
            store = null;
        }
        assertTrue(acknowledged > rounds * 20L, acknowledged + " acknowledged writes");
        System.out.println("kill -9 burst: " + rounds + " rounds, " + acknowledged + " acknowledged writes, all present");
        store = reopen();
    }
    /**
     * Every write leaves gpkg_contents' bounds (the layer extent QGIS and GDAL show) equal to min/max over every
     * entry of the layer's R-tree — read from the root node (store.geopackage.RtreeExtent) instead of a scan: after an
     * import of three levels, creates beyond each edge, moving them back inside (the extent shrinks), deleting the
     * features on the edges, and a layer emptied one delete at a time (NULL bounds at the end).
     */
    @Test
    void everyWriteLeavesTheContentsBoundsThoseOfTheWholeRtree() throws Exception {
        java.util.Random random = new java.util.Random(19);
        org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
        List<LayerData> layers = new ArrayList<>();
        for (int size : new int[] {3000, 60}) {
            List<Feature> features = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                features.add(new Feature(i, gf.createPoint(new org.locationtech.jts.geom.Coordinate(110 + 4 * random.nextDouble(),
                        32 + 4 * random.nextDouble())), Map.of("name", "点 " + i)));
            }
            layers.add(new LayerData(new Layer("bounds_" + size, "Bounds " + size, null, null, GeometryKind.POINT,
                    List.of(new parkgrid.feature.PropertyDefinition("name", parkgrid.feature.PropertyType.STRING)), null, null), features));
        }
        store.importLayers(layers);
        assertBoundsAreTheRtrees("bounds_3000", "after the import");
        double[][] beyond = {{120.5, 34}, {100.25, 34}, {112, 41.75}, {112, 20.125}};
        for (int i = 0; i < beyond.length; i++) {
            store.create("bounds_3000", new Feature(5000 + i, gf.createPoint(new org.locationtech.jts.geom.Coordinate(beyond[i][0], beyond[i][1])),
                    Map.of("name", "边 " + i)), "测试");
            assertBoundsAreTheRtrees("bounds_3000", "after create " + i);
        }
        double[] grown = contentsBounds("bounds_3000");
        assertEquals(100.25, grown[0]);
        assertEquals(120.5, grown[2]);
        for (int i = 0; i < 2; i++) {
            store.replace("bounds_3000", new Feature(5000 + i, gf.createPoint(new org.locationtech.jts.geom.Coordinate(112, 34)), Map.of("name", "回 " + i)),
                    1, "测试");
            assertBoundsAreTheRtrees("bounds_3000", "after moving " + i + " back inside");
        }
        assertTrue(contentsBounds("bounds_3000")[0] >= 110 && contentsBounds("bounds_3000")[2] <= 114, "the extent shrank back");
        for (int i = 2; i < beyond.length; i++) {
            store.delete("bounds_3000", 5000 + i, 1, "测试");
            assertBoundsAreTheRtrees("bounds_3000", "after deleting " + i);
        }
        for (long id = 1; id <= 60; id++) {
            store.delete("bounds_60", id, 1, "测试");
            assertBoundsAreTheRtrees("bounds_60", "after deleting " + id + " of 60");
        }
        assertEquals(null, contentsBounds("bounds_60"), "an empty layer has no bounds");
    }

    private double[] contentsBounds(String name) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("contract.gpkg"));
             java.sql.PreparedStatement s = c.prepareStatement("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?")) {
            s.setString(1, name);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), name + " in gpkg_contents");
                if (rs.getObject(1) == null) return null;
                return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            }
        }
    }

    private void assertBoundsAreTheRtrees(String name, String when) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("contract.gpkg"));
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT c.min_x, c.min_y, c.max_x, c.max_y, r.x0, r.y0, r.x1, r.y1 FROM gpkg_contents c, "
                     + "(SELECT min(minx) x0, min(miny) y0, max(maxx) x1, max(maxy) y1 FROM rtree_" + name + "_geom) r WHERE c.table_name = '" + name + "'")) {
            assertTrue(rs.next(), name);
            for (int i = 1; i <= 4; i++) assertEquals(rs.getObject(i + 4), rs.getObject(i), name + " " + when + ": bound " + i);
        }
    }
}
