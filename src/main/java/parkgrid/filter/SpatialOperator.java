package parkgrid.filter;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * The CQL2 spatial functions (Spatial Functions conformance class), with their DE-9IM meaning for
 * {@code S_xxx(a, b)} as the CQL2 standard defines them after OGC Simple Features; the PostGIS
 * {@code ST_xxx} function and the JTS predicate of the same name decide them identically (planar, in
 * degrees of CRS84 lon/lat).
 */
public enum SpatialOperator {
    /** a and b share at least one point. */
    S_INTERSECTS("ST_Intersects"),
    /** a lies in b: no point of a outside b and interiors meet. */
    S_WITHIN("ST_Within"),
    /** b lies in a. */
    S_CONTAINS("ST_Contains"),
    /** a and b share no point. */
    S_DISJOINT("ST_Disjoint"),
    /** a and b are topologically equal (each within the other; vertex order and count may differ). */
    S_EQUALS("ST_Equals"),
    /** a and b meet only on their boundaries: they intersect but their interiors do not. */
    S_TOUCHES("ST_Touches"),
    /**
     * a and b of the same dimension share some but not all interior points, and that shared part has
     * their dimension (two polygons overlapping in an area, two lines along a segment).
     */
    S_OVERLAPS("ST_Overlaps"),
    /**
     * The interiors meet in a part of lower dimension than the larger of the two (a line crossing a line
     * at points, a line passing through a polygon, points partly inside a polygon), and neither contains
     * the other.
     */
    S_CROSSES("ST_Crosses");

    private final String postGisFunction;

    SpatialOperator(String postGisFunction) { this.postGisFunction = postGisFunction; }

    /** The PostGIS function deciding the same predicate, e.g. {@code ST_Within}. */
    public String postGisFunction() { return postGisFunction; }

    /**
     * The operator with its arguments swapped: {@code S_WITHIN(a, b)} is {@code S_CONTAINS(b, a)}; the
     * others are symmetric.
     */
    public SpatialOperator converse() {
        return switch (this) {
            case S_WITHIN -> S_CONTAINS;
            case S_CONTAINS -> S_WITHIN;
            default -> this;
        };
    }

    /** Decides {@code S_xxx(a, b)} with JTS. */
    public boolean test(Geometry a, Geometry b) {
        return switch (this) {
            case S_INTERSECTS -> a.intersects(b);
            case S_WITHIN -> a.within(b);
            case S_CONTAINS -> a.contains(b);
            case S_DISJOINT -> a.disjoint(b);
            case S_EQUALS -> a.equalsTopo(b);
            case S_TOUCHES -> a.touches(b);
            case S_OVERLAPS -> a.overlaps(b);
            case S_CROSSES -> a.crosses(b);
        };
    }

    /** Decides {@code S_xxx(feature, literal)} with the literal prepared once. */
    boolean test(Geometry feature, PreparedGeometry literal) {
        // The prepared literal is the first argument of each JTS call, so the operator turns.
        return switch (this) {
            case S_INTERSECTS -> literal.intersects(feature);
            case S_DISJOINT -> literal.disjoint(feature);
            case S_WITHIN -> literal.contains(feature);
            case S_CONTAINS -> literal.within(feature);
            case S_TOUCHES -> literal.touches(feature);
            case S_OVERLAPS -> literal.overlaps(feature);
            case S_CROSSES -> literal.crosses(feature);
            case S_EQUALS -> feature.equalsTopo(literal.getGeometry());
        };
    }

    /** The operator named (case-insensitive), or null. */
    static SpatialOperator fromName(String name) {
        for (SpatialOperator op : values()) {
            if (op.name().equals(name.toUpperCase(Locale.ROOT))) return op;
        }
        return null;
    }

    /** The names, for error messages. */
    static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Enum::name).toList());
    }
}
