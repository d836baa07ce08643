package parkgrid.feature;

import java.util.Locale;

/** The value type of a layer property, as exposed in JSON schema terms. */
public enum PropertyType {
    STRING, INTEGER, NUMBER;

    /** The JSON-schema name ({@code string}, {@code integer}, {@code number}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PropertyType fromJsonName(String name) {
        for (PropertyType t : values()) {
            if (t.jsonName().equals(name)) return t;
        }
        throw new IllegalArgumentException("unknown property type '" + name + "' (expected string, integer or number)");
    }

    /**
     * Converts a value read from JSON or a query string to this type's Java value (String, Long, Double).
     *
     * @throws IllegalArgumentException with the reason when the value does not fit the type
     */
    public Object coerce(Object value) {
        if (value == null) return null;
        switch (this) {
            case STRING:
                return value.toString();
            case INTEGER:
                if (value instanceof Number n) {
                    double d = n.doubleValue();
                    if (d != Math.rint(d)) throw new IllegalArgumentException("'" + value + "' is not a whole number");
                    return n.longValue();
                }
                try {
                    return Long.parseLong(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not an integer");
                }
            case NUMBER:
                if (value instanceof Number n) return n.doubleValue();
                try {
                    double d = Double.parseDouble(value.toString().trim());
                    if (!Double.isFinite(d)) throw new NumberFormatException();
                    return d;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a number");
                }
            default:
                throw new AssertionError(this);
        }
    }
}
