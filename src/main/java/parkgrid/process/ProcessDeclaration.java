package parkgrid.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What one process is, declared once: its id, what it does, its inputs and its output. The process
 * description ({@code /processes/{id}}), the OpenAPI request body of its execution and the check of execution
 * bodies ({@link ProcessInputs}) are all generated from it.
 *
 * @param id          path segment and OGC process id
 * @param title       short title
 * @param description what it computes, with units
 * @param inputs      its inputs, in the order documented
 * @param output      what {@code result} holds
 * @param outputCrs   true when the answer's coordinates follow the execution's {@code crs} query parameter
 *                    (OGC API – Features Part 2 vocabulary); false: always RFC 7946 lon/lat
 */
public record ProcessDeclaration(String id, String title, String description, List<ProcessInput> inputs, String output,
                                 boolean outputCrs) {
    public ProcessDeclaration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!id.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("process id must be lower-case words joined by '-', got '" + id + "'");
        inputs = List.copyOf(inputs);
    }

    public String executionPath() {
        return "/processes/" + id + "/execution";
    }

    /** The execution request body: the inputs object, or {@code {"inputs": …}} as OGC API – Processes sends it. */
    public ObjectNode requestSchema() {
        ObjectNode flat = ProcessInput.objectSchema(inputs);
        ObjectNode wrapped = InputValues.JSON.createObjectNode().put("type", "object");
        wrapped.putObject("properties").set("inputs", flat.deepCopy());
        wrapped.withObject("/properties").set("outputs", InputValues.JSON.createObjectNode().put("type", "object"));
        wrapped.withObject("/properties").set("response", InputValues.JSON.createObjectNode().put("type", "string"));
        wrapped.putArray("required").add("inputs");
        wrapped.put("additionalProperties", false);
        ObjectNode s = InputValues.JSON.createObjectNode();
        s.putArray("oneOf").add(wrapped).add(flat);
        return s;
    }
}
