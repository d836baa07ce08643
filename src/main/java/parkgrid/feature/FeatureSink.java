package parkgrid.feature;

import java.io.IOException;

/** Receives features one at a time as a store streams them; may write each straight to a response. */
@FunctionalInterface
public interface FeatureSink {
    void accept(Feature feature) throws IOException;
}
