package parkgrid.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import parkgrid.feature.ParkGridException;
import parkgrid.process.ProcessDeclaration;
import parkgrid.process.ProcessInputs;

/**
 * Reads a JSON request body: any JSON object ({@link #object}), or a process execution body ({@link #inputs}):
 * OGC API – Processes wraps the inputs in {@code "inputs"} (beside which only {@code outputs} and
 * {@code response} may stand), a flat inputs object is accepted too. Every key must be one the process
 * declares ({@link ProcessInputs}).
 */
final class JsonBody {
    private static final java.util.Set<String> WRAPPER_KEYS = java.util.Set.of("inputs", "outputs", "response");

    private JsonBody() {}

    static JsonNode inputs(Context ctx, ProcessDeclaration process) {
        JsonNode body = object(ctx);
        JsonNode inputs = body;
        if (body.has("inputs")) {
            java.util.Iterator<String> keys = body.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (!WRAPPER_KEYS.contains(key)) {
                    throw ParkGridException.invalidParameter(key, "unknown member '" + key + "' beside inputs: an execute request "
                            + "has inputs, outputs and response");
                }
            }
            inputs = body.get("inputs");
            if (!inputs.isObject()) throw ParkGridException.invalidParameter("inputs", "inputs must be a JSON object");
        }
        ProcessInputs.requireDeclared(inputs, process);
        return inputs;
    }

    /** The request body, which must be one JSON object. @throws ParkGridException invalid input ({@code body}) otherwise */
    static JsonNode object(Context ctx) {
        JsonNode body;
        try {
            body = Responses.JSON.readTree(ctx.bodyInputStream());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ParkGridException.invalidParameter("body", "the request body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw ParkGridException.invalidParameter("body", "the request body could not be read: " + e.getMessage());
        }
        if (body == null || !body.isObject()) throw ParkGridException.invalidParameter("body", "the request body must be a JSON object");
        return body;
    }
}
