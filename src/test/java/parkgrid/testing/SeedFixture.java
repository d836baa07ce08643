package parkgrid.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import parkgrid.feature.LayerData;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureChecks;

/**
 * The committed seed set read straight from its files, values typed by the layer schemas as a store holds
 * them: the independent answer key for store tests.
 */
public final class SeedFixture {
    private static final List<LayerData> SEED = SeedData.read().stream().map(FeatureChecks::checked).toList();

    private SeedFixture() {}

    public static List<LayerData> layers() {
        return SEED;
    }

    public static Map<String, LayerData> byName() {
        return SEED.stream().collect(Collectors.toMap(d -> d.layer().name(), Function.identity()));
    }
}
