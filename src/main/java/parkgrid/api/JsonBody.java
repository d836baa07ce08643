package parkgrid.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import parkgrid.feature.ParkGridException;

/**
 * Reads a process execution body: OGC API – Processes wraps the inputs in {@code "inputs"} (beside which
 * only {@code outputs} and {@code response} may stand), a flat inputs object is accepted too. Every key must
 * be one the process declares ({@link ProcessInputs}).
 */
final class JsonBody {
    private static final java.util.Set<String> WRAPPER_KEYS = java.util.Set.of("inputs", "outputs", "response");

    private JsonBody() {}

    static JsonNode inputs(Context ctx, ProcessDeclaration process) {
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

    /**
     * The text member of {@code inputs}; {@code name} is its path as the client wrote it ({@code radius.type}
     * for member {@code type} of the {@code radius} object), and problems name that path.
     */
    static String text(JsonNode inputs, String name, String fallback) {
        JsonNode v = inputs.get(memberOf(name));
        if (v == null || v.isNull()) {
            if (fallback == null) throw ParkGridException.invalidParameter(name, "input '" + name + "' is required");
            return fallback;
        }
        if (!v.isTextual()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a string");
        return v.asText();
    }

    /** The number member of {@code inputs}; {@code name} is its dotted path as in {@link #text}. */
    static double number(JsonNode inputs, String name, double fallback) {
        JsonNode v = inputs.get(memberOf(name));
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a number, got " + v);
        return v.asDouble();
    }

    /** The last segment of a dotted path: the member's key in its own object. */
    private static String memberOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
