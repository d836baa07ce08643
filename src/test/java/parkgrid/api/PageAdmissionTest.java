package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;

/** {@link PageAdmission}: a bound on the work at once, arrival order, a busy answer after the wait, no worker lost. */
class PageAdmissionTest {
    @Test
    void noMoreThanTheWorkersRunAtOnceAndEveryRequestIsServed() throws Exception {
        PageAdmission admission = new PageAdmission(3);
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger(), done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            answers.add(pool.submit(() -> admission.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(2);
                running.decrementAndGet();
                done.incrementAndGet();
                return n;
            })));
        }
        for (int i = 0; i < answers.size(); i++) assertEquals(i, answers.get(i).get(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertEquals(60, done.get());
        assertEquals(3, most.get(), "at most 3 at once, and 12 callers kept all 3 busy");
    }

    @Test
    void waitingRequestsGetAWorkerInTheOrderTheyArrived() throws Exception {
        PageAdmission admission = new PageAdmission(1);
        CountDownLatch holding = new CountDownLatch(1), letGo = new CountDownLatch(1);
        Thread holder = holder(admission, holding, letGo);
        holding.await();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            Thread t = new Thread(() -> admission.run(() -> order.add(n)));
            t.start();
            waiting.add(t);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (admission.waiting() < i + 1 && System.nanoTime() < until) Thread.sleep(1); // queued before the next comes
            assertEquals(i + 1, admission.waiting(), "request " + n + " waits");
        }
        letGo.countDown();
        holder.join(10_000);
        for (Thread t : waiting) t.join(10_000);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }

    @Test
    void noWorkerFreeWithinTheWaitIsABusyAnswerAndLosesNoWorker() throws Exception {
        PageAdmission admission = new PageAdmission(1, Duration.ofMillis(100));
        CountDownLatch holding = new CountDownLatch(1), letGo = new CountDownLatch(1);
        Thread holder = holder(admission, holding, letGo);
        holding.await();
        long t0 = System.nanoTime();
        ParkGridException e = assertThrows(ParkGridException.Busy.class, () -> admission.run(() -> "never"));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(100), "waited the 100 ms first");
        assertTrue(e.getMessage().contains("PARKGRID_PAGE_WORKERS"), e.getMessage());
        letGo.countDown();
        holder.join(10_000);
        assertEquals("served", admission.run(() -> "served"), "the held worker came back");
    }

    @Test
    void aFailingPageGivesItsWorkerBack() {
        PageAdmission admission = new PageAdmission(1, Duration.ofMillis(100));
        for (int i = 0; i < 3; i++) {
            assertThrows(IllegalStateException.class, () -> admission.run(() -> {
                throw new IllegalStateException("encoding failed");
            }));
        }
        assertEquals(0, admission.waiting());
        assertEquals("served", admission.run(() -> "served"));
    }

    /** A thread that takes a worker, says so on {@code holding} and keeps it until {@code letGo}. */
    private static Thread holder(PageAdmission admission, CountDownLatch holding, CountDownLatch letGo) {
        Thread t = new Thread(() -> {
            try {
                admission.run(() -> {
                    holding.countDown();
                    letGo.await();
                    return null;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    @Test
    void noBoundRunsEveryRequestAtOnce() throws Exception {
        PageAdmission admission = new PageAdmission(0);
        CountDownLatch all = new CountDownLatch(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> admission.run(() -> {
                all.countDown();
                return all.await(10, TimeUnit.SECONDS); // only true if all 8 are inside at once
            })));
        }
        for (Future<Boolean> a : answers) assertTrue(a.get(20, TimeUnit.SECONDS));
        pool.shutdown();
        assertThrows(IllegalArgumentException.class, () -> new PageAdmission(-1));
    }
}
