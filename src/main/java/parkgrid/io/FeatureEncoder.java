package parkgrid.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import parkgrid.feature.Feature;

/**
 * Writes one feature collection to a stream in one format, a feature at a time: {@link #start}, then
 * {@link #feature} for each feature as the store's cursor yields it, then {@link #end}. An encoder holds
 * no feature after writing it, so an export of a whole layer needs memory for one feature, not the layer.
 * One encoder per answer; not thread-safe. {@link #close()} flushes and closes the stream.
 */
public interface FeatureEncoder extends Closeable {
    /** Writes what comes before the features; the metadata's links and extra members are kept for {@link #end}. */
    void start(CollectionMetadata metadata) throws IOException;

    /** Writes one stored feature (CRS84); the encoder applies its {@link EncodingOptions}. */
    void feature(Feature f) throws IOException;

    /**
     * Writes one stored row; the default decodes its feature and writes that. An encoder given a cache
     * ({@link #useCache}) may copy the row's encoded bytes instead.
     */
    default void row(parkgrid.feature.StoredRow row) throws IOException {
        feature(row.feature());
    }

    /** Whether {@link #row} would write this row without its feature (its encoded bytes are at hand). */
    default boolean holds(parkgrid.feature.StoredRow row) {
        return false;
    }

    /** This encoder as the sink of a store read: {@link #row} for each row, {@link #holds} to say which need no feature. */
    default parkgrid.feature.StoredRowSink rows() {
        return parkgrid.feature.StoredRowSink.of(this::row, this::holds);
    }

    /**
     * Offers a cache of encoded features; an encoder that writes what the cache holds (GeoJSON in CRS84 with every
     * property) uses it in {@link #row}, any other ignores it.
     */
    default void useCache(EncodedFeatureCache cache) {}

    /** Writes what comes after the features: links, the extra members of {@link #start}, then {@code trailing}. */
    void end(Map<String, Object> trailing) throws IOException;

    default void end() throws IOException {
        end(Map.of());
    }
}
