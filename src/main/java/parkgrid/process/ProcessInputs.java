package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import parkgrid.feature.ParkGridException;

/**
 * Refuses execution inputs the process does not declare, at every level the declaration knows: a
 * misspelt {@code "klass"} inside {@code radius} is invalid input for parameter {@code radius.klass}, not a
 * silently ignored key that changes the answer.
 */
public final class ProcessInputs {
    private ProcessInputs() {}

    /** @throws ParkGridException (invalid input) naming the dotted path of the first undeclared key */
    public static void requireDeclared(JsonNode inputs, ProcessDeclaration process) {
        check(inputs, process.inputs(), "", "process " + process.id());
    }

    private static void check(JsonNode object, List<ProcessInput> declared, String prefix, String owner) {
        Iterator<String> keys = object.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            ProcessInput input = declared.stream().filter(d -> d.name().equals(key)).findFirst().orElse(null);
            if (input == null) {
                String known = declared.stream().map(ProcessInput::name).collect(Collectors.joining(", "));
                throw ParkGridException.invalidParameter(prefix + key, "unknown input '" + prefix + key + "': " + owner
                        + " takes " + known);
            }
            JsonNode value = object.get(key);
            if (input.hasMembers() && value.isObject()) check(value, input.members(), prefix + key + ".", prefix + key);
        }
    }
}
