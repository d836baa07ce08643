package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;

/** A shared catalog checks its source once per interval, however many callers are in flight, and follows a change. */
class LayerCatalogTest {
    private static Layer layer(String name) {
        return new Layer(name, name, null, null, GeometryKind.POINT, List.of(), null, null);
    }

    /** A source whose fingerprint calls are counted and take a while, as a query does. */
    private static final class CountingSource implements LayerCatalog.Source {
        final AtomicInteger fingerprints = new AtomicInteger();
        volatile List<Layer> layers = List.of(layer("villages"));

        @Override public String fingerprint() {
            fingerprints.incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return layers.stream().map(Layer::name).toList().toString();
        }

        @Override public List<Layer> load() {
            return layers;
        }
    }

    @Test
    void callersInFlightShareOneCheckPerInterval() throws Exception {
        CountingSource source = new CountingSource();
        LayerCatalog catalog = new LayerCatalog(source, Duration.ofMillis(200));
        int afterLoad = source.fingerprints.get();
        Thread.sleep(250); // the interval has passed: the next callers find a check due
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 1000; i++) assertTrue(catalog.contains("villages"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) th.join();
        assertEquals(1, source.fingerprints.get() - afterLoad, "8 callers at once made one check, not one each");
    }

    @Test
    void aChangeInTheSourceShowsAfterTheInterval() throws Exception {
        CountingSource source = new CountingSource();
        LayerCatalog catalog = new LayerCatalog(source, Duration.ofMillis(50));
        source.layers = List.of(layer("villages"), layer("lines"));
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!catalog.contains("lines") && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(catalog.contains("lines"));
        assertEquals(List.of("lines", "villages"), catalog.all().stream().map(Layer::name).toList());
    }
}
