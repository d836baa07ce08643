package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;

/** {@link TilesApiContract} on the embedded GeoPackage store (tiles built in Java). */
class TilesGeoPackageApiTest extends TilesApiContract {
    @Override
    protected FeatureStore open(Path dir) {
        return GeoPackageStore.open(dir.resolve("tiles.gpkg"));
    }
}
