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
 * request stays bounded whatever the features.
 */
final class HeldOutputStream extends OutputStream {
    /** How much of a page is held: a 1 000-feature page of villages is 0.3 MB, one of 10 000 3 MB. */
    static final int DEFAULT_LIMIT = 4 << 20;

    private final Supplier<OutputStream> target;
    private final int limit;
    private byte[] held = new byte[1 << 16];
    private int count;
    private OutputStream streaming;

    HeldOutputStream(Supplier<OutputStream> target, int limit) {
        this.target = target;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (streaming != null) {
            streaming.write(b);
            return;
        }
        if (count + 1 > limit) {
            spill();
            streaming.write(b);
            return;
        }
        if (count == held.length) held = Arrays.copyOf(held, Math.min(limit, held.length * 2));
        held[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (streaming != null) {
            streaming.write(b, off, len);
            return;
        }
        if (count + len > limit) {
            spill();
            streaming.write(b, off, len);
            return;
        }
        if (count + len > held.length) {
            held = Arrays.copyOf(held, Math.min(limit, Math.max(count + len, held.length * 2)));
        }
        System.arraycopy(b, off, held, count, len);
        count += len;
    }

    /** Whether the page outgrew the limit and is streaming to the client. */
    boolean isStreaming() {
        return streaming != null;
    }

    /** Sends what is held (all of the page unless it outgrew the limit, when nothing is left to send). */
    void release() throws IOException {
        if (streaming != null) {
            streaming.flush();
            return;
        }
        OutputStream out = target.get();
        out.write(held, 0, count);
        held = null;
        streaming = out;
    }

    private void spill() throws IOException {
        streaming = target.get();
        streaming.write(held, 0, count);
        held = null;
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
