package parkgrid.io;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;

/**
 * Encoded GeoJSON Feature objects (CRS84, every property: what pages and GeoJSON exports write), kept by layer shape and
 * feature id with the row's stamp ({@link parkgrid.feature.StoredRow}), so a page whose features were written before
 * only copies their bytes: no geometry or property decoding, no JSON writing. An entry answers only while its stamp is
 * the row's and its layer shape (name, table incarnation, property definitions) is the one the row was read with;
 * anything else is a miss and is encoded again. Bounded by the size of the encoded bytes (least recently and least often
 * used go first); safe for concurrent use. The cache holds no state a store does not have: an instance that shares a
 * PostGIS database with others answers the same bytes, since every row's stamp comes from the database with the row.
 */
public final class EncodedFeatureCache {
    /** Per entry beyond its bytes: the key and entry objects and the map's node, roughly. */
    private static final int ENTRY_OVERHEAD = 96;
    private static final int MAX_SHAPES = 10_000;

    private final Cache<Key, Entry> entries;
    private final ConcurrentHashMap<Shape, Integer> shapes = new ConcurrentHashMap<>();
    private final AtomicInteger nextShape = new AtomicInteger();
    private final LongAdder hits = new LongAdder(), misses = new LongAdder();
    private final long maxBytes;

    private record Shape(String layer, long incarnation, List<PropertyDefinition> properties) {}

    private record Key(int shape, long id) {}

    private record Entry(long stamp, byte[] bytes) {}

    private EncodedFeatureCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.entries = maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> e.bytes.length + ENTRY_OVERHEAD).build();
    }

    /**
     * A cache of at most {@code maxBytes} of encoded features; 0 keeps none (every feature is encoded on each request).
     *
     * @throws IllegalArgumentException when {@code maxBytes} is negative
     */
    public static EncodedFeatureCache ofBytes(long maxBytes) {
        if (maxBytes < 0) throw new IllegalArgumentException("cache size must not be negative, got " + maxBytes);
        return new EncodedFeatureCache(maxBytes);
    }

    /** False for a cache of size 0. */
    public boolean isEnabled() {
        return entries != null;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The number of a layer shape: the same for the same name, incarnation and property definitions, another one (never
     * used before in this cache) for anything else.
     */
    public int shape(Layer layer, long tableIncarnation) {
        Shape s = new Shape(layer.name(), tableIncarnation, layer.properties());
        Integer known = shapes.get(s);
        if (known != null) return known;
        // Old shapes (a layer re-created or bulk-written many times) are forgotten; their entries can no longer be asked
        // for, since numbers are never given twice, and leave by eviction.
        if (shapes.size() >= MAX_SHAPES) shapes.clear();
        return shapes.computeIfAbsent(s, x -> nextShape.getAndIncrement());
    }

    /** The bytes stored for feature {@code id} of {@code shape} at {@code stamp}, or null. */
    public byte[] get(int shape, long id, long stamp) {
        if (entries == null) return null;
        Entry e = entries.getIfPresent(new Key(shape, id));
        if (e != null && e.stamp == stamp) {
            hits.increment();
            return e.bytes;
        }
        misses.increment();
        return null;
    }

    /** Whether current bytes of feature {@code id} of {@code shape} at {@code stamp} are held (not counted as a hit or miss). */
    public boolean holds(int shape, long id, long stamp) {
        if (entries == null) return false;
        Entry e = entries.getIfPresent(new Key(shape, id));
        return e != null && e.stamp == stamp;
    }

    /** Keeps {@code bytes} (not copied: the caller must not change them) as feature {@code id} of {@code shape} at {@code stamp}. */
    public void put(int shape, long id, long stamp, byte[] bytes) {
        if (entries != null) entries.put(new Key(shape, id), new Entry(stamp, bytes));
    }

    /** Lookups that found current bytes, since the start. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that did not, since the start. */
    public long misses() {
        return misses.sum();
    }

    /** The bytes (with the per-entry overhead) held now, at most {@link #maxBytes()}. */
    public long weightedSize() {
        if (entries == null) return 0;
        entries.cleanUp();
        return entries.policy().eviction().map(ev -> ev.weightedSize().orElse(0)).orElse(0L);
    }
}
