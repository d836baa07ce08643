package parkgrid.feature;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for layer and property names: they become table and column names in both stores, so they are
 * restricted to lower-case ASCII identifiers and never taken from a request without checking against
 * the layer registry.
 */
public final class Identifiers {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Column names the stores use themselves. */
    public static final Set<String> RESERVED = Set.of("fid", "geom");

    private Identifiers() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** @throws IllegalArgumentException naming the value when it is not a valid identifier */
    public static String requireValid(String name, String what) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' must match [a-z][a-z0-9_]{0,62} and not be fid or geom");
        }
        return name;
    }
}
