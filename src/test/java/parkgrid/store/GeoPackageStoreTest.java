package parkgrid.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.store.geopackage.GeoPackageStore;

/** The store contract on the embedded GeoPackage store. */
class GeoPackageStoreTest extends FeatureStoreContract {
    @TempDir
    Path dir;

    @Override
    protected FeatureStore openEmptyStore() {
        return GeoPackageStore.open(dir.resolve("contract.gpkg"));
    }

    @Override
    protected FeatureStore reopen() {
        return GeoPackageStore.open(dir.resolve("contract.gpkg"));
    }
}
