package parkgrid.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A JSON Schema fragment as OpenAPI 3.0 and OGC API – Processes write it ({@code type}, {@code minimum},
 * {@code default}, {@code enum}, {@code items} …). Immutable: every refinement returns a new schema.
 */
public final class Schema {
    private final ObjectNode node;

    private Schema(ObjectNode node) {
        this.node = node;
    }

    public static Schema of(String type) {
        return new Schema(InputValues.JSON.createObjectNode().put("type", type));
    }

    public static Schema string() { return of("string"); }
    public static Schema integer() { return of("integer"); }
    public static Schema number() { return of("number"); }
    public static Schema bool() { return of("boolean"); }
    public static Schema object() { return of("object"); }

    public static Schema arrayOf(Schema items) {
        Schema s = of("array");
        s.node.set("items", items.json());
        return s;
    }

    /**
     * An object with these members, in this order ({@code properties}), of which {@code required} must be
     * present ({@link #closed()} when other members are refused).
     */
    public static Schema objectOf(java.util.LinkedHashMap<String, Schema> properties, String... required) {
        Schema s = object();
        ObjectNode ps = s.node.putObject("properties");
        properties.forEach((name, schema) -> ps.set(name, schema.json()));
        if (required.length > 0) {
            ArrayNode r = s.node.putArray("required");
            for (String name : required) {
                if (!properties.containsKey(name)) throw new IllegalArgumentException("required member " + name + " is not a property");
                r.add(name);
            }
        }
        return s;
    }

    /** The same object schema refusing members it does not name ({@code additionalProperties: false}). */
    public Schema closed() { return with(c -> c.put("additionalProperties", false)); }

    /** The same schema with a {@code description}. */
    public Schema describedAs(String text) { return with(c -> c.put("description", text)); }

    /** The same schema limited to {@code max} characters (a string). */
    public Schema maxLength(int max) { return with(c -> c.put("maxLength", max)); }

    /** A schema given as JSON (for {@code oneOf} or a {@code $ref}). */
    public static Schema raw(ObjectNode json) {
        return new Schema(json.deepCopy());
    }

    /** Any one of {@code alternatives}. */
    public static Schema oneOf(Schema... alternatives) {
        ObjectNode n = InputValues.JSON.createObjectNode();
        ArrayNode a = n.putArray("oneOf");
        for (Schema s : alternatives) a.add(s.json());
        return new Schema(n);
    }

    public Schema minimum(Number v) { return with(c -> c.set("minimum", number(v))); }
    public Schema maximum(Number v) { return with(c -> c.set("maximum", number(v))); }
    public Schema minItems(int v) { return with(c -> c.put("minItems", v)); }
    public Schema maxItems(int v) { return with(c -> c.put("maxItems", v)); }
    public Schema format(String f) { return with(c -> c.put("format", f)); }
    public Schema defaultValue(Object v) { return with(c -> c.set("default", InputValues.JSON.valueToTree(v))); }
    public Schema enumOf(List<?> values) { return with(c -> c.set("enum", InputValues.JSON.valueToTree(values))); }
    public Schema enumOf(Object... values) { return enumOf(List.of(values)); }

    /** A whole number as an integer ({@code 1}, not {@code 1.0}). */
    private static com.fasterxml.jackson.databind.JsonNode number(Number v) {
        double d = v.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return InputValues.JSON.getNodeFactory().numberNode((long) d);
        return InputValues.JSON.getNodeFactory().numberNode(d);
    }

    /** A copy of the JSON, safe for the caller to attach to a document. */
    public ObjectNode json() {
        return node.deepCopy();
    }

    private Schema with(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = node.deepCopy();
        change.accept(copy);
        return new Schema(copy);
    }
}
