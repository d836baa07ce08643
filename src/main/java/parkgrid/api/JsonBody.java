package parkgrid.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import parkgrid.feature.ParkGridException;

/** Reads a JSON request body; OGC API – Processes wraps inputs in {@code "inputs"}, a flat object is accepted too. */
final class JsonBody {
    private JsonBody() {}

    static JsonNode inputs(Context ctx) {
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
        return body.has("inputs") ? body.get("inputs") : body;
    }

    static String text(JsonNode inputs, String name, String fallback) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) {
            if (fallback == null) throw ParkGridException.invalidParameter(name, "input '" + name + "' is required");
            return fallback;
        }
        if (!v.isTextual()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a string");
        return v.asText();
    }

    static double number(JsonNode inputs, String name, double fallback) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a number, got " + v);
        return v.asDouble();
    }
}
