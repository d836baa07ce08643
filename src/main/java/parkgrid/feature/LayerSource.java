package parkgrid.feature;

import java.io.IOException;

/**
 * A layer definition and its features, handed over one feature at a time: what an import streams into a
 * store, so that a 200 000-feature file never has to be held in memory. {@link LayerData} is the in-memory
 * kind; {@code parkgrid.io} readers give streaming ones over a file.
 *
 * <p>{@link #forEach} passes the features in file order, as parsed (values as the file gives them; the store
 * checks and types them). It may be called more than once and gives the same features each time; a reader
 * that cannot tell a feature's shape throws {@link IllegalArgumentException} naming it.
 */
public interface LayerSource {

    /** The layer the features belong to: name, geometry kind and typed schema. */
    Layer layer();

    /** Passes every feature, in order, to {@code sink}; stops at the first exception {@code sink} throws. */
    void forEach(FeatureSink sink) throws IOException;
}
