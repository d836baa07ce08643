package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;

/**
 * One analysis ParkGrid runs as an OGC API – Processes process. Its {@link #declaration()} is the one source
 * of its description, OpenAPI request body and strict input check; {@link #execute} reads the layers it needs
 * through the store, calls the pure analysis and returns a result for the api to write. It runs on the
 * {@link ProcessRunner}, never on a request thread.
 */
public interface Process {
    /** Id, title, description, inputs and output, declared once. */
    ProcessDeclaration declaration();

    /**
     * Runs the process.
     *
     * @param inputs   the execution's inputs object, already checked to hold declared keys only
     * @param deadline when the answer is due; long loops pass it to the analysis, which stops with a 503
     *                 {@link parkgrid.feature.ParkGridException} past it (the runner stops waiting anyway)
     * @return the answer, of a {@link ProcessResult} kind the api writes
     * @throws parkgrid.feature.ParkGridException a bad input (4xx naming it) or the time limit (503)
     * @throws IOException the store failed
     */
    ProcessResult execute(JsonNode inputs, Instant deadline) throws IOException;

    /**
     * What the client could change when this execution outlasts the time limit, appended to the 503's detail;
     * null for nothing to suggest.
     */
    default String timeLimitHint(JsonNode inputs) {
        return null;
    }

    default String id() {
        return declaration().id();
    }
}
