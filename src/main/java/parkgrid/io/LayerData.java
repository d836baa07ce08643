package parkgrid.io;

import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;

/** A layer definition with its features, as read from or written to a file. */
public record LayerData(Layer layer, List<Feature> features) {
    public LayerData {
        features = List.copyOf(features);
    }
}
