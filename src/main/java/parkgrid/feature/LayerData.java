package parkgrid.feature;

import java.util.List;

/** A layer definition with its features, as read from or written to a file. */
public record LayerData(Layer layer, List<Feature> features) {
    public LayerData {
        features = List.copyOf(features);
    }
}
