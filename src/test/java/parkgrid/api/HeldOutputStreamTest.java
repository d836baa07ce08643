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

/**
 * {@link HeldOutputStream}: nothing reaches the client before release up to the limit, every byte in order either way,
 * and what is held is taken from the shared {@link HeldBudget} and given back on release, spill or discard.
 */
class HeldOutputStreamTest {
    private final ByteArrayOutputStream client = new ByteArrayOutputStream();
    private final AtomicInteger asked = new AtomicInteger();

    private final HeldBudget budget = new HeldBudget(64L << 20);

    private HeldOutputStream held(int limit) {
        return held(limit, budget);
    }

    private HeldOutputStream held(int limit, HeldBudget budget) {
        return new HeldOutputStream(() -> {
            asked.incrementAndGet();
            return client;
        }, limit, budget);
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

    @Test
    void aPageBeyondTheBudgetStreamsAndEveryHeldByteIsGivenBack() throws IOException {
        HeldBudget small = new HeldBudget(200_000);
        HeldOutputStream first = held(1 << 20, small);
        byte[] a = bytes(150_000, 7);
        first.write(a, 0, a.length);
        assertFalse(first.isStreaming());
        assertTrue(small.taken() >= 150_000 && small.taken() <= 200_000, small.taken() + " bytes held");
        HeldOutputStream second = held(1 << 20, small);
        byte[] b = bytes(120_000, 8);
        writeInPieces(second, b, 9);
        assertTrue(second.isStreaming(), "no room left in the budget: the second page streams");
        assertArrayEquals(b, client.toByteArray(), "all of it already went out, in order");
        second.release();
        second.discard();
        first.release();
        first.discard();
        assertEquals(0, small.taken(), "both pages gave their buffers back");
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(b, 0, both, 0, b.length);
        System.arraycopy(a, 0, both, b.length, a.length);
        assertArrayEquals(both, client.toByteArray());
    }

    @Test
    void aPageThatFailsWhileEncodingGivesItsBufferBackAndSendsNothing() throws IOException {
        HeldOutputStream out = held(1 << 20);
        out.write(bytes(300_000, 10));
        assertTrue(budget.taken() >= 300_000);
        out.discard(); // as ItemsHandler's finally does when the encoder threw
        assertEquals(0, budget.taken());
        assertEquals(0, asked.get(), "the response was never touched: the error can still be problem+json");
    }

    @Test
    void aSpilledPageHoldsNothingAnyMore() throws IOException {
        HeldOutputStream out = held(100_000);
        out.write(bytes(90_000, 11));
        out.write(bytes(20_000, 12));
        assertTrue(out.isStreaming());
        assertEquals(0, budget.taken(), "past its limit a page holds nothing");
        out.release();
        out.discard();
        assertEquals(0, budget.taken());
        assertEquals(110_000, client.size());
    }

    @Test
    void aBudgetNeverGoesPastItsSizeUnderConcurrentPages() throws Exception {
        HeldBudget shared = new HeldBudget(1 << 20);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
        java.util.List<java.util.concurrent.Future<byte[]>> pages = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            pages.add(pool.submit(() -> {
                ByteArrayOutputStream mine = new ByteArrayOutputStream();
                HeldOutputStream out = new HeldOutputStream(() -> mine, 1 << 20, shared);
                byte[] page = bytes(50_000 + 7_919 * n, n);
                try {
                    for (int at = 0; at < page.length; at += 4_096) {
                        out.write(page, at, Math.min(4_096, page.length - at));
                        most.accumulateAndGet(shared.taken(), Math::max);
                    }
                    out.release();
                } finally {
                    out.discard();
                }
                assertArrayEquals(page, mine.toByteArray(), "page " + n);
                return page;
            }));
        }
        for (var p : pages) p.get(30, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(most.get() <= 1 << 20, most.get() + " bytes held at most");
        assertEquals(0, shared.taken());
    }
}
