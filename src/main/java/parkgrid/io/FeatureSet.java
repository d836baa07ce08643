package parkgrid.io;

import java.util.List;
import parkgrid.feature.Feature;

/**
 * A small collection nested as a member of another (the coverage answer's {@code coverage_area}): GeoJSON
 * writes it as a FeatureCollection object, HTML as a table. Held in memory, so only for bounded sets.
 *
 * @param features CRS84 features, written in the encoder's CRS
 */
public record FeatureSet(List<Feature> features) {
    public FeatureSet {
        features = List.copyOf(features);
    }
}
