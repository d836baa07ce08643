package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoJsonReader;
import parkgrid.store.ImportJobStore.Job;
import parkgrid.store.ImportJobStore.Progress;
import parkgrid.store.ImportJobStore.Status;
import parkgrid.testing.OnBothStores;

/**
 * Import job rows on both stores ({@code parkgrid_import_job}): a job's life from queued to its outcome with Chinese text
 * as written, a silent job failed once (and a beating one not), the retention purge, and that a job row is never part of
 * an import's transaction — on PostGIS its progress is visible while the import is open and stays when the import fails;
 * on the GeoPackage, whose one writer the import holds, progress is skipped without waiting and the import is untouched.
 */
class ImportJobStoresTest extends OnBothStores {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00.123Z");

    @Override
    protected String schema() {
        return "import_job_store_test";
    }

    private FeatureStore store(String kind) {
        return stores.store(kind);
    }

    private static Job queued(String instance, Instant at) {
        return new Job(UUID.randomUUID().toString(), "substations_new", "create", false, "规划员 王五", instance, Status.QUEUED, "queued",
                0, null, 0, at, null, at, null, null, null);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aJobGoesFromQueuedThroughProgressToItsOutcomeWithChineseTextAsWritten(String kind) {
        ImportJobStore jobs = store(kind).importJobs();
        Job job = queued("实例一", T0);
        jobs.create(job);
        assertEquals(job, jobs.find(job.id()).orElseThrow());

        assertTrue(jobs.progress(job.id(), new Progress("checking", 1000, null, 0), T0.plusSeconds(1)));
        Job running = jobs.find(job.id()).orElseThrow();
        assertEquals(Status.RUNNING, running.status());
        assertEquals("checking", running.phase());
        assertEquals(1000, running.featuresRead());
        assertNull(running.featuresTotal());
        assertEquals(T0.plusSeconds(1), running.startedAt());
        assertEquals(T0.plusSeconds(1), running.heartbeatAt());

        assertTrue(jobs.progress(job.id(), new Progress("writing", 2500, 2500L, 2000), T0.plusSeconds(2)));
        assertEquals(T0.plusSeconds(1), jobs.find(job.id()).orElseThrow().startedAt(), "started once");
        String report = "{\"state\":\"written\",\"layer\":{\"title\":\"新建变电站\"},\"features_written\":2500}";
        jobs.finish(job.id(), Status.SUCCEEDED, new Progress("done", 2500, 2500L, 2500), report, null, T0.plusSeconds(3));
        Job done = jobs.find(job.id()).orElseThrow();
        assertEquals(Status.SUCCEEDED, done.status());
        assertEquals("done", done.phase());
        assertEquals(2500L, done.featuresTotal());
        assertEquals(2500, done.featuresWritten());
        assertEquals(report, done.report());
        assertEquals("规划员 王五", done.who());
        assertEquals("实例一", done.instance());
        assertEquals(T0.plusSeconds(3), done.finishedAt());

        assertFalse(jobs.progress(job.id(), new Progress("writing", 1, 1L, 1), T0.plusSeconds(4)));
        assertEquals(done, jobs.find(job.id()).orElseThrow(), "a finished job takes no more progress");
        assertTrue(jobs.find("no-such-job").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> jobs.finish(job.id(), Status.RUNNING, new Progress("writing", 0, null, 0), null, null, T0));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aSilentJobIsFailedOnceAndABeatingOneIsNot(String kind) {
        ImportJobStore jobs = store(kind).importJobs();
        Job silent = queued("stopped-" + kind, T0);
        Job beating = queued("alive-" + kind, T0);
        jobs.create(silent);
        jobs.create(beating);
        jobs.heartbeat(beating.instance(), T0.plusSeconds(60));
        String problem = "{\"status\":503,\"detail\":\"the instance running this import stopped（实例已停止）\"}";
        Instant silentSince = T0.plusSeconds(30);
        assertTrue(jobs.abandon(silent.id(), silentSince, problem, T0.plusSeconds(61)));
        assertFalse(jobs.abandon(silent.id(), silentSince, problem, T0.plusSeconds(62)), "once");
        assertFalse(jobs.abandon(beating.id(), silentSince, problem, T0.plusSeconds(61)), "its heart beat at +60 s");
        Job failed = jobs.find(silent.id()).orElseThrow();
        assertEquals(Status.FAILED, failed.status());
        assertEquals("failed", failed.phase());
        assertEquals(problem, failed.problem());
        assertEquals(T0.plusSeconds(61), failed.finishedAt());
        assertEquals(Status.QUEUED, jobs.find(beating.id()).orElseThrow().status());
        assertFalse(jobs.progress(silent.id(), new Progress("writing", 5, 5L, 5), T0.plusSeconds(63)), "an abandoned job is not revived by a late progress row");
        assertEquals(Status.FAILED, jobs.find(silent.id()).orElseThrow().status());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void finishedJobsAreKeptUntilTheRetentionEnds(String kind) {
        ImportJobStore jobs = store(kind).importJobs();
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        Job old = queued("a", day);
        Job recent = queued("a", day);
        Job running = queued("a", day);
        Job forgotten = queued("a", day);
        for (Job j : List.of(old, recent, running, forgotten)) jobs.create(j);
        jobs.finish(old.id(), Status.FAILED, new Progress("rejected", 3, null, 0), null, "{\"status\":400}", day.plus(1, ChronoUnit.HOURS));
        jobs.finish(recent.id(), Status.SUCCEEDED, new Progress("done", 3, 3L, 3), "{}", null, day.plus(30, ChronoUnit.HOURS));
        jobs.heartbeat("a", day.plus(30, ChronoUnit.HOURS)); // running (and forgotten's instance beats for it, too) …
        jobs.abandon(forgotten.id(), day.plus(31, ChronoUnit.HOURS), "{}", day.plus(31, ChronoUnit.HOURS)); // … until it stops
        assertEquals(1, jobs.purge(day.plus(26, ChronoUnit.HOURS), day.plus(26, ChronoUnit.HOURS)), "the one finished before the cut");
        assertTrue(jobs.find(old.id()).isEmpty());
        assertTrue(jobs.find(recent.id()).isPresent());
        assertTrue(jobs.find(running.id()).isPresent());
        assertEquals(3, jobs.purge(day.plus(40, ChronoUnit.HOURS), day.plus(40, ChronoUnit.HOURS)), "finished, abandoned, and running but silent since the cut");
        assertTrue(jobs.find(running.id()).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aJobRowIsNeverPartOfTheImportsTransaction(String kind) throws Exception {
        FeatureStore store = store(kind);
        ImportJobStore jobs = store.importJobs();
        Job job = queued("i", T0);
        jobs.create(job);
        String layerName = "job_tx_" + kind;
        Layer layer = new Layer(layerName, "Job rows and imports", "任务与导入", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null);
        List<String> seen = new ArrayList<>();
        LayerSource source = new LayerSource() {
            @Override public Layer layer() {
                return layer;
            }

            @Override public void forEach(FeatureSink sink) throws java.io.IOException {
                for (int i = 1; i <= 3000; i++) {
                    long id = i == 3000 ? 1 : i; // the last one repeats an id: the import fails as a whole
                    sink.accept(new Feature(id, GeoJsonReader.WGS84.createPoint(new Coordinate(112 + i * 1e-4, 34)), Map.of("name_zh", "井" + i)));
                    if (i == 2500) {
                        // the import's transaction is open (1 000 / 2 000 written): one progress row from this thread, one from another
                        seen.add(Boolean.toString(jobs.progress(job.id(), new Progress("writing", 3000, 3000L, 2000), T0.plusSeconds(5))));
                        seen.add(Boolean.toString(CompletableFuture.supplyAsync(() -> jobs.progress(job.id(), new Progress("writing", 3000,
                                3000L, 2000), T0.plusSeconds(6))).orTimeout(10, TimeUnit.SECONDS).join()));
                        seen.add(String.valueOf(CompletableFuture.supplyAsync(() -> jobs.find(job.id()).orElseThrow().featuresWritten())
                                .orTimeout(10, TimeUnit.SECONDS).join()));
                    }
                }
            }
        };
        assertThrows(RuntimeException.class, () -> store.importLayers(List.of(source), ImportProgress.NONE));
        assertTrue(store.layer(layerName).isEmpty(), "the import failed as a whole");
        Job after = jobs.find(job.id()).orElseThrow();
        if (kind.equals("postgis")) {
            assertEquals(List.of("true", "true", "2000"), seen, "PostgreSQL commits the job rows while the import is open, for others to see");
            assertEquals(2000, after.featuresWritten(), "and they stay when the import rolls back");
            assertEquals(T0.plusSeconds(6), after.heartbeatAt());
        } else {
            assertEquals(List.of("false", "false", "0"), seen, "SQLite's one writer is the import's: progress is skipped, not waited for");
            assertEquals(Status.QUEUED, after.status());
            assertTrue(jobs.progress(job.id(), new Progress("failed", 3000, 3000L, 0), T0.plusSeconds(7)), "once the import is over");
        }
    }
}
