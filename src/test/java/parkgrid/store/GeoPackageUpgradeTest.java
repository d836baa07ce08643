package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.feature.Feature;
import parkgrid.feature.LayerData;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.testing.SeedFixture;

/**
 * A GeoPackage written by the code before versioned writes (fixture made at commit cb37eb5, see
 * src/test/resources/store/README-fixtures.txt) opens in the current code, upgrades in place, keeps every
 * feature, and from then on versions and audits its changes.
 */
class GeoPackageUpgradeTest {
    @TempDir
    Path dir;

    /**
     * The seed's properties as the fixture's older seed had them: the villages' population estimates (households,
     * population, population_note) came later and an upgraded file keeps its values, so they are null there (its columns existed).
     */
    private static java.util.Map<String, Object> asInTheFixture(java.util.Map<String, Object> seed) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(seed);
        for (String later : List.of("households", "population", "population_note")) out.put(later, null);
        return out;
    }

    private Path oldFile() throws Exception {
        Path file = dir.resolve("old.gpkg");
        try (InputStream in = getClass().getResourceAsStream("/store/parkgrid-cb37eb5.gpkg")) {
            Files.copy(in, file);
        }
        return file;
    }

    private static int schemaVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'parkgrid_schema'")) {
                t.next();
                if (t.getInt(1) == 0) return 0;
            }
            try (ResultSet rs = st.executeQuery("SELECT version FROM parkgrid_schema")) {
                assertTrue(rs.next());
                int v = rs.getInt(1);
                assertFalse(rs.next(), "one row");
                return v;
            }
        }
    }

    @Test
    void aFileFromTheBranchBaseUpgradesInPlaceWithEveryFeatureAndThenVersionsItsChanges() throws Exception {
        Path file = oldFile();
        assertEquals(0, schemaVersion(file), "the fixture predates recorded schema versions");
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            assertEquals(List.of("power_lines", "villages"), store.layers().stream().map(l -> l.name()).sorted().toList());
            for (String name : List.of("villages", "power_lines")) {
                LayerData seed = SeedFixture.byName().get(name);
                assertEquals(seed.features().size(), store.count(name, FeatureQuery.all()), name);
                assertEquals(ItemCount.exactly(seed.features().size()), store.itemCount(name), name + ": migration 5 counted the rows");
                for (Feature expected : seed.features()) {
                    assertEquals(name.equals("villages") ? asInTheFixture(expected.properties()) : expected.properties(), store.feature(name, expected.id()).orElseThrow().properties(),
                            name + " " + expected.id());
                }
            }
            VersionedFeature v1 = store.versioned("villages", 1).orElseThrow();
            assertEquals(1, v1.version());
            assertEquals("柏树村", v1.feature().properties().get("name_zh"));
            assertEquals(2, store.patch("villages", 1, Map.of("name_zh", "柏树村（扩建）"), null, 1, "规划员 王五").version());
            assertEquals(1, store.history("villages", 1).size());
        }
        assertEquals(6, schemaVersion(file), "migrations 2 (versions, audit), 3 (pending imports), 4 (tokens), 5 (feature counts) and 6 (import jobs) applied");
        try (GeoPackageStore again = GeoPackageStore.open(file)) {
            Instant at = Instant.parse("2026-12-02T08:00:00Z");
            again.importJobs().create(new ImportJobStore.Job("升级后的任务", "villages", "append", false, "规划员 王五", "实例", ImportJobStore.Status.QUEUED,
                    "queued", 0, null, 0, at, null, at, null, null, null));
            assertEquals("规划员 王五", again.importJobs().find("升级后的任务").orElseThrow().who(), "the upgraded file keeps import jobs");
            VersionedFeature v2 = again.versioned("villages", 1).orElseThrow();
            assertEquals(2, v2.version());
            assertEquals("柏树村（扩建）", v2.feature().properties().get("name_zh"));
            assertEquals(1, again.history("villages", 1).size());
        }
    }

    @Test
    void aFileOfSchemaFourUpgradesInPlaceToFeatureCountsAndImportJobsKeepingFeaturesVersionsAndTokens() throws Exception {
        Path file = dir.resolve("schema4.gpkg");
        try (InputStream in = getClass().getResourceAsStream("/store/parkgrid-schema4-8eaaf92.gpkg")) {
            Files.copy(in, file);
        }
        assertEquals(4, schemaVersion(file), "the fixture was made before import jobs");
        Instant at = Instant.parse("2026-12-02T08:00:00Z");
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            assertEquals(List.of("substations"), store.layers().stream().map(l -> l.name()).toList());
            assertEquals("变电站", store.layer("substations").orElseThrow().titleZh());
            VersionedFeature two = store.versioned("substations", 2).orElseThrow();
            assertEquals(2, two.version());
            assertEquals("柏树变（扩建）", two.feature().properties().get("name_zh"));
            assertEquals("规划员 王五", store.history("substations", 2).get(0).who());
            assertEquals(List.of("规划员 王五"), store.tokens().all().stream().map(TokenStore.Token::holder).toList());
            store.importJobs().create(new ImportJobStore.Job("任务-1", "substations", "append", false, "规划员 王五", "实例", ImportJobStore.Status.QUEUED,
                    "queued", 0, null, 0, at, null, at, null, null, null));
            store.importJobs().finish("任务-1", ImportJobStore.Status.SUCCEEDED, new ImportJobStore.Progress("done", 2, 2L, 2),
                    "{\"state\":\"written\"}", null, at.plusSeconds(1));
        }
        assertEquals(6, schemaVersion(file), "migrations 5 (feature counts) and 6 (import jobs) applied");
        try (GeoPackageStore again = GeoPackageStore.open(file)) {
            ImportJobStore.Job job = again.importJobs().find("任务-1").orElseThrow();
            assertEquals(ImportJobStore.Status.SUCCEEDED, job.status());
            assertEquals("{\"state\":\"written\"}", job.report());
            assertEquals(2, again.count("substations", FeatureQuery.all()));
        }
    }
}
