package parkgrid.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;
import parkgrid.store.FeatureStore;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;

/**
 * A GeoPackage file and a fresh PostGIS schema of a test's own, open together, for tests that run the same case on both
 * stores by kind ({@link #kinds()}: a store itself as a JUnit argument would be closed after the test). Needs PostGIS
 * ({@link RequiredServices#postGisUrl()}); the schema is dropped on {@link #close()}.
 */
public final class BothStores implements AutoCloseable {
    private final String url;
    private final String schema;
    private final GeoPackageStore geoPackage;
    private final PostGisStore postGis;

    private BothStores(String url, String schema, GeoPackageStore geoPackage, PostGisStore postGis) {
        this.url = url;
        this.schema = schema;
        this.geoPackage = geoPackage;
        this.postGis = postGis;
    }

    /** {@code <dir>/<schema>.gpkg} and the PostGIS schema {@code schema}, emptied first. */
    public static BothStores open(Path dir, String schema) throws SQLException {
        String url = RequiredServices.postGisUrl();
        drop(url, schema);
        GeoPackageStore geoPackage = GeoPackageStore.open(dir.resolve(schema + ".gpkg"));
        return new BothStores(url, schema, geoPackage, PostGisStore.open(url, "postgres", "", schema));
    }

    public static Stream<String> kinds() {
        return Stream.of("geopackage", "postgis");
    }

    /** The store of {@code kind}: {@code geopackage} or {@code postgis}. */
    public FeatureStore store(String kind) {
        return kind.equals("geopackage") ? geoPackage : postGis;
    }

    @Override
    public void close() throws SQLException {
        geoPackage.close();
        postGis.close();
        drop(url, schema);
    }

    private static void drop(String url, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
