package parkgrid.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import parkgrid.config.LayerRoles;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerData;
import parkgrid.store.geopackage.GeoPackageStore;

/**
 * The seed set with the power lines stored as {@code xianlu} (线路) and the villages as {@code cunzhuang} (村庄),
 * and the roles that say so: what an imported data set with its own layer names looks like.
 */
public final class RenamedSeed {
    /** Seed layer name → the name it has in this store. */
    public static final Map<String, String> RENAMED = Map.of("power_lines", "xianlu", "villages", "cunzhuang");
    public static final LayerRoles ROLES = LayerRoles.parse("lines=xianlu,demand=cunzhuang");

    private RenamedSeed() {}

    /** A fresh GeoPackage at {@code file} holding the renamed seed. */
    public static GeoPackageStore store(Path file) {
        GeoPackageStore store = GeoPackageStore.open(file);
        store.importLayers(layers());
        return store;
    }

    public static List<LayerData> layers() {
        return SeedFixture.layers().stream().map(d -> {
            String name = RENAMED.get(d.layer().name());
            if (name == null) return d;
            Layer l = d.layer();
            return new LayerData(new Layer(name, l.title(), l.titleZh(), l.description(), l.geometryKind(), l.properties(), l.source(),
                    l.positionalAccuracy(), l.temporalProperty(), l.figures()), d.features());
        }).toList();
    }
}
