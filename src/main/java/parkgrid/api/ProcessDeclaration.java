package parkgrid.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One process ParkGrid runs: its id, what it does, its inputs and its output. The process description
 * ({@code /processes/{id}}), the OpenAPI request body of its execution and the check of execution bodies
 * ({@link ProcessInputs}) are all generated from it.
 *
 * @param id          path segment and OGC process id
 * @param title       short title
 * @param description what it computes, with units
 * @param inputs      its inputs, in the order documented
 * @param output      what {@code result} holds
 */
record ProcessDeclaration(String id, String title, String description, List<ProcessInput> inputs, String output) {
    ProcessDeclaration {
        Objects.requireNonNull(id, "id");
        inputs = List.copyOf(inputs);
    }

    String executionPath() {
        return "/processes/" + id + "/execution";
    }

    /** The execution request body: the inputs object, or {@code {"inputs": …}} as OGC API – Processes sends it. */
    ObjectNode requestSchema() {
        ObjectNode flat = ProcessInput.objectSchema(inputs);
        ObjectNode wrapped = Responses.JSON.createObjectNode().put("type", "object");
        wrapped.putObject("properties").set("inputs", flat.deepCopy());
        wrapped.withObject("/properties").set("outputs", Responses.JSON.createObjectNode().put("type", "object"));
        wrapped.withObject("/properties").set("response", Responses.JSON.createObjectNode().put("type", "string"));
        wrapped.putArray("required").add("inputs");
        wrapped.put("additionalProperties", false);
        ObjectNode s = Responses.JSON.createObjectNode();
        s.putArray("oneOf").add(wrapped).add(flat);
        return s;
    }
}
