package parkgrid.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/** Reads the located features of a layer: features without a place (null geometry) take no part in an analysis. */
final class LocatedFeatures {
    private LocatedFeatures() {}

    static List<Feature> read(FeatureStore store, String layer) throws IOException {
        List<Feature> out = new ArrayList<>();
        store.forEach(layer, FeatureQuery.all(), f -> {
            if (f.hasGeometry()) out.add(f);
        });
        return out;
    }
}
