package parkgrid.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import parkgrid.io.SeedData;
import parkgrid.store.FeatureStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/** {@link AccessControlContract} on PostGIS, seeded, in a schema of its own. */
class AccessControlPostGisTest extends AccessControlContract {
    private static final String SCHEMA = "access_control_test";
    private String url;

    @Override
    protected FeatureStore store(Path dir) throws Exception {
        url = RequiredServices.postGisUrl();
        dropSchema();
        PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA);
        SeedData.loadIfEmpty(store);
        return store;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (url != null) dropSchema();
    }

    private void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
