package parkgrid.filter;

/** The SQL dialects {@link FilterSql} writes for. */
public enum SqlDialect {
    /** PostgreSQL with PostGIS: spatial predicates become {@code ST_xxx(geom, ST_GeomFromText(?, 4326))}. */
    POSTGIS,
    /**
     * SQLite as used by the GeoPackage store: no spatial SQL functions, so spatial predicates stay in Java;
     * LIKE is written as GLOB because SQLite's LIKE ignores ASCII case.
     */
    SQLITE
}
