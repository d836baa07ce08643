package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.testing.PostGisSchema;

/** {@link ImportApiContract} on PostGIS, in a schema of its own. */
class ImportApiPostGisTest extends ImportApiContract {
    private static final String SCHEMA = "import_api_test";

    @Override
    protected FeatureStore openStore(Path dir) throws Exception {
        return PostGisSchema.open(SCHEMA, true);
    }

    @Override
    protected void cleanUp() throws Exception {
        PostGisSchema.dropIfOpened(SCHEMA);
    }
}
