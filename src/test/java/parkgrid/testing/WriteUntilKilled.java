package parkgrid.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.VersionedFeature;
import parkgrid.store.geopackage.GeoPackageStore;

/**
 * A child process for crash tests: opens the GeoPackage named by its first argument and writes single
 * features into layer {@code burst_writes} as fast as the store acknowledges them — a create, and after every
 * second create a replace of the feature created just before, each its own transaction — until the test kills
 * it with SIGKILL. After each write returns it prints {@code created <id> <name>} or
 * {@code replaced <id> <version> <name>}: a printed line is an acknowledged write, which must survive the kill.
 * The second argument tags the names with the round.
 */
public final class WriteUntilKilled {
    public static final String LAYER = "burst_writes";

    private WriteUntilKilled() {}

    public static void main(String[] args) {
        GeometryFactory gf = new GeometryFactory();
        String round = args[1];
        try (GeoPackageStore store = GeoPackageStore.open(Path.of(args[0]))) {
            if (store.layer(LAYER).isEmpty()) {
                store.createLayer(new Layer(LAYER, "Burst writes", "连续写入", null, GeometryKind.POINT,
                        List.of(new PropertyDefinition("name", PropertyType.STRING)), null, null));
            }
            System.out.println("ready");
            System.out.flush();
            for (long i = 1; i <= 10_000_000L; i++) {
                String name = "变电站" + round + "-" + i;
                VersionedFeature created = store.create(LAYER, OptionalLong.empty(),
                        gf.createPoint(new Coordinate(112 + (i % 1000) * 1e-4, 34 + (i % 997) * 1e-4)), Map.of("name", name), "崩溃测试");
                System.out.println("created " + created.feature().id() + " " + name);
                System.out.flush();
                if (i % 2 == 0) {
                    String renamed = name + "改";
                    VersionedFeature replaced = store.replace(LAYER, new Feature(created.feature().id(),
                            created.feature().geometry(), Map.of("name", renamed)), created.version(), "崩溃测试");
                    System.out.println("replaced " + replaced.feature().id() + " " + replaced.version() + " " + renamed);
                    System.out.flush();
                }
            }
        }
    }
}
