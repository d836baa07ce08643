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
        return parse(() -> Responses.JSON.readTree(ctx.bodyInputStream()));
    }

    /**
     * The request body as one JSON object, refused unread past {@code maxBytes} (by its Content-Length, or once that
     * many bytes have come).
     *
     * @param tooLarge the too-large problem for a body of that many bytes (-1: more than the limit, length not declared)
     * @param reader   how to read it (e.g. with NaN allowed, so that a geometry check can name it)
     */
    static JsonNode object(Context ctx, long maxBytes, java.util.function.LongFunction<ParkGridException> tooLarge,
                           com.fasterxml.jackson.databind.ObjectReader reader) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge.apply(declared);
        byte[] bytes;
        try (java.io.InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw ParkGridException.invalidParameter("body", "the request body could not be read: " + e.getMessage());
        }
        if (bytes.length > maxBytes) throw tooLarge.apply(-1);
        return parse(() -> reader.readTree(bytes));
    }

    private interface BodyRead {
        JsonNode read() throws IOException;
    }

    private static JsonNode parse(BodyRead read) {
        JsonNode body;
        try {
            body = read.read();
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
