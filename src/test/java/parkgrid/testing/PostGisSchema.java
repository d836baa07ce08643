package parkgrid.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import parkgrid.store.FeatureStore;
import parkgrid.store.postgis.PostGisStore;

/**
 * A PostGIS schema of a test's own on the test database ({@link RequiredServices#postGisUrl()}): opened as a
 * {@link PostGisStore}, optionally emptied first, and dropped afterwards — only if this test opened it, so a test
 * skipped for want of PostGIS does not touch the database in its clean-up.
 */
public final class PostGisSchema {
    private static final Set<String> OPENED = ConcurrentHashMap.newKeySet();

    private PostGisSchema() {
    }

    /** The store on {@code schema}, which is dropped first when {@code fresh} (as a new, empty store). */
    public static FeatureStore open(String schema, boolean fresh) throws SQLException {
        String url = RequiredServices.postGisUrl();
        OPENED.add(schema);
        if (fresh) drop(url, schema);
        return PostGisStore.open(url, "postgres", "", schema);
    }

    /** Drops {@code schema} with everything in it, if {@link #open} opened it. */
    public static void dropIfOpened(String schema) throws SQLException {
        if (OPENED.remove(schema)) drop(RequiredServices.postGisUrl(), schema);
    }

    private static void drop(String url, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
