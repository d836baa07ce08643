package parkgrid.testing;

import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.geopackage.GeoPackageStore;

/**
 * A child process for crash tests: opens the GeoPackage named by its argument and imports a layer
 * {@code surveyed_wells} of ten million generated points, printing {@code written N} after each batch, until
 * the test kills it with SIGKILL somewhere in the middle.
 */
public final class ImportUntilKilled {
    public static final String LAYER = "surveyed_wells";

    private ImportUntilKilled() {}

    public static void main(String[] args) {
        GeometryFactory gf = new GeometryFactory();
        Layer layer = new Layer(LAYER, "Surveyed wells", "勘测水井", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name", PropertyType.STRING)), null, null);
        LayerSource endless = new LayerSource() {
            @Override public Layer layer() { return layer; }
            @Override public void forEach(parkgrid.feature.FeatureSink sink) throws java.io.IOException {
                for (long i = 1; i <= 10_000_000L; i++) {
                    sink.accept(new Feature(i, gf.createPoint(new Coordinate(112 + (i % 1000) * 1e-4, 34 + (i % 997) * 1e-4)),
                            java.util.Map.of("name", "井" + i)));
                }
            }
        };
        try (GeoPackageStore store = GeoPackageStore.open(Path.of(args[0]))) {
            store.importLayers(List.of(endless), (name, written) -> {
                System.out.println("written " + written);
                System.out.flush();
            });
        }
    }
}
