package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.testing.PostGisSchema;

/** {@link EditingApiContract} on PostGIS, in a schema of its own. */
class EditingPostGisApiTest extends EditingApiContract {
    private static final String SCHEMA = "editing_api_test";

    @Override
    protected FeatureStore open(Path dir) throws Exception {
        return PostGisSchema.open(SCHEMA, true);
    }

    @Override
    protected void cleanUp() throws Exception {
        PostGisSchema.dropIfOpened(SCHEMA);
    }
}
