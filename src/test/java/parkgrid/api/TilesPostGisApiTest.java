package parkgrid.api;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import parkgrid.store.FeatureStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/** {@link TilesApiContract} on PostGIS (tiles built by ST_AsMVT), in a schema of its own. */
class TilesPostGisApiTest extends TilesApiContract {
    private static final String SCHEMA = "tiles_api_test";
    private String url;

    @Override
    protected FeatureStore open(Path dir) throws Exception {
        url = RequiredServices.postGisUrl();
        dropSchema();
        return PostGisStore.open(url, "postgres", "", SCHEMA);
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
