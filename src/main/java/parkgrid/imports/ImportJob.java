package parkgrid.imports;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import parkgrid.store.ImportJobStore;
import parkgrid.store.ImportProgress;

/**
 * One import while it runs, on the instance running it: its phase and counts (features read by the check pass, written by
 * the write pass inside the store's transaction: nothing is visible before {@code done}). Each change is passed to its
 * {@link Recorder}, which keeps the job's row in the store at a bounded rate ({@link ImportJobs}); polls read that row.
 * Thread-safe: the import's thread writes, the heartbeat reads.
 */
public final class ImportJob implements ImportProgress, ImportCheck.Progress {
    /** Where an import is, as the progress bar names it; {@link #status()} is the coarser store status. */
    public enum Phase { QUEUED, CHECKING, WRITING, DONE, REJECTED, FAILED;
        /** The name in JSON: lower case. */
        public String apiName() { return name().toLowerCase(Locale.ROOT); }
        public boolean finished() { return this == DONE || this == REJECTED || this == FAILED; }

        public ImportJobStore.Status status() {
            return switch (this) {
                case QUEUED -> ImportJobStore.Status.QUEUED;
                case CHECKING, WRITING -> ImportJobStore.Status.RUNNING;
                case DONE -> ImportJobStore.Status.SUCCEEDED;
                case REJECTED, FAILED -> ImportJobStore.Status.FAILED;
            };
        }
    }

    /** Told of every change; {@code now}: a phase change, which is worth a row at once. */
    interface Recorder {
        void changed(ImportJob job, boolean now);
    }

    private final String id;
    private final ImportRequest request;
    private final Recorder recorder;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile Long total;
    private volatile Phase phase = Phase.QUEUED;
    /** When the recorder last wrote this job's row ({@link System#nanoTime()}). */
    volatile long recordedNanos = System.nanoTime();

    ImportJob(String id, ImportRequest request, Recorder recorder) {
        this.id = id;
        this.request = request;
        this.recorder = recorder;
    }

    public String id() { return id; }
    public ImportRequest request() { return request; }
    public Phase phase() { return phase; }

    /** The counts as the store keeps them. */
    ImportJobStore.Progress progress() {
        return new ImportJobStore.Progress(phase.apiName(), read.get(), total, written.get());
    }

    @Override
    public void read(long features) {
        read.set(features);
        recorder.changed(this, false);
    }

    @Override
    public void written(String layer, long features) {
        written.set(features);
        recorder.changed(this, false);
    }

    /** The pass has read the whole file: {@code features} is both the count read and the total. */
    void counted(long features) {
        read.set(features);
        total = features;
        recorder.changed(this, false);
    }

    void phase(Phase p) {
        phase = p;
        if (!p.finished()) recorder.changed(this, true);
    }
}
