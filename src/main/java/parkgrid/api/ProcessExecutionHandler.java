package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import parkgrid.process.Process;
import parkgrid.process.ProcessResult;
import parkgrid.process.ProcessRunner;
import parkgrid.process.Processes;

/**
 * {@code POST /processes/{id}/execution} for every registered process: reads and strictly checks the inputs
 * against the process's declaration, runs it on the {@link ProcessRunner} (time limit, bounded workers) and
 * writes its answer.
 */
final class ProcessExecutionHandler {
    private final Processes processes;
    private final ProcessRunner runner;

    ProcessExecutionHandler(Processes processes, ProcessRunner runner) {
        this.processes = processes;
        this.runner = runner;
    }

    void execute(Context ctx, String processId) throws IOException {
        Process process = processes.require(processId);
        JsonNode inputs = JsonBody.inputs(ctx, process.declaration());
        ProcessResult result = runner.run(process, inputs);
        ProcessResultWriter.write(ctx, result);
    }
}
