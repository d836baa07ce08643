package parkgrid.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Holds what is written, up to {@code limit} bytes, so that a page is encoded in full before its first byte goes
 * to the client: the page worker ({@link PageAdmission}) is free again before a slow client reads it, and a
 * problem found while encoding still becomes a problem+json answer instead of a cut-off 200. A page larger than
 * the limit is not held whole: what is held goes out and the rest streams, as every page did before, so memory per
 * request stays bounded whatever the features; and what all pages hold together is bounded by a {@link HeldBudget}
 * (a page that cannot grow its buffer within it streams from there on). {@link #discard} gives the buffer back when
 * a page ends without {@link #release} (an error while encoding).
 */
final class HeldOutputStream extends OutputStream {
    /** How much of a page is held: a 1 000-feature page of villages is 0.3 MB, one of 10 000 3 MB. */
    static final int DEFAULT_LIMIT = 4 << 20;

    private static final int FIRST_BUFFER = 1 << 16;

    private final Supplier<OutputStream> target;
    private final int limit;
    private final HeldBudget budget;
    private byte[] held = new byte[0];
    private int count;
    private OutputStream streaming;

    HeldOutputStream(Supplier<OutputStream> target, int limit, HeldBudget budget) {
        this.target = target;
        this.limit = limit;
        this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
        if (streaming != null) {
            streaming.write(b);
            return;
        }
        if (count == held.length && !grow(count + 1)) {
            spill();
            streaming.write(b);
            return;
        }
        held[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (streaming != null) {
            streaming.write(b, off, len);
            return;
        }
        if (count + len > held.length && !grow(count + len)) {
            spill();
            streaming.write(b, off, len);
            return;
        }
        System.arraycopy(b, off, held, count, len);
        count += len;
    }

    /** Whether the page outgrew its limit or found no room in the budget, and is streaming to the client. */
    boolean isStreaming() {
        return streaming != null;
    }

    /** A buffer for {@code needed} bytes within the limit and the budget; false when the page must stream instead. */
    private boolean grow(int needed) {
        if (needed > limit) return false;
        int size = Math.min(limit, Math.max(needed, Math.max(FIRST_BUFFER, held.length * 2)));
        if (!budget.take(size - held.length)) return false;
        held = Arrays.copyOf(held, size);
        return true;
    }

    /** Sends what is held (all of the page unless it streams already, when nothing is left to send). */
    void release() throws IOException {
        if (streaming != null) {
            streaming.flush();
            return;
        }
        OutputStream out = target.get();
        try {
            out.write(held, 0, count);
        } finally {
            discard();
        }
        streaming = out;
    }

    /** Gives the held buffer back to the budget, sending nothing (also after {@link #release}: then a no-op). */
    void discard() {
        if (held == null) return;
        budget.giveBack(held.length);
        held = null;
    }

    private void spill() throws IOException {
        streaming = target.get();
        try {
            streaming.write(held, 0, count);
        } finally {
            discard();
        }
    }

    @Override
    public void flush() throws IOException {
        if (streaming != null) streaming.flush(); // nothing held goes out before release() or the page outgrowing the limit
    }

    @Override
    public void close() {
        // the target belongs to the response
    }
}
