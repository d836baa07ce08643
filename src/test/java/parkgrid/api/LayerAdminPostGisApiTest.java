package parkgrid.api;

import java.nio.file.Path;
import parkgrid.store.FeatureStore;
import parkgrid.testing.PostGisSchema;

/** {@link LayerAdminApiContract} on PostGIS, in a schema of its own. */
class LayerAdminPostGisApiTest extends LayerAdminApiContract {
    private static final String SCHEMA = "layer_admin_api_test";

    @Override
    protected FeatureStore open(Path dir, boolean fresh) throws Exception {
        return PostGisSchema.open(SCHEMA, fresh);
    }

    @Override
    protected void cleanUp() throws Exception {
        PostGisSchema.dropIfOpened(SCHEMA);
    }
}
