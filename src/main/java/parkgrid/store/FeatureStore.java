package parkgrid.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.Neighbour;
import parkgrid.feature.StoredRowSink;

/**
 * A spatial store of layers. Geometries are EPSG:4326 lon/lat. Implementations are thread-safe; every
 * write is atomic (all features of a call or none). Every feature has a version, 1 when first stored;
 * single-feature writes ({@link #create}, {@link #change}) check it and leave an audit record in the same
 * transaction.
 */
public interface FeatureStore extends AutoCloseable {

    /** Layers in name order. */
    List<Layer> layers();

    Optional<Layer> layer(String name);

    /** Creates an empty layer (table, spatial index, metadata). @throws parkgrid.feature.ParkGridException (conflict) if it exists */
    void createLayer(Layer layer);

    /**
     * Adds {@code property} after the layer's properties: the column (existing features get null) and the
     * stored layer definition change in one transaction.
     *
     * @return the layer's new definition
     * @throws parkgrid.feature.ParkGridException not found (no such layer), conflict (the property exists)
     */
    Layer addProperty(String layerName, parkgrid.feature.PropertyDefinition property);

    /**
     * Deletes the layer in one transaction: its table (with its index), its definition, and its features'
     * versions and audit records, so a later layer of the same name starts afresh.
     *
     * @throws parkgrid.feature.ParkGridException not found when there is no such layer
     */
    void deleteLayer(String layerName);

    /**
     * Creates every layer and inserts its features, all or nothing: after a failure (a feature the checks
     * reject, an id twice, a source that cannot be read, or the process dying) no layer of the batch exists.
     * The features are streamed from each source in batches ({@link ImportBatches}), so memory stays flat
     * in the layers' size; nothing is visible to readers before the whole import commits. Used for the first
     * seed and for imports.
     *
     * @param progress told after every batch
     * @throws parkgrid.feature.ParkGridException 409 when a layer exists, 400 naming the first bad feature
     * @throws java.io.UncheckedIOException when a source cannot be read
     */
    void importLayers(List<? extends LayerSource> layers, ImportProgress progress);

    /** {@link #importLayers(List, ImportProgress)} without progress reports. */
    default void importLayers(List<? extends LayerSource> layers) {
        importLayers(layers, ImportProgress.NONE);
    }

    /**
     * Appends the features of {@code source} to the existing layer {@code layerName}, all or nothing, streamed
     * and checked in batches as {@link #importLayers} does ({@link ImportBatches}): after a failure (a feature the
     * checks reject, an id the layer holds already, a source that cannot be read) the layer is as it was.
     * {@code source.layer()} must be the stored definition of the layer.
     *
     * @return the number of features appended
     * @throws parkgrid.feature.ParkGridException 404 when there is no such layer, 400 naming the first bad feature
     *         or an id the layer holds already
     * @throws java.io.UncheckedIOException when the source cannot be read
     */
    long appendFeatures(String layerName, LayerSource source, ImportProgress progress);

    /** The highest feature id of the layer, 0 when it is empty. */
    long maxId(String layerName);

    /**
     * Inserts features with their ids, all or none. Properties not in the schema are rejected; geometry
     * must match the layer's geometry kind.
     */
    void insert(String layerName, List<Feature> features);

    /** The bounding box of all features of the layer, empty when the layer has none. */
    Optional<Envelope> extent(String layerName);

    /**
     * How many features the layer holds, without counting its rows on each call: the GeoPackage keeps the number
     * in {@code gpkg_ogr_contents} (maintained by triggers, as GDAL does); PostGIS counts a layer the planner
     * estimates below a million rows exactly ({@code count(*)}) and answers the planner's estimate, labelled as
     * one, for a bigger layer.
     */
    ItemCount itemCount(String layerName);

    /** Number of features matching the query's filters (paging ignored). */
    long count(String layerName, FeatureQuery query);

    /** Streams the matching features, ordered by id, to {@code sink}. */
    void forEach(String layerName, FeatureQuery query, FeatureSink sink) throws IOException;

    /**
     * Streams the matching rows as {@link #forEach} does, each with what identifies its content ({@link StoredRow}), and
     * decodes a row's feature only when the sink asks for it: a sink that holds the encoded feature already skips the
     * decoding.
     */
    void forEachStored(String layerName, FeatureQuery query, StoredRowSink sink) throws IOException;

    /** Takes a page's number of matching features before its first row (the response's head needs it). */
    @FunctionalInterface
    interface MatchedCount {
        void accept(long matched) throws IOException;
    }

    /**
     * A page as a response writes it: how many features match the query's filters (paging ignored, as {@link #count})
     * to {@code matched}, then the page's rows to {@code sink} as {@link #forEachStored} streams them. This default
     * counts, then reads; a store that can count in the page's own pass overrides it (PostGIS: {@code count(*) OVER ()}
     * in the page's id query, one statement instead of two).
     */
    default void page(String layerName, FeatureQuery query, MatchedCount matched, StoredRowSink sink) throws IOException {
        matched.accept(count(layerName, query));
        forEachStored(layerName, query, sink);
    }

    Optional<Feature> feature(String layerName, long id);

    /**
     * The feature with its version (the ETag value) and the time it was written; empty when there is none.
     */
    Optional<VersionedFeature> versioned(String layerName, long id);

    /**
     * Inserts one new feature at version 1 and records its audit entry (before: none) in the same
     * transaction. Checked as {@link #insert} checks.
     *
     * @param who who makes the change, as the audit trail names them
     * @throws parkgrid.feature.ParkGridException 409 when the id exists, 400 for a feature the schema rejects
     */
    default VersionedFeature create(String layerName, Feature feature, String who) {
        return create(layerName, java.util.OptionalLong.of(feature.id()), feature.geometry(), feature.properties(), who);
    }

