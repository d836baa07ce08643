package parkgrid.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/** The store contract on PostGIS, each test in a schema of its own that is dropped afterwards. */
class PostGisStoreTest extends FeatureStoreContract {
    private String url;
    private final String schema = "contract_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected FeatureStore openEmptyStore() {
        url = RequiredServices.postGisUrl();
        return PostGisStore.open(url, "postgres", "", schema);
    }

    @Override
    protected FeatureStore reopen() {
        return PostGisStore.open(url, "postgres", "", schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (url == null) return;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
