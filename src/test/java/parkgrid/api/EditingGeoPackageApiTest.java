package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;

/** {@link EditingApiContract} on the embedded GeoPackage store. */
class EditingGeoPackageApiTest extends EditingApiContract {
    @Override
    protected FeatureStore open(Path dir) {
        return GeoPackageStore.open(dir.resolve("editing.gpkg"));
    }
}
