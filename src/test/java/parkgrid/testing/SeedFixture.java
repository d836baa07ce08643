package parkgrid.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import parkgrid.feature.LayerData;
import parkgrid.io.SeedData;

/** The committed seed set read straight from its files: the independent answer key for store tests. */
public final class SeedFixture {
    private static final List<LayerData> SEED = SeedData.read();

    private SeedFixture() {}

    public static List<LayerData> layers() {
        return SEED;
    }

    public static Map<String, LayerData> byName() {
        return SEED.stream().collect(Collectors.toMap(d -> d.layer().name(), Function.identity()));
    }
}
