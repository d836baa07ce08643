package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link HeldOutputStream}: nothing reaches the client before release up to the limit, every byte in order either way. */
class HeldOutputStreamTest {
    private final ByteArrayOutputStream client = new ByteArrayOutputStream();
    private final AtomicInteger asked = new AtomicInteger();

    private HeldOutputStream held(int limit) {
        return new HeldOutputStream(() -> {
            asked.incrementAndGet();
            return client;
        }, limit);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Writes {@code data} in pieces of random sizes, single bytes among them. */
    private static void writeInPieces(OutputStream out, byte[] data, long seed) throws IOException {
        Random rnd = new Random(seed);
        int i = 0;
        while (i < data.length) {
            if (rnd.nextInt(4) == 0) {
                out.write(data[i++]);
                continue;
            }
            int n = Math.min(data.length - i, rnd.nextInt(70_000));
            out.write(data, i, n);
            i += n;
        }
        out.flush();
        out.close();
    }

    @Test
    void aPageWithinTheLimitReachesTheClientOnlyOnRelease() throws IOException {
        byte[] page = bytes(300_000, 1);
        HeldOutputStream out = held(1 << 20);
        writeInPieces(out, page, 2);
        assertEquals(0, asked.get(), "the response was not touched before release");
        assertFalse(out.isStreaming());
        out.release();
        assertArrayEquals(page, client.toByteArray());
        assertEquals(1, asked.get());
    }

    @Test
    void aPageExactlyAtTheLimitIsStillHeld() throws IOException {
        byte[] page = bytes(4096, 3);
        HeldOutputStream out = held(4096);
        out.write(page, 0, 4000);
        for (int i = 4000; i < 4096; i++) out.write(page[i]);
        assertEquals(0, asked.get());
        out.release();
        assertArrayEquals(page, client.toByteArray());
    }

    @Test
    void aPageBeyondTheLimitStreamsWhatWasHeldThenTheRest() throws IOException {
        byte[] page = bytes(1_000_000, 4);
        HeldOutputStream out = held(100_000);
        writeInPieces(out, page, 5);
        assertTrue(out.isStreaming());
        assertTrue(client.size() > 100_000, "past the limit the bytes went out before release");
        out.release();
        assertArrayEquals(page, client.toByteArray());
        assertEquals(1, asked.get(), "one response stream");
    }

    @Test
    void oneByteOverTheLimitStreams() throws IOException {
        byte[] page = bytes(101, 6);
        HeldOutputStream out = held(100);
        out.write(page, 0, 100);
        assertFalse(out.isStreaming());
        out.write(page[100]);
        assertTrue(out.isStreaming());
        out.release();
        assertArrayEquals(page, client.toByteArray());
    }

    @Test
    void anEmptyPageSendsNothingButTakesTheResponse() throws IOException {
        HeldOutputStream out = held(100);
        out.release();
        assertEquals(0, client.size());
        assertEquals(1, asked.get());
    }
}
