package parkgrid.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parkgrid.config.ImportLimits;
import parkgrid.feature.ParkGridException;
import parkgrid.store.ImportJobStore;

/**
 * The import jobs, kept in the store ({@link ImportJobStore}) so that a progress poll reaching any instance over it is
 * answered. This instance writes the rows of the imports it runs: the job when registered, its progress at most every
 * {@value #PROGRESS_MILLIS} ms and at each phase, a heartbeat for its unfinished jobs every
 * {@link ImportLimits#jobHeartbeat()}, and the outcome — each in a short transaction of its own, never inside the
 * import's. A job whose heartbeat is older than {@link ImportLimits#jobStaleAfter()} and that does not run here is failed
 * when polled: its instance stopped, and since an import is all or nothing, nothing of it was written. Finished jobs are
 * deleted after {@link ImportLimits#jobsKeptFor()}. Background imports run one at a time on one thread per instance.
 */
public final class ImportJobs {
    /** Imports running or waiting on this instance at most. */
    static final int KEPT = 200;
    /** Progress rows at most this often per job. */
    static final long PROGRESS_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a failure reads in a job's {@code problem}: problem+json members (the api knows statuses, this package does not). */
    @FunctionalInterface
    public interface FailureDescription {
        Map<String, Object> problem(RuntimeException failure);
    }

    private final Importer importer;
    private final ImportJobStore store;
    private final FailureDescription failures;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    /** The unfinished jobs of this instance: alive whatever their heartbeat says. */
    private final Map<String, ImportJob> live = new ConcurrentHashMap<>();
    private final AtomicLong lastPurgeMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "parkgrid-import"));
    private final ScheduledThreadPoolExecutor heartbeats = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "parkgrid-import-heartbeat"));
    private ScheduledFuture<?> beating;

    public ImportJobs(Importer importer, ImportJobStore store, FailureDescription failures, Clock clock) {
        this.importer = importer;
        this.store = store;
        this.failures = failures;
        this.clock = clock;
        heartbeats.setRemoveOnCancelPolicy(true);
        heartbeats.setKeepAliveTime(10, TimeUnit.SECONDS);
        heartbeats.allowCoreThreadTimeOut(true);
    }

    public Importer importer() {
        return importer;
    }

    /** This instance's id, as its job rows name it. */
    public String instance() {
        return instance;
    }

    private ImportLimits limits() {
        return importer.limits();
    }

    /**
     * A new job for {@code request}, queued, stored.
     *
     * @param who who asked for it, as the audit trail names them
     * @throws ParkGridException busy when {@value #KEPT} imports are running or waiting on this instance
     */
    public ImportJob register(ImportRequest request, String who) {
        purgeIfDue();
        if (live.size() >= KEPT) throw ParkGridException.busy(KEPT + " imports are running or waiting; try again later");
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), request, this::record);
        Instant now = now();
        store.create(new ImportJobStore.Job(job.id(), request.layer(), request.append() ? "append" : "create", request.dryRun(), who,
                instance, ImportJobStore.Status.QUEUED, job.phase().apiName(), 0, null, 0, now, null, now, null, null, null));
        live.put(job.id(), job);
        beatWhileLive();
        return job;
    }

    /**
     * The job as stored, whichever instance runs it; an unfinished job silent for longer than the staleness, not running
     * here, is failed first (its instance stopped).
     */
    public Optional<ImportJobStore.Job> find(String id) {
        purgeIfDue();
        Optional<ImportJobStore.Job> row = store.find(id);
        if (row.isEmpty() || row.get().status().isFinished() || live.containsKey(id)) return row;
        Instant now = now();
        Instant silentSince = now.minus(limits().jobStaleAfter());
        if (!row.get().heartbeatAt().isBefore(silentSince)) return row;
        ParkGridException stopped = ParkGridException.unavailable("importId", "the instance running this import stopped: no word from it "
                + "since " + row.get().heartbeatAt() + ", more than " + limits().jobStaleAfter().toSeconds()
                + " s (PARKGRID_IMPORT_JOB_STALE_SECONDS); an import is all or nothing, so nothing of it was written: import the file again",
                null);
        if (store.abandon(id, silentSince, json(failures.problem(stopped)), now)) {
            LOG.warn("import {} of instance {} abandoned: no heartbeat since {}", id, row.get().instance(), row.get().heartbeatAt());
        }
        return store.find(id);
    }

    /** Runs the job in this thread and deletes {@code file}; its outcome is both returned (or thrown) and stored. */
    public ImportReport run(ImportJob job, Path file) {
        try {
            ImportReport report = importer.run(job.request(), file, job);
            job.phase(report.rejected() ? ImportJob.Phase.REJECTED : ImportJob.Phase.DONE);
            finish(job, json(report.json()), null);
            return report;
        } catch (RuntimeException e) {
            boolean rejected = e instanceof ParkGridException p && p.members().containsKey("report");
            job.phase(rejected ? ImportJob.Phase.REJECTED : ImportJob.Phase.FAILED);
            finish(job, null, json(failures.problem(e)));
            throw e;
        } finally {
            live.remove(job.id());
            delete(file);
        }
    }

    /** Runs the job on the import thread; poll {@link #find}. */
    public void runLater(ImportJob job, Path file) {
        worker.execute(() -> {
            try {
                run(job, file);
            } catch (RuntimeException e) {
                // stored in the job's row for GET /imports/{id}
            }
        });
    }

    private void finish(ImportJob job, String report, String problem) {
        try {
            store.finish(job.id(), job.phase().status(), job.progress(), report, problem, now());
        } catch (RuntimeException e) {
            // the import's own outcome stands (the caller gets it); the row is failed later as silent
            LOG.error("import {} finished {} but its job row could not be written", job.id(), job.phase().apiName(), e);
        }
    }

    /** The job's row, at most every {@value #PROGRESS_MILLIS} ms unless {@code now}; skipped when the store is busy. */
    private void record(ImportJob job, boolean now) {
        long t = System.nanoTime();
        if (!now && t - job.recordedNanos < TimeUnit.MILLISECONDS.toNanos(PROGRESS_MILLIS)) return;
        job.recordedNanos = t;
        try {
            store.progress(job.id(), job.progress(), now());
        } catch (RuntimeException e) {
            LOG.warn("progress of import {} not recorded: {}", job.id(), e.getMessage());
        }
    }

    private synchronized void beatWhileLive() {
        if (beating != null) return;
        long every = limits().jobHeartbeat().toMillis();
        beating = heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private synchronized void beat() {
        if (live.isEmpty()) {
            beating.cancel(false);
            beating = null;
            return;
        }
        try {
            store.heartbeat(instance, now());
        } catch (RuntimeException e) {
            LOG.warn("import heartbeat not recorded: {}", e.getMessage());
        }
    }

    private void purgeIfDue() {
        long now = clock.millis();
        long every = Math.min(Duration.ofMinutes(1).toMillis(), limits().jobsKeptFor().toMillis());
        long last = lastPurgeMillis.get();
        if (now - last < every || !lastPurgeMillis.compareAndSet(last, now)) return;
        Instant cut = now().minus(limits().jobsKeptFor());
        int purged = store.purge(cut, cut.minus(limits().jobStaleAfter())); // a silent job is finished once stale
        if (purged > 0) LOG.info("{} import jobs older than {} deleted", purged, limits().jobsKeptFor());
    }

    private Instant now() {
        return clock.instant();
    }

    private static String json(Map<String, Object> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an import job's JSON: " + e.getMessage(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
