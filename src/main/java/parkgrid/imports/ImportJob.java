package parkgrid.imports;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import parkgrid.store.ImportProgress;

/**
 * One import as a progress bar polls it: its phase, features read (the check pass) and written (the write
 * pass, inside the store's transaction: nothing is visible before {@code done}), then its report or failure.
 * Thread-safe: the import's thread writes, request threads read.
 */
public final class ImportJob implements ImportProgress, ImportCheck.Progress {
    /** Where an import is. */
    public enum Phase { QUEUED, CHECKING, WRITING, DONE, REJECTED, FAILED;
        /** The name in JSON: lower case. */
        public String apiName() { return name().toLowerCase(java.util.Locale.ROOT); }
        public boolean finished() { return this == DONE || this == REJECTED || this == FAILED; }
    }

    private final String id;
    private final ImportRequest request;
    private final Instant created = Instant.now();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile Phase phase = Phase.QUEUED;
    private volatile ImportReport report;
    private volatile RuntimeException failure;

    ImportJob(String id, ImportRequest request) {
        this.id = id;
        this.request = request;
    }

    public String id() { return id; }
    public ImportRequest request() { return request; }
    public Instant created() { return created; }
    public Phase phase() { return phase; }
    public long featuresRead() { return read.get(); }
    public long featuresWritten() { return written.get(); }
    /** The report once finished (not for a rejection: its report is in {@link #failure()}'s members), else null. */
    public ImportReport report() { return report; }
    /** Why a failed import failed (a {@link parkgrid.feature.ParkGridException} for the client's faults), else null. */
    public RuntimeException failure() { return failure; }

    @Override
    public void read(long features) {
        read.set(features);
    }

    @Override
    public void written(String layer, long features) {
        written.set(features);
    }

    void phase(Phase p) {
        phase = p;
    }

    void finish(ImportReport r) {
        report = r;
        phase = r.rejected() ? Phase.REJECTED : Phase.DONE;
    }

    /** A rejection (the problem carries the report) or another failure. */
    void fail(RuntimeException e) {
        failure = e;
        phase = e instanceof parkgrid.feature.ParkGridException p && p.members().containsKey("report") ? Phase.REJECTED : Phase.FAILED;
    }
}
