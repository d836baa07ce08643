package parkgrid.process;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared input of a process (OGC API – Processes). An input with {@code members} is a JSON object
 * whose keys are exactly those members: its schema is generated from them, and an execution body with any
 * other key is refused ({@link ProcessInputs}). Without members the value is checked by its handler only
 * (a GeoJSON geometry, an open table).
 *
 * @param name        the key in the {@code inputs} object
 * @param schema      the JSON schema of a value (for an input with members: extra keywords only)
 * @param description meaning, with units and defaults
 * @param required    true when an execution without it is refused
 * @param members     the keys of an object input, empty otherwise
 */
public record ProcessInput(String name, Schema schema, String description, boolean required, List<ProcessInput> members) {
    public ProcessInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(description, "description");
        members = List.copyOf(members);
    }

    public static ProcessInput optional(String name, Schema schema, String description) {
        return new ProcessInput(name, schema, description, false, List.of());
    }

    public static ProcessInput required(String name, Schema schema, String description) {
        return new ProcessInput(name, schema, description, true, List.of());
    }

    /** An object input whose keys are {@code members}. */
    public static ProcessInput object(String name, boolean required, String description, ProcessInput... members) {
        return new ProcessInput(name, Schema.object(), description, required, List.of(members));
    }

    public boolean hasMembers() {
        return !members.isEmpty();
    }

    public Optional<ProcessInput> member(String key) {
        return members.stream().filter(m -> m.name.equals(key)).findFirst();
    }

    /** The value's JSON schema; for an object input, its properties, required keys and no others. */
    public ObjectNode jsonSchema() {
        ObjectNode s = schema.json();
        if (!hasMembers()) return s;
        s.set("properties", objectSchema(members).get("properties"));
        ObjectNode whole = objectSchema(members);
        if (whole.has("required")) s.set("required", whole.get("required"));
        s.put("additionalProperties", false);
        return s;
    }

    /** {@code {"type":"object","properties":{…},"required":[…],"additionalProperties":false}} for {@code inputs}. */
    public static ObjectNode objectSchema(List<ProcessInput> inputs) {
        ObjectNode s = InputValues.JSON.createObjectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = InputValues.JSON.createArrayNode();
        for (ProcessInput in : inputs) {
            ObjectNode p = in.jsonSchema();
            p.put("description", in.description);
            props.set(in.name, p);
            if (in.required) required.add(in.name);
        }
        if (!required.isEmpty()) s.set("required", required);
        s.put("additionalProperties", false);
        return s;
    }

    /** The OGC API – Processes input description: title, description, occurrences, schema. */
    public ObjectNode processDescription() {
        ObjectNode d = InputValues.JSON.createObjectNode();
        d.put("title", name).put("description", description);
        d.put("minOccurs", required ? 1 : 0).put("maxOccurs", 1);
        d.set("schema", jsonSchema());
        return d;
    }
}
