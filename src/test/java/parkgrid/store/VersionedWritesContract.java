package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * The write contract both stores keep on top of {@link FeatureStoreContract}: versions (1 when stored, +1
 * per change), the expected version checked in the write's transaction (412 and nothing changed when
 * stale), deletes, one audit record per change with before/after GeoJSON, and no lost update between
 * two threads writing one feature.
 */
abstract class VersionedWritesContract extends FeatureStoreContract {
    private static final String EDITOR = "规划员 张三";

    private Feature village() {
        Feature f = store.feature("villages", 1).orElseThrow();
        assertNotNull(f.properties().get("name_zh"));
        return f;
    }

    private static Map<String, Object> with(Map<String, Object> props, String key, Object value) {
        Map<String, Object> m = new HashMap<>(props);
        m.put(key, value);
        return m;
    }

    @Test
    void aStoredFeatureIsAtVersionOneAndEveryChangeAddsOne() throws Exception {
        Feature v1 = village();
        VersionedFeature stored = store.versioned("villages", 1).orElseThrow();
        assertEquals(1, stored.version());
        assertNull(stored.updatedAt(), "never changed since the seed");
        assertEquals(v1.properties(), stored.feature().properties());

        Feature renamed = new Feature(1, v1.geometry(), with(v1.properties(), "name_zh", "程村（新）"));
        VersionedFeature v2 = store.replace("villages", renamed, 1, EDITOR);
        assertEquals(2, v2.version());
        assertNotNull(v2.updatedAt());

        Geometry moved = new WKTReader().read("POINT (112.41 34.151)");
        VersionedFeature v3 = store.patch("villages", 1, Map.of("population", 2024L), moved, 2, EDITOR);
        assertEquals(3, v3.version());
        VersionedFeature read = store.versioned("villages", 1).orElseThrow();
        assertEquals(3, read.version());
        assertEquals(v3.updatedAt(), read.updatedAt());
        assertEquals("程村（新）", read.feature().properties().get("name_zh"));
        assertEquals(2024L, read.feature().properties().get("population"));
        assertTrue(moved.equalsExact(read.feature().geometry(), 1e-9));
        assertEquals(read.feature().properties(), store.feature("villages", 1).orElseThrow().properties());
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        Feature v1 = village();
        store.replace("villages", new Feature(1, v1.geometry(), with(v1.properties(), "name_zh", "东沿头")), 1, EDITOR);
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> store.patch("villages", 1, Map.of("name_zh", "嵩县县城"), null, 1, "规划员 李四"));
        assertInstanceOf(ParkGridException.PreconditionFailed.class, e);
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        VersionedFeature now = store.versioned("villages", 1).orElseThrow();
        assertEquals(2, now.version());
        assertEquals("东沿头", now.feature().properties().get("name_zh"));
        assertEquals(1, store.history("villages", 1).size());
        assertInstanceOf(ParkGridException.PreconditionFailed.class, assertThrows(ParkGridException.class, () -> store.delete("villages", 1, 1, EDITOR)));
        assertTrue(store.feature("villages", 1).isPresent());
    }

    @Test
    void aWriteTheSchemaRejectsChangesNothing() {
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> store.patch("villages", 1, Map.of("population", "很多"), null, 1, EDITOR));
        assertInstanceOf(ParkGridException.InvalidInput.class, e);
        assertEquals(1, store.versioned("villages", 1).orElseThrow().version());
        assertTrue(store.history("villages", 1).isEmpty());
        assertInstanceOf(ParkGridException.NotFound.class, assertThrows(ParkGridException.class,
                () -> store.patch("villages", 999_999, Map.of("name_zh", "无"), null, 1, EDITOR)));
    }

    @Test
    void aDeleteRemovesTheFeatureAndItsAuditKeepsWhatItWas() {
        Feature v1 = village();
        long before = store.count("villages", FeatureQuery.all());
        store.delete("villages", 1, 1, EDITOR);
        assertTrue(store.feature("villages", 1).isEmpty());
        assertTrue(store.versioned("villages", 1).isEmpty());
        assertEquals(before - 1, store.count("villages", FeatureQuery.all()));
        List<AuditRecord> history = store.history("villages", 1);
        assertEquals(1, history.size());
        AuditRecord r = history.get(0);
        assertEquals(AuditRecord.Action.DELETE, r.action());
        assertEquals(EDITOR, r.who());
        assertTrue(r.before().contains("\"" + v1.properties().get("name_zh") + "\""), r.before());
        assertNull(r.after());
        assertInstanceOf(ParkGridException.NotFound.class, assertThrows(ParkGridException.class, () -> store.delete("villages", 1, 2, EDITOR)));
    }

    @Test
    void aCreatedFeatureStartsAtOneAndItsIdCannotBeTakenTwice() throws Exception {
        Geometry p = new WKTReader().read("POINT (112.4 34.15)");
        Feature created = new Feature(80_001, p, Map.of("name_zh", "新村", "county", "汝阳县"));
        assertEquals(1, store.create("villages", created, EDITOR).version());
        assertEquals(1, store.versioned("villages", 80_001).orElseThrow().version());
        assertInstanceOf(ParkGridException.Conflict.class, assertThrows(ParkGridException.class, () -> store.create("villages", created, EDITOR)));
        List<AuditRecord> history = store.history("villages", 80_001);
        assertEquals(1, history.size());
        assertEquals(AuditRecord.Action.CREATE, history.get(0).action());
        assertNull(history.get(0).before());
        assertTrue(history.get(0).after().contains("\"新村\""), history.get(0).after());
    }

    @Test
    void everyChangeLeavesOneAuditRecordWithBeforeAndAfterAsGeoJsonThatSurvivesARestart() throws Exception {
        Feature v1 = village();
        store.patch("villages", 1, Map.of("name_zh", "程村甲"), null, 1, EDITOR);
        store.patch("villages", 1, Map.of("name_zh", "程村乙"), null, 2, "规划员 李四");
        store.close();
        store = reopen();
        List<AuditRecord> history = store.history("villages", 1);
        assertEquals(2, history.size());
        AuditRecord first = history.get(0), second = history.get(1);
        assertEquals(List.of(2L, 3L), List.of(first.version(), second.version()));
        assertEquals(List.of(AuditRecord.Action.PATCH, AuditRecord.Action.PATCH), List.of(first.action(), second.action()));
        assertEquals(List.of(EDITOR, "规划员 李四"), List.of(first.who(), second.who()));
        assertFalse(second.at().isBefore(first.at()));
        assertTrue(first.before().startsWith("{\"type\":\"Feature\",\"id\":1,\"geometry\":{\"type\":\"Point\""), first.before());
        assertTrue(first.before().contains("\"" + v1.properties().get("name_zh") + "\""), first.before());
        assertTrue(first.after().contains("\"程村甲\""), first.after());
        assertEquals(first.after(), second.before());
        assertTrue(second.after().contains("\"程村乙\""), second.after());
        assertEquals(3, store.versioned("villages", 1).orElseThrow().version());
    }

    @Test
    void ofTwoThreadsWritingTheSameVersionExactlyOneWinsEveryRound() throws Exception {
        int rounds = 12;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Boolean>>> writers = new ArrayList<>();
            for (String who : List.of("规划员 张三", "规划员 李四")) {
                writers.add(pool.submit(() -> {
                    List<Boolean> won = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            store.patch("villages", 1, Map.of("name_zh", who + " 第" + r + "轮"), null, 1 + r, who);
                            won.add(true);
                        } catch (ParkGridException e) {
                            assertInstanceOf(ParkGridException.PreconditionFailed.class, e, e.getMessage());
                            won.add(false);
                        }
                        start.await(30, TimeUnit.SECONDS); // both have tried before the next version is named
                    }
                    return won;
                }));
            }
            List<Boolean> a = writers.get(0).get(120, TimeUnit.SECONDS), b = writers.get(1).get(120, TimeUnit.SECONDS);
            assertEquals(rounds, a.size());
            for (int r = 0; r < rounds; r++) assertTrue(a.get(r) ^ b.get(r), "round " + r + ": exactly one writer wins");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1 + rounds, store.versioned("villages", 1).orElseThrow().version());
        List<AuditRecord> history = store.history("villages", 1);
        assertEquals(rounds, history.size());
        for (int r = 0; r < rounds; r++) {
            assertEquals(2 + r, history.get(r).version());
            assertTrue(history.get(r).after().contains("第" + r + "轮"), history.get(r).after());
            if (r > 0) assertEquals(history.get(r - 1).after(), history.get(r).before(), "no lost update between rounds");
        }
    }

    @Test
    void withoutAnIdACreatedFeatureTakesTheNextIdNoOneEverHadAndARevertBringsADeletedOneBack() throws Exception {
        long largest = 0;
        List<Feature> all = new ArrayList<>();
        store.forEach("villages", new FeatureQuery(null, Map.of(), FeatureQuery.UNLIMITED, 0), all::add);
        for (Feature f : all) largest = Math.max(largest, f.id());
        Geometry place = new WKTReader().read("POINT (112.3 34.2)");
        VersionedFeature made = store.create("villages", java.util.OptionalLong.empty(), place, Map.of("name_zh", "新村"), EDITOR);
        assertEquals(largest + 1, made.feature().id());
        assertEquals(1, made.version());
        store.delete("villages", made.feature().id(), 1, EDITOR);
        VersionedFeature next = store.create("villages", java.util.OptionalLong.empty(), place, Map.of("name_zh", "又一新村"), EDITOR);
        assertEquals(largest + 2, next.feature().id(), "the deleted feature's id stays its own");

        VersionedFeature back = store.revert("villages", made.feature().id(), 1, java.util.OptionalLong.of(2), "审核员 李四");
        assertEquals(3, back.version());
        assertEquals("新村", store.feature("villages", made.feature().id()).orElseThrow().properties().get("name_zh"));
        List<AuditRecord> history = store.history("villages", made.feature().id());
        assertEquals(List.of(AuditRecord.Action.CREATE, AuditRecord.Action.DELETE, AuditRecord.Action.REVERT),
                history.stream().map(AuditRecord::action).toList());
        assertEquals("审核员 李四", history.get(2).who());
        assertThrows(ParkGridException.PreconditionFailed.class,
                () -> store.revert("villages", made.feature().id(), 1, java.util.OptionalLong.of(2), EDITOR));
    }

    @Test
    void creatorsWithoutAnIdAtTheSameTimeEachGetAnIdOfTheirOwn() throws Exception {
        int n = 6;
        Geometry place = new WKTReader().read("POINT (112.31 34.21)");
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<Long>> ids = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String name = "同时新建" + k;
                ids.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return store.create("villages", java.util.OptionalLong.empty(), place, Map.of("name_zh", name), EDITOR).feature().id();
                }));
            }
            java.util.Set<Long> distinct = new java.util.HashSet<>();
            for (Future<Long> f : ids) distinct.add(f.get(30, TimeUnit.SECONDS));
            assertEquals(n, distinct.size(), distinct.toString());
            for (long id : distinct) assertEquals(1, store.history("villages", id).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
