package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;

/**
 * {@link LayerAdminApiContract} on the embedded GeoPackage store; after a deletion the file passes integrity_check and
 * its GeoPackage registry names only tables that exist.
 */
class LayerAdminGeoPackageApiTest extends LayerAdminApiContract {
    @Override
    protected FeatureStore open(Path dir, boolean fresh) {
        return GeoPackageStore.open(dir.resolve("layers.gpkg"));
    }

    @Override
    protected void assertIntact(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("layers.gpkg"))) {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM gpkg_contents c WHERE NOT EXISTS "
                    + "(SELECT 1 FROM sqlite_master m WHERE m.name = c.table_name)")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "gpkg_contents names a table that is gone");
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = 'old_wells'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the new old_wells alone");
            }
        }
    }
}