    /**
     * Inserts one new feature with its audit record in one transaction, through the one flow of both stores
     * ({@link VersionedChange#create}). Without an id the store picks the next free one inside the write
     * transaction (one more than the largest id the layer holds or its audit trail names: concurrent creators
     * never get the same id, and a deleted feature's id is not reused). The version is 1 for an id never used.
     *
     * @param id         the id the client chose, or empty
     * @param geometry   EPSG:4326 lon/lat, or null for a feature without a place
     * @param who        who makes the change, as the audit trail names them
     * @return the stored feature with its id and version
     * @throws parkgrid.feature.ParkGridException 409 when the id exists, 400 for a feature the schema rejects
     */
    VersionedFeature create(String layerName, java.util.OptionalLong id, org.locationtech.jts.geom.Geometry geometry,
                            java.util.Map<String, Object> properties, String who);

    /**
     * Puts feature {@code id} back as it was at {@code toVersion} (re-creating it when it was deleted), as a new
     * version with its own audit record ({@link AuditRecord.Action#REVERT}), in one transaction.
     *
     * @param expectedVersion when present, the version the feature must be at now (for a deleted feature, the
     *                        version of its delete record); otherwise whatever is current is replaced
     * @throws parkgrid.feature.ParkGridException 404 when there is no such feature or version, 400 when
     *         {@code toVersion} is the feature's deletion, 412 when {@code expectedVersion} is not current
     */
    VersionedFeature revert(String layerName, long id, long toVersion, java.util.OptionalLong expectedVersion, String who);

    /**
     * The one versioned write: applies {@code edit} to feature {@code id} if and only if it is at
     * {@code expectedVersion}, increments the version and writes one audit record (before, after) in the
     * same transaction. Atomic: a failed write changes nothing. Of several writers naming the same version
     * exactly one succeeds; the others get 412 (no lost update).
     *
     * @return the feature after the edit with its new version; empty after a delete
     * @throws parkgrid.feature.ParkGridException 404 when there is no such feature, 412 when the version is
     *         not {@code expectedVersion}, 400 when the edited feature breaks the schema
     */
    Optional<VersionedFeature> change(String layerName, long id, long expectedVersion, String who, FeatureEdit edit);

    /** Replaces the whole feature {@code replacement.id()}; see {@link #change}. */
    default VersionedFeature replace(String layerName, Feature replacement, long expectedVersion, String who) {
        return change(layerName, replacement.id(), expectedVersion, who, new FeatureEdit.Replace(replacement)).orElseThrow();
    }

    /**
     * Sets the named properties (a null value clears one) and, when {@code geometry} is not null, the
     * geometry (EPSG:4326 lon/lat); see {@link #change}.
     */
    default VersionedFeature patch(String layerName, long id, java.util.Map<String, Object> properties,
                                   org.locationtech.jts.geom.Geometry geometry, long expectedVersion, String who) {
        return change(layerName, id, expectedVersion, who, new FeatureEdit.Patch(properties, geometry)).orElseThrow();
    }

    /** Deletes feature {@code id}; see {@link #change}. */
    default void delete(String layerName, long id, long expectedVersion, String who) {
        change(layerName, id, expectedVersion, who, new FeatureEdit.Delete());
    }

    /** Every audit record of one feature, oldest first (empty for a feature never changed through {@link #change}/{@link #create}). */
    List<AuditRecord> history(String layerName, long id);

    /**
     * The {@code k} features nearest to a lon/lat point, nearest first (ties by id), with distances in
     * metres. The default searches growing boxes through {@link #forEach}'s spatial index.
     */
    default List<Neighbour> nearest(String layerName, Coordinate lonLat, int k) {
        layer(layerName).orElseThrow(() -> parkgrid.feature.ParkGridException.layerNotFound("collectionId", layerName));
        return ExpandingNearestSearch.nearest(this, layerName, lonLat, k);
    }

    /**
     * The layer's part of one vector tile, as a complete Mapbox Vector Tile holding one layer named after the
     * layer (no bytes when no feature is in the tile): features read through the index with the tile's box in
     * EPSG:4326 and built by {@link parkgrid.io.mvt.TileLayerBuilder} (clipped, simplified to a pixel, thinned).
     * The tiles of several layers concatenated are the multi-layer tile.
     *
     * @throws parkgrid.feature.ParkGridException not found (no such layer), time limit (past {@code tile.deadline()})
     */
    default byte[] tile(String layerName, TileQuery tile) {
        layer(layerName).orElseThrow(() -> parkgrid.feature.ParkGridException.layerNotFound("collectionId", layerName));
        parkgrid.io.mvt.TileLayerBuilder builder = new parkgrid.io.mvt.TileLayerBuilder(layerName, tile.zoom(), tile.row(), tile.col(),
                tile.properties(), tile.deadline());
        Envelope box = parkgrid.io.mvt.TileLayerBuilder.readEnvelope(tile.zoom(), tile.row(), tile.col());
        try {
            forEach(layerName, new FeatureQuery(box, java.util.Map.of(), tile.filter(), List.of(), FeatureQuery.UNLIMITED, 0), builder::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return builder.toTile();
    }

    /** The bearer tokens kept in this store, as hashes. */
    TokenStore tokens();

    /** The import jobs kept in this store, so that any instance over it answers a progress poll. */
    ImportJobStore importJobs();

    /**
     * Short description for the server's own log, e.g. {@code GeoPackage data/parkgrid.gpkg}: it names the file or
     * JDBC URL, so it never goes into a response (use {@link #kind()} there).
     */
    String description();

    /** What kind of store this is, safe to show anyone: {@code geopackage} or {@code postgis}. */
    String kind();

    @Override
    void close();
}
