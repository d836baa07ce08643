package parkgrid.store;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;

/**
 * A store's in-memory registry of its layer definitions, read at open and kept in step with createLayer,
 * addProperty and deleteLayer made through this store.
 *
 * <p>When several server instances share one database, a layer created, changed or deleted through another
 * instance must show up here too: a catalog made with a {@link Source} compares the database's catalog
 * fingerprint at most once per {@code refreshInterval} (on the calling thread, one small query) and reloads
 * the definitions when it changed. The catalog is copy-on-write: readers never see a half-reloaded map.
 */
public final class LayerCatalog {
    /** Where the shared definitions live: a cheap fingerprint of them, and all of them. */
    public interface Source {
        String fingerprint();

        List<Layer> load();
    }

    private final Source source;
    private final long refreshNanos;
    private volatile Map<String, Layer> layers = Map.of();
    private volatile String fingerprint;
    /** When the fingerprint was last compared (System.nanoTime); the caller that moves it on does the check. */
    private final java.util.concurrent.atomic.AtomicLong checkedAt = new java.util.concurrent.atomic.AtomicLong();

    /** A catalog only this process changes (an embedded file). */
    public LayerCatalog() {
        this.source = null;
        this.refreshNanos = 0;
    }

    /**
     * A catalog shared through {@code source}, loaded now and re-checked at most once per {@code refreshInterval}.
     *
     * @throws IllegalArgumentException when {@code refreshInterval} is negative
     */
    public LayerCatalog(Source source, Duration refreshInterval) {
        if (refreshInterval.isNegative()) throw new IllegalArgumentException("refresh interval must not be negative, got " + refreshInterval);
        this.source = Objects.requireNonNull(source, "source");
        this.refreshNanos = refreshInterval.toNanos();
        reload();
    }

    /** Layers in name order. */
    public List<Layer> all() {
        return current().values().stream().sorted(Comparator.comparing(Layer::name)).toList();
    }

    public Optional<Layer> find(String name) {
        return Optional.ofNullable(name == null ? null : current().get(name));
    }

    /** @throws ParkGridException (not found) naming {@code collectionId} when there is no such layer */
    public Layer require(String name) {
        return find(name).orElseThrow(() -> ParkGridException.layerNotFound("collectionId", name));
    }

    public boolean contains(String name) {
        return current().containsKey(name);
    }

    /** Adds a layer, or replaces the definition of the layer of that name (after a property was added). */
    public synchronized void add(Layer layer) {
        Map<String, Layer> next = new HashMap<>(layers);
        next.put(layer.name(), layer);
        layers = Map.copyOf(next);
    }

    public synchronized void remove(String name) {
        Map<String, Layer> next = new HashMap<>(layers);
        next.remove(name);
        layers = Map.copyOf(next);
    }

    /**
     * The layers, after comparing the fingerprint when the interval has passed: one caller claims the check, the
     * others go on with the layers as they are (at most one interval old), so a busy server makes one small query
     * per interval instead of one per request in flight (all of them at once, each taking a pooled connection,
     * which was the PostGIS store's p99).
     */
    private Map<String, Layer> current() {
        if (source != null) {
            long last = checkedAt.get(), now = System.nanoTime();
            if (now - last >= refreshNanos && checkedAt.compareAndSet(last, now)) {
                if (!source.fingerprint().equals(fingerprint)) reload();
            }
        }
        return layers;
    }

    private synchronized void reload() {
        String before = source.fingerprint();
        Map<String, Layer> next = new HashMap<>();
        for (Layer l : source.load()) next.put(l.name(), l);
        layers = Map.copyOf(next);
        fingerprint = before;
        checkedAt.set(System.nanoTime());
    }
}
