package parkgrid.api;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes all {@link HeldOutputStream}s of a server may hold at once. A held page is sent after its worker
 * is free, so pages waiting for slow clients would otherwise add up to 4 MB each without bound; once the budget is
 * taken, further pages stream as they are encoded (holding their worker while the client reads), as every page did
 * before pages were held.
 */
final class HeldBudget {
    /** 32 MB: a hundred 1 000-village pages, or eight of the largest a page may be held whole. */
    static final long DEFAULT_BYTES = 32L << 20;

    private final long max;
    private final AtomicLong taken = new AtomicLong();

    HeldBudget(long max) {
        if (max < 0) throw new IllegalArgumentException("a held-bytes budget must not be negative, got " + max);
        this.max = max;
    }

    /** Takes {@code bytes} of the budget; false (and nothing taken) when that would exceed it. Never over, even briefly. */
    boolean take(long bytes) {
        while (true) {
            long now = taken.get();
            if (now + bytes > max) return false;
            if (taken.compareAndSet(now, now + bytes)) return true;
        }
    }

    void giveBack(long bytes) {
        taken.addAndGet(-bytes);
    }

    /** The bytes held now. */
    long taken() {
        return taken.get();
    }
}
