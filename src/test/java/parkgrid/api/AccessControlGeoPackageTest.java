package parkgrid.api;

import java.nio.file.Path;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;

/** {@link AccessControlContract} on the embedded GeoPackage, seeded. */
class AccessControlGeoPackageTest extends AccessControlContract {
    private int stores;

    @Override
    protected FeatureStore store(Path dir) {
        return GeoPackageStore.openSeeded(dir.resolve("access-" + (stores++) + ".gpkg"), SeedData::read);
    }
}
