package parkgrid.store.geopackage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GeoPackage store's count of each layer's bulk writes and re-creations ({@link parkgrid.feature.StoredRow#tableIncarnation}).
 * A bulk write (import, append, insert) stores features at version 1 and a re-created layer starts its ids and versions
 * again, so neither moves a feature's version on: the store moves the layer's incarnation on after each of them instead
 * (also after a failed one: that costs a cache its entries, never a stale answer). Numbers come from one counter of the
 * process, so two stores, or one layer deleted and created again, never share one.
 */
final class LayerIncarnations {
    private static final AtomicLong NEXT = new AtomicLong(1);

    private final ConcurrentHashMap<String, Long> current = new ConcurrentHashMap<>();

    /** The layer's current incarnation; the first call for a name gives it one. */
    long of(String layerName) {
        return current.computeIfAbsent(layerName, n -> NEXT.getAndIncrement());
    }

    /** Moves the layer on to a new incarnation (call after the write, whether it committed or not). */
    void renew(String layerName) {
        current.put(layerName, NEXT.getAndIncrement());
    }
}
