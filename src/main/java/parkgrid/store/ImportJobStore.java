package parkgrid.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The import jobs of a store ({@code parkgrid_import_job}): one row per import, written by the instance that runs it and
 * read by any instance, so a progress poll may reach any server over the store. Every call is its own short
 * transaction, never the import's: an import's rows commit with the import (all or nothing), its job row as it goes.
 * Both stores implement it with the one SQL of {@link ImportJobTable}. The store keeps what it is given: the report and
 * the problem are JSON text the caller wrote; times are kept to the millisecond.
 */
public interface ImportJobStore {
    /** Where a job is, as polled. */
    enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        /** The name in the table and in JSON: lower case. */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isFinished() {
            return this == SUCCEEDED || this == FAILED;
        }

        static Status of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One job as stored.
     *
     * @param phase           the import's finer step ({@code queued}, {@code checking}, {@code writing}, {@code done},
     *                        {@code rejected}, {@code failed}), as the map's progress bar names it
     * @param instance        the server instance running it (a random id per process)
     * @param featuresTotal   features the write pass will write, once the check pass has counted them; else null
     * @param heartbeatAt     when the running instance last said the job was alive
     * @param report          the report as JSON text once finished with one, else null
     * @param problem         why it failed, as problem+json members (JSON text), else null
     */
    record Job(String id, String layer, String mode, boolean dryRun, String who, String instance, Status status, String phase,
               long featuresRead, Long featuresTotal, long featuresWritten, Instant createdAt, Instant startedAt,
               Instant heartbeatAt, Instant finishedAt, String report, String problem) {}

    /** How far a running job has come. */
    record Progress(String phase, long featuresRead, Long featuresTotal, long featuresWritten) {}

    /** Stores a new job (its status and times as given). */
    void create(Job job);

    /**
     * Marks the job running with {@code progress} and beats its heart, unless it is finished (a job another instance
     * declared abandoned stays so). Best effort: when the store cannot take a write now without waiting (the GeoPackage's
     * one writer is inside an import's transaction) nothing is written.
     *
     * @return whether the row was written (false when busy, or when the job is finished or unknown)
     */
    boolean progress(String id, Progress progress, Instant at);

    /** Beats the heart of every unfinished job of {@code instance}; best effort as {@link #progress}. */
    void heartbeat(String instance, Instant at);

    /** The job's outcome, whatever the row said before (the running instance knows best); waits for the store. */
    void finish(String id, Status status, Progress last, String report, String problem, Instant at);

    Optional<Job> find(String id);

    /**
     * Fails the job with {@code problem} if it is still unfinished and its heartbeat is older than {@code silentSince}
     * (its instance stopped); of several instances deciding this at once, one writes.
     *
     * @return whether this call failed it
     */
    boolean abandon(String id, Instant silentSince, String problem, Instant at);

    /** Deletes the jobs finished before {@code finishedBefore}, and unfinished ones silent since {@code silentBefore}. @return how many */
    int purge(Instant finishedBefore, Instant silentBefore);

    /** The statuses a job can have, in order, as the table's check constraint lists them. */
    List<Status> STATUSES = List.of(Status.values());
}
