package parkgrid.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import parkgrid.feature.ParkGridException;

/**
 * How many item pages and vector tiles are read and encoded at once ({@code PARKGRID_PAGE_WORKERS}); the requests
 * beyond wait their turn in arrival order (a fair semaphore) for up to {@link #MAX_WAIT}, then get 503 with
 * {@code Retry-After}. Without it, every request in flight shares the cores at once: with 8 connections on 2 cores
 * the scheduler's time slices and whichever thread wins the store's next connection decide who finishes, and the
 * slowest page (p99) took 2.8–3.0× the median on the GeoPackage store and 2.2–2.35× on PostGIS; in arrival order a
 * page waits for the ones before it and no longer: 2.3–2.5× and 1.9–2.0× at the same throughput (bench/README,
 * session 9). Whole-layer exports are not admitted here: they run for seconds and would hold a
 * worker from every page behind them.
 */
final class PageAdmission {
    /** How long a request waits for a worker before the server answers that it is busy. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Semaphore workers;
    private final int size;
    private final Duration maxWait;
    private final HeldBudget held = new HeldBudget(HeldBudget.DEFAULT_BYTES);

    /** {@code size} workers (0: no bound, every request runs at once). */
    PageAdmission(int size) {
        this(size, MAX_WAIT);
    }

    PageAdmission(int size, Duration maxWait) {
        if (size < 0) throw new IllegalArgumentException("page workers must not be negative, got " + size);
        this.size = size;
        this.workers = size == 0 ? null : new Semaphore(size, true);
        this.maxWait = maxWait;
    }

    /** What the pages encoded by these workers may hold at once while they wait to be sent. */
    HeldBudget heldBudget() {
        return held;
    }

    /** How many requests are waiting for a worker now. */
    int waiting() {
        return workers == null ? 0 : workers.getQueueLength();
    }

    /** The work a worker does: the store's read and the encoding, not the socket. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} once a worker is free; 503 (busy) when none is within the wait. */
    <T, E extends Exception> T run(Work<T, E> work) throws E {
        if (workers == null) return work.run();
        try {
            if (!workers.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ParkGridException.busy(size + " pages and tiles are being encoded and no worker was free within "
                        + maxWait.toSeconds() + " s (PARKGRID_PAGE_WORKERS); try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ParkGridException.busy("interrupted while waiting for a page worker");
        }
        try {
            return work.run();
        } finally {
            workers.release();
        }
    }
}
