package parkgrid.filter;

import java.util.Locale;

/**
 * The CQL2 spatial predicates supported, with their DE-9IM meaning for {@code S_xxx(a, b)}; the PostGIS
 * {@code ST_xxx} functions and JTS predicates of the same name decide them identically (planar, in degrees).
 */
public enum SpatialOperator {
    /** a and b share at least one point. */
    S_INTERSECTS("ST_Intersects"),
    /** a lies in b: no point of a outside b and interiors meet. */
    S_WITHIN("ST_Within"),
    /** b lies in a. */
    S_CONTAINS("ST_Contains"),
    /** a and b share no point. */
    S_DISJOINT("ST_Disjoint");

    private final String postGisFunction;

    SpatialOperator(String postGisFunction) { this.postGisFunction = postGisFunction; }

    /** The PostGIS function deciding the same predicate, e.g. {@code ST_Within}. */
    public String postGisFunction() { return postGisFunction; }

    /** The operator with its arguments swapped: {@code S_WITHIN(a, b)} is {@code S_CONTAINS(b, a)}. */
    public SpatialOperator converse() {
        return switch (this) {
            case S_WITHIN -> S_CONTAINS;
            case S_CONTAINS -> S_WITHIN;
            default -> this;
        };
    }

    /** The operator named (case-insensitive), or null. */
    static SpatialOperator fromName(String name) {
        for (SpatialOperator op : values()) {
            if (op.name().equals(name.toUpperCase(Locale.ROOT))) return op;
        }
        return null;
    }
}
