package parkgrid.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of import formats: which {@code format} value or file name ending picks which
 * {@link LayerReader}. {@link #STANDARD} holds what ParkGrid reads; a new format is one reader and one
 * {@code register} line in {@link #standard()}.
 */
public final class LayerReaders {
    /** GeoJSON FeatureCollections with ParkGrid's layer members ({@link GeoJsonLayerReader}). */
    public static final LayerReader GEOJSON = new LayerReader() {
        @Override public String id() { return "geojson"; }
        @Override public List<String> extensions() { return List.of(".geojson", ".json"); }
        @Override public Read read(Path file, ReadOptions options) throws IOException {
            return new Read(GeoJsonLayerReader.source(() -> Files.newInputStream(file), options.layerName()), null);
        }
    };

    public static final LayerReaders STANDARD = standard();

    private final List<LayerReader> readers = new ArrayList<>();

    private LayerReaders() {}

    private static LayerReaders standard() {
        return new LayerReaders()
                .register(GEOJSON)
                .register(new parkgrid.io.shapefile.ShapefileReader())
                .register(new parkgrid.io.csv.CsvReader())
                .register(new parkgrid.io.flatgeobuf.FlatGeobufReader())
                .register(new parkgrid.io.geopackage.GeoPackageFileReader())
                .register(new KmlLayerReader())
                .register(new LandApprovalTxtReader())
                .register(new DxfLayerReader());
    }

    /** @throws IllegalArgumentException when the id or an extension is taken already */
    public LayerReaders register(LayerReader reader) {
        for (LayerReader r : readers) {
            if (r.id().equals(reader.id())) throw new IllegalArgumentException("reader '" + reader.id() + "' is registered already");
            for (String e : reader.extensions()) {
                if (r.extensions().contains(e)) throw new IllegalArgumentException("extension " + e + " is taken by " + r.id());
            }
        }
        readers.add(reader);
        return this;
    }

    public Optional<LayerReader> byId(String id) {
        return readers.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The reader whose extension ends {@code fileName} (case-insensitive). */
    public Optional<LayerReader> byFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return readers.stream().filter(r -> r.extensions().stream().anyMatch(lower::endsWith)).findFirst();
    }

    /** The ids, in registration order. */
    public List<String> ids() {
        return readers.stream().map(LayerReader::id).toList();
    }
}
