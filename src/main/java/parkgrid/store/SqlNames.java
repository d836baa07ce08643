package parkgrid.store;

import parkgrid.feature.Identifiers;

/** The one place identifiers enter SQL: checked against the identifier rule, then double-quoted. */
public final class SqlNames {
    private SqlNames() {}

    public static String quote(String identifier) {
        if (!Identifiers.isValid(identifier) && !Identifiers.RESERVED.contains(identifier)
                && !identifier.matches("rtree_[a-z][a-z0-9_]*_geom")) {
            throw new IllegalArgumentException("not a safe SQL identifier: " + identifier);
        }
        return '"' + identifier + '"';
    }
}
