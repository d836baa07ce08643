package parkgrid.feature;

import java.util.List;

/** A layer definition with all its features in memory, as read from or written to a small file. */
public record LayerData(Layer layer, List<Feature> features) implements LayerSource {
    public LayerData {
        features = List.copyOf(features);
    }

    @Override
    public void forEach(FeatureSink sink) throws java.io.IOException {
        for (Feature f : features) sink.accept(f);
    }
}
