package parkgrid.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerData;
import parkgrid.feature.Neighbour;

/**
 * A spatial store of layers. Geometries are EPSG:4326 lon/lat. Implementations are thread-safe; every
 * write is atomic (all features of a call or none).
 */
public interface FeatureStore extends AutoCloseable {

    /** Layers in name order. */
    List<Layer> layers();

    Optional<Layer> layer(String name);

    /** Creates an empty layer (table, spatial index, metadata). @throws parkgrid.feature.ParkGridException (conflict) if it exists */
    void createLayer(Layer layer);

    /**
     * Creates every layer and inserts its features, all or nothing: after a failure no layer of the
     * batch exists. Used for the first seed and for imports.
     */
    void importLayers(List<LayerData> layers);

    /**
     * Inserts features with their ids, all or none. Properties not in the schema are rejected; geometry
     * must match the layer's geometry kind.
     */
    void insert(String layerName, List<Feature> features);

    /** The bounding box of all features of the layer, empty when the layer has none. */
    Optional<Envelope> extent(String layerName);

    /** Number of features matching the query's filters (paging ignored). */
    long count(String layerName, FeatureQuery query);

    /** Streams the matching features, ordered by id, to {@code sink}. */
    void forEach(String layerName, FeatureQuery query, FeatureSink sink) throws IOException;

    Optional<Feature> feature(String layerName, long id);

    /**
     * The {@code k} features nearest to a lon/lat point, nearest first (ties by id), with distances in
     * metres. The default searches growing boxes through {@link #forEach}'s spatial index.
     */
    default List<Neighbour> nearest(String layerName, Coordinate lonLat, int k) {
        layer(layerName).orElseThrow(() -> parkgrid.feature.ParkGridException.layerNotFound("collectionId", layerName));
        return ExpandingNearestSearch.nearest(this, layerName, lonLat, k);
    }

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
