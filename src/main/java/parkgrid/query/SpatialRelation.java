package parkgrid.query;

import java.util.Locale;

/** How a feature must relate to the query geometry. */
public enum SpatialRelation {
    /** Shares any point with the query geometry. */
    INTERSECTS,
    /** Lies inside the query geometry. */
    WITHIN,
    /** Contains the query geometry. */
    CONTAINS,
    /** Comes within a given number of metres of the query geometry. */
    WITHIN_DISTANCE;

    /** {@code intersects}, {@code within}, {@code contains}, {@code within-distance}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SpatialRelation fromApiName(String name) {
        for (SpatialRelation r : values()) if (r.apiName().equals(name)) return r;
        throw new IllegalArgumentException("unknown relation '" + name + "': use intersects, within, contains or within-distance");
    }
}
