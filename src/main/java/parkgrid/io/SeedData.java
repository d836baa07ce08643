package parkgrid.io;

import parkgrid.feature.LayerData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import parkgrid.store.FeatureStore;

/**
 * The committed seed set ({@code data/seed/}, packaged as classpath {@code /seed/}): the layer files
 * listed in {@code layers.txt}, loaded into a store that has no layers yet.
 */
public final class SeedData {
    private SeedData() {}

    /** Reads every seed layer from the classpath, parsed only: a store's import checks and types the features. */
    public static List<LayerData> read() {
        List<LayerData> layers = new ArrayList<>();
        for (String file : layerFiles()) {
            try (InputStream in = resource(file)) {
                layers.add(GeoJsonLayerReader.read(in, file.replace(".geojson", "")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read seed file " + file, e);
            }
        }
        return layers;
    }

    /**
     * Creates and fills every seed layer when the store has no layers; does nothing otherwise.
     *
     * @return true when the seed was loaded
     */
    public static boolean loadIfEmpty(FeatureStore store) {
        if (!store.layers().isEmpty()) return false;
        store.importLayers(read());
        return true;
    }

    private static List<String> layerFiles() {
        try (InputStream in = resource("layers.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = SeedData.class.getResourceAsStream("/seed/" + file);
        if (in == null) throw new IllegalStateException("seed file /seed/" + file + " is missing from the classpath");
        return in;
    }
}
