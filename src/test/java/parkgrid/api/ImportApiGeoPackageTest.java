package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;

/** {@link ImportApiContract} on the embedded GeoPackage store. */
class ImportApiGeoPackageTest extends ImportApiContract {
    @Override
    protected FeatureStore openStore(Path dir) {
        return GeoPackageStore.open(dir.resolve("imports.gpkg"));
    }
}
