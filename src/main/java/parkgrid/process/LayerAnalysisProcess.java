package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import parkgrid.config.LayerRoles;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureStore;

/**
 * A process that reads its layers from the store (falling back to the deployment's {@link LayerRoles} for
 * the ones an execution does not name) and runs an analysis that names its own inputs: problems the analysis
 * raises are renamed to the paths the client wrote by the process's {@link InputPaths} table.
 *
 * @param <R> the kind of result the api writes
 */
abstract class LayerAnalysisProcess<R extends ProcessResult> implements Process {
    protected final FeatureStore store;
    protected final LayerRoles roles;
    private final InputPaths paths;

    protected LayerAnalysisProcess(FeatureStore store, LayerRoles roles, InputPaths paths) {
        this.store = store;
        this.roles = roles;
        this.paths = paths;
    }

    @Override
    public final R execute(JsonNode in, Instant deadline) throws IOException {
        try {
            return run(in, deadline);
        } catch (ParkGridException e) {
            throw paths.named(e); // the analysis names its own inputs; the client's paths differ
        }
    }

    /** Reads the layers the inputs name and runs the analysis. */
    protected abstract R run(JsonNode in, Instant deadline) throws IOException;
}
