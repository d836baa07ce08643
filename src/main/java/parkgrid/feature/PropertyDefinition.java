package parkgrid.feature;

import java.util.Objects;

/** One typed attribute of a layer. The name is a lower-case SQL-safe identifier. */
public record PropertyDefinition(String name, PropertyType type) {
    public PropertyDefinition {
        Identifiers.requireValid(name, "property name");
        Objects.requireNonNull(type, "type");
    }
}
