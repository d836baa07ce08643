package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.testing.PostGisSchema;

/** {@link TilesApiContract} on PostGIS (tiles built by ST_AsMVT), in a schema of its own. */
class TilesPostGisApiTest extends TilesApiContract {
    private static final String SCHEMA = "tiles_api_test";

    @Override
    protected FeatureStore open(Path dir) throws Exception {
        return PostGisSchema.open(SCHEMA, true);
    }

    @Override
    protected void cleanUp() throws Exception {
        PostGisSchema.dropIfOpened(SCHEMA);
    }
}
