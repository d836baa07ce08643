package parkgrid.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parkgrid.config.ImportLimits;
import parkgrid.feature.ParkGridException;
import parkgrid.io.LayerReaders;
import parkgrid.store.FeatureStore;
import parkgrid.store.ImportJobStore;
import parkgrid.testing.OnBothStores;

/**
 * {@link ImportJobs} over both stores, with a clock the test moves: an import's row from queued to done with its report;
 * two instances over one store, where a job the first still has (queued) is alive there whatever the clock says, and
 * failed as stopped when polled through the second once its heartbeat is older than the staleness; finished jobs
 * deleted after the retention.
 */
class ImportJobsTest extends OnBothStores {
    private static final ImportLimits LIMITS = new ImportLimits(1 << 20, 1000).withJobs(Duration.ofSeconds(30), Duration.ofHours(24));

    /** A clock that stands still until told. */
    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T08:00:00Z"));
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
        void advance(Duration d) { now.updateAndGet(t -> t.plus(d)); }
    }

    @Override
    protected String schema() {
        return "import_jobs_test";
    }

    private ImportJobs jobs(String kind, Clock clock) {
        FeatureStore store = stores.store(kind);
        return new ImportJobs(new Importer(store, LayerReaders.STANDARD, LIMITS), store.importJobs(),
                e -> Map.of("detail", e instanceof ParkGridException p ? p.detail() : e.toString()), clock);
    }

    private static Path geoJson(String name) throws Exception {
        Path file = Files.createTempFile(dir, "import-", ".geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"name\":\"" + name + "\",\"title\":\"Substations\",\"title_zh\":\"新建变电站\","
                + "\"features\":[{\"type\":\"Feature\",\"id\":1,\"geometry\":{\"type\":\"Point\",\"coordinates\":[112.47,34.15]},"
                + "\"properties\":{\"name_zh\":\"城关变\"}},{\"type\":\"Feature\",\"id\":2,\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[112.52,34.18]},\"properties\":{\"name_zh\":\"柏树变\"}}]}", StandardCharsets.UTF_8);
        return file;
    }

    private static ImportRequest request(String layer) {
        return new ImportRequest(layer, false, "geojson", null, null, null, null, false, null, null);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anImportsRowGoesFromQueuedToDoneWithItsReportAndIsDeletedAfterTheRetention(String kind) throws Exception {
        TestClock clock = new TestClock();
        ImportJobs jobs = jobs(kind, clock);
        ImportJob job = jobs.register(request("jobs_done_" + kind), "规划员 王五");
        assertEquals("queued", jobs.find(job.id()).orElseThrow().phase());
        Path file = geoJson("jobs_done_" + kind);
        assertEquals(2, jobs.run(job, file).featuresWritten());
        assertTrue(Files.notExists(file), "the upload is deleted");
        ImportJobStore.Job row = jobs.find(job.id()).orElseThrow();
        assertEquals(ImportJobStore.Status.SUCCEEDED, row.status());
        assertEquals("done", row.phase());
        assertEquals(2, row.featuresWritten());
        assertEquals(2L, row.featuresTotal());
        assertEquals(jobs.instance(), row.instance());
        assertTrue(row.report().contains("\"name\":\"jobs_done_" + kind + "\"") && row.report().contains("\"state\":\"written\""), row.report());

        clock.advance(Duration.ofHours(23));
        assertTrue(jobs.find(job.id()).isPresent(), "kept for 24 h");
        clock.advance(Duration.ofHours(2));
        assertTrue(jobs.find(job.id()).isEmpty(), "deleted after 24 h");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aJobIsAliveOnItsInstanceAndFailedAsStoppedThroughAnotherOnceItsHeartbeatIsStale(String kind) throws Exception {
        TestClock clock = new TestClock();
        ImportJobs first = jobs(kind, clock);
        ImportJobs second = jobs(kind, clock);
        ImportJob waiting = first.register(request("jobs_stale_" + kind), "规划员 王五");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(ImportJobStore.Status.QUEUED, second.find(waiting.id()).orElseThrow().status(), "within the staleness");
        clock.advance(Duration.ofSeconds(2)); // the clock stands still for the first's heartbeat, as if it had stopped
        assertEquals(ImportJobStore.Status.QUEUED, first.find(waiting.id()).orElseThrow().status(), "its own instance knows it waits");
        ImportJobStore.Job failed = second.find(waiting.id()).orElseThrow();
        assertEquals(ImportJobStore.Status.FAILED, failed.status());
        assertTrue(failed.problem().contains("the instance running this import stopped"), failed.problem());
        assertTrue(failed.problem().contains("nothing of it was written"), failed.problem());

        Path file = geoJson("jobs_stale_" + kind);
        first.run(waiting, file); // it was only slow: its outcome is the truth, and it is written over the failure
        assertEquals(ImportJobStore.Status.SUCCEEDED, second.find(waiting.id()).orElseThrow().status());
    }
}
