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
    static final ObjectMapper JSON = new ObjectMapper();

    private InputValues() {}

    /** The text of input {@code name}, or {@code fallback} when absent; fallback null makes the input required. */
    public static String text(JsonNode inputs, String name, String fallback) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) {
            if (fallback == null) throw ParkGridException.invalidParameter(name, "input '" + name + "' is required");
            return fallback;
        }
        if (!v.isTextual()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a string");
        return v.asText();
    }

    /** The number of input {@code name}, or {@code fallback} when absent. */
    public static double number(JsonNode inputs, String name, double fallback) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber()) throw ParkGridException.invalidParameter(name, "input '" + name + "' must be a number, got " + v);
        return v.asDouble();
    }

    /** The stored layer an input names. @throws ParkGridException 404 for parameter {@code collectionId} */
    public static Layer layer(FeatureStore store, String name) {
        return store.layer(name).orElseThrow(() -> ParkGridException.notFound("collectionId", "no collection named '" + name + "'"));
    }
}
