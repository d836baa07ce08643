package parkgrid.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import parkgrid.feature.Identifiers;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * The schema of a text-valued format (KML, TXT, DXF) as its values show it, and the property names it gets:
 * a field name that is a valid identifier is kept; another is lower-cased with every other character turned into
 * {@code _} ({@code Land Use} → {@code land_use}); a name with nothing left (Chinese, {@code 名称}) becomes
 * {@code field_N} by its first appearance. A value is an integer when it is written as one without leading zeros
 * ({@code 0101} stays text: land-class codes), a number when it parses as a finite decimal, else text; a
 * property takes the widest type its values take.
 */
final class FieldSchema {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, PropertyType> types = new LinkedHashMap<>();

    /** The property name for a field name of the file. */
    String name(String field) {
        return names.computeIfAbsent(field, f -> {
            String n = f.trim();
            if (!Identifiers.isValid(n)) {
                n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_").replaceAll("_+", "_").replaceAll("^[^a-z]+|_$", "");
                if (!Identifiers.isValid(n)) n = "field_" + (names.size() + 1);
            }
            String unique = n;
            for (int i = 2; names.containsValue(unique); i++) unique = n + "_" + i;
            return unique;
        });
    }

    /** Notes one value of a field (null or blank says nothing about its type). */
    void add(String field, String value) {
        String name = name(field);
        PropertyType seen = types.get(name);
        if (value == null || value.isBlank()) {
            types.putIfAbsent(name, null);
            return;
        }
        PropertyType now = typeOf(value.trim());
        types.put(name, seen == null ? now : widen(seen, now));
    }

    /** Declares a field with a fixed type, whatever its values. */
    void declare(String field, PropertyType type) {
        types.put(name(field), type);
    }

    List<PropertyDefinition> schema() {
        List<PropertyDefinition> defs = new ArrayList<>();
        types.forEach((n, t) -> defs.add(new PropertyDefinition(n, t == null ? PropertyType.STRING : t)));
        return defs;
    }

    /** The typed value of a field: what {@link parkgrid.store.FeatureChecks} coerces to the schema's type. */
    static Object value(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static PropertyType typeOf(String v) {
        if (INTEGER.matcher(v).matches()) return PropertyType.INTEGER;
        if (NUMBER.matcher(v).matches()) return PropertyType.NUMBER;
        return PropertyType.STRING;
    }

    private static PropertyType widen(PropertyType a, PropertyType b) {
        if (a == b) return a;
        if (a != PropertyType.STRING && b != PropertyType.STRING) return PropertyType.NUMBER;
        return PropertyType.STRING;
    }
}
