package parkgrid.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import parkgrid.feature.ParkGridException;

/**
 * The imports of this server process, for progress polling: each import (synchronous or not) is a job here while
 * it runs and for a while after ({@value #KEPT} kept). The state lives in this process's memory only — it is a
 * view for progress bars, not the record of what was imported (that is the store, and the synchronous answer).
 * Background imports run one at a time on one thread.
 */
public final class ImportJobs implements AutoCloseable {
    /** Finished jobs kept for polling; the oldest finished go first. */
    static final int KEPT = 200;

    private final Importer importer;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parkgrid-import");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(Importer importer) {
        this.importer = importer;
    }

    public Importer importer() {
        return importer;
    }

    /** A new job for {@code request}, queued. */
    public ImportJob register(ImportRequest request) {
        forgetOld();
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), request);
        jobs.put(job.id(), job);
        return job;
    }

    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Runs the job in this thread and deletes {@code file}; its outcome is both returned (or thrown) and kept. */
    public ImportReport run(ImportJob job, Path file) {
        try {
            ImportReport report = importer.run(job.request(), file, job);
            job.finish(report);
            return report;
        } catch (RuntimeException e) {
            job.fail(e);
            throw e;
        } finally {
            delete(file);
        }
    }

    /** Runs the job on the import thread; poll {@link #find}. */
    public void runLater(ImportJob job, Path file) {
        worker.execute(() -> {
            try {
                run(job, file);
            } catch (RuntimeException e) {
                // kept in the job for GET /imports/{id}
            }
        });
    }

    private void forgetOld() {
        if (jobs.size() < KEPT) return;
        ImportJob oldest = null;
        for (Iterator<ImportJob> it = jobs.values().iterator(); it.hasNext(); ) {
            ImportJob j = it.next();
            if (j.phase().finished() && (oldest == null || j.created().isBefore(oldest.created()))) oldest = j;
        }
        if (oldest != null) jobs.remove(oldest.id());
        else throw ParkGridException.busy("" + KEPT + " imports are running or waiting; try again later");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
