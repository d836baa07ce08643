package parkgrid.feature;

import java.io.IOException;

/**
 * One row of a store read as the cursor stands on it ({@link FeatureStore#forEachStored}): its id, what says when its
 * content changed, and the feature, decoded only when {@link #feature()} is called. Valid only inside
 * {@link StoredRowSink#accept}; the store reuses the object for the next row.
 *
 * <p>{@code (layer().properties(), tableIncarnation(), id(), stamp())} identify the row's content: any write that changes
 * a feature's geometry or properties changes its stamp or the table's incarnation, so a cache of encoded features can
 * be keyed by them and never answers an old state.
 */
public interface StoredRow {
    /** The layer definition the row was read with (its property columns, in this order). */
    Layer layer();

    long id();

    /**
     * Which incarnation of the layer's table holds the row: PostgreSQL's {@code tableoid} (a re-created table gets another),
     * the GeoPackage store's own count of the layer's bulk writes and re-creations.
     */
    long tableIncarnation();

    /**
     * Changes whenever the row's content may have changed: the feature's version on the GeoPackage (every single-feature
     * write moves it on; bulk writes move the incarnation on), the row's {@code xmin} on PostGIS (any write, even one made
     * past ParkGrid, writes a new row version).
     */
    long stamp();

    /** The feature, decoded from the row on the first call. */
    Feature feature() throws IOException;
}
