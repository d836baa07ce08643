package parkgrid.feature;

import java.io.IOException;

/** Receives the rows of {@link FeatureStore#forEachStored} one at a time. */
@FunctionalInterface
public interface StoredRowSink {
    void accept(StoredRow row) throws IOException;
}
