package parkgrid.feature;

import java.io.IOException;
import java.util.function.Predicate;

/** Receives the rows of {@code FeatureStore.forEachStored} one at a time. */
@FunctionalInterface
public interface StoredRowSink {
    void accept(StoredRow row) throws IOException;

    /**
     * Whether the sink will need {@link StoredRow#feature()} of this row (false when it holds the row's content already,
     * by its stamp). A store may ask before {@link #accept} and read the features of only the rows that need them; the
     * row's feature must still be readable in {@code accept} when the answer was false.
     */
    default boolean needsFeature(StoredRow row) {
        return true;
    }

    /** A sink that writes each row with {@code accept} and tells {@link #needsFeature} by {@code holds} (true: not needed). */
    static StoredRowSink of(StoredRowSink accept, Predicate<StoredRow> holds) {
        return new StoredRowSink() {
            @Override public void accept(StoredRow row) throws IOException { accept.accept(row); }

            @Override public boolean needsFeature(StoredRow row) { return !holds.test(row); }
        };
    }
}
