package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureStore;

/**
 * Reads single values out of an execution's inputs object. A missing required value, a value of the wrong
 * JSON type or a layer that is not stored is a {@link ParkGridException} naming the input.
 */
public final class InputValues {
    /** The JSON node factory of declarations and inputs. */
    static final ObjectMapper JSON = parkgrid.json.Json.MAPPER;

    private InputValues() {}

    /**
     * The text of input {@code name}, or {@code fallback} when absent; fallback null makes the input required.
     * {@code name} is the path as the client wrote it ({@code radius.type} for member {@code type} of the
     * {@code radius} object {@code inputs}), and problems name that path.
     */
    public static String text(JsonNode inputs, String name, String fallback) {
        JsonNode v = inputs.get(memberOf(name));
        if (v == null || v.isNull()) {
            if (fallback == null) throw ParkGridException.invalidParameter(name, "input '" + name + "' is required");
            return fallback;
        }
        if (!v.isTextual()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a string");
        return v.asText();
    }

    /** The number of input {@code name} (a dotted path as in {@link #text}), or {@code fallback} when absent. */
    public static double number(JsonNode inputs, String name, double fallback) {
        JsonNode v = inputs.get(memberOf(name));
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a number, got " + v);
        return v.asDouble();
    }

    /** The stored layer input {@code parameter} names. @throws ParkGridException (not found) for {@code parameter} */
    public static Layer layer(FeatureStore store, String name, String parameter) {
        return store.layer(name).orElseThrow(() -> ParkGridException.layerNotFound(parameter, name));
    }

    /** The last segment of a dotted path: the member's key in its own object. */
    private static String memberOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
