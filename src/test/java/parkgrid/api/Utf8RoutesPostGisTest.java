package parkgrid.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.TestServer;

/** {@link Utf8RoutesContract} on PostGIS, in a schema of its own: no body names the JDBC URL or the schema. */
class Utf8RoutesPostGisTest extends Utf8RoutesContract {
    private static final String SCHEMA = "utf8_routes_test";
    private String url;

    @Override
    protected TestServer start(Path dir) throws Exception {
        url = RequiredServices.postGisUrl();
        dropSchema();
        FeatureStore store = PostGisStore.open(url, "postgres", "", SCHEMA);
        SeedData.loadIfEmpty(store);
        return TestServer.serving(store, dir);
    }

    @Override
    protected List<String> internals() {
        return List.of(url, "jdbc:", SCHEMA, "127.0.0.1:5432");
    }

    @Override
    protected void cleanUp() throws Exception {
        if (url != null) dropSchema();
    }

    private void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
