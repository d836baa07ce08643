package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;

/** {@link EditingApiContract} on the embedded GeoPackage store; after parallel writers the file passes integrity_check. */
class EditingGeoPackageApiTest extends EditingApiContract {
    private Path file;

    @Override
    protected FeatureStore open(Path dir) {
        file = dir.resolve("editing.gpkg");
        return GeoPackageStore.open(file);
    }

    @Override
    protected void assertIntact() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }
}
