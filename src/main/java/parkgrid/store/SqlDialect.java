package parkgrid.store;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.filter.Filter;
import parkgrid.filter.LikePattern;
import parkgrid.filter.TextFunction;
import static parkgrid.store.SqlNames.quote;

/**
 * Every difference between the two SQL backends, in one place: which filter predicates SQL can decide,
 * text collation, LIKE vs GLOB, CASEI/ACCENTI, geometry literals and the bbox (GIST {@code &&} plus
 * {@code ST_Intersects} vs a join with the GeoPackage R-tree, whose float32 boxes need an exact test in
 * Java). {@link FilterSql}, {@link SortOrder} and {@link QueryPlan} ask the dialect; no other class tests
 * which backend it writes for. Geometries are EPSG:4326 lon/lat; the geometry column is {@code geom}, the
 * id column {@code fid}.
 */
public enum SqlDialect {
    /** PostgreSQL with PostGIS: every filter is SQL; the bbox is decided exactly in SQL. */
    POSTGIS {
        @Override public boolean canDecide(Filter leaf) { return true; }

        @Override public String textOrdering() { return " COLLATE \"C\""; }

        @Override String like(String column, String pattern, List<Object> params) {
            params.add(pattern);
            return column + " LIKE ?";
        }

        @Override String spatial(String function, String geometryColumn, Geometry literal, List<Object> params) {
            params.add(new WKTWriter().write(literal));
            return function + "(" + geometryColumn + ", ST_GeomFromText(?, 4326))";
        }

        @Override String textFunction(TextFunction f, String sql) {
            return f == TextFunction.CASEI ? "lower(upper(" + sql + " COLLATE " + ICU_ROOT + "))"
                    : "normalize(translate(regexp_replace(normalize(" + sql + ", NFD), '" + TextFunction.COMBINING_MARKS + "', '', 'g'), '"
                      + TextFunction.STROKED + "', '" + TextFunction.UNSTROKED + "'), NFC)";
        }

        @Override public String bboxJoin(String alias, String layerName) { return ""; }

        @Override public String bboxCondition(String alias) {
            String geom = prefix(alias) + "geom";
            return geom + " && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(" + geom + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))";
        }

        @Override public List<Object> bboxParameters(Envelope b) {
            return List.of(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(), b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
        }

        @Override public boolean isBboxExact() { return true; }

        @Override public String unlimitedWithOffset() { return ""; }

        @Override public void bindInstant(java.sql.PreparedStatement ps, int index, java.time.Instant at) throws java.sql.SQLException {
            ps.setTimestamp(index, java.sql.Timestamp.from(at));
        }

        @Override public java.time.Instant readInstant(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
            java.sql.Timestamp t = rs.getTimestamp(index);
            return t == null ? null : t.toInstant();
        }

        @Override public String serialKey(String column) { return column + " bigserial PRIMARY KEY"; }

        @Override public String timeType() { return "timestamptz"; }

        @Override public String columnType(PropertyType type) {
            return switch (type) {
                case STRING -> "text";
                case INTEGER -> "bigint";
                case NUMBER -> "double precision";
            };
        }
    },

    /**
     * SQLite as the GeoPackage store uses it: no spatial SQL functions, so spatial predicates stay in Java;
     * {@code lower()} knows only ASCII, so CASEI/ACCENTI stay in Java; LIKE is written as GLOB because
     * SQLite's LIKE ignores ASCII case; the bbox joins {@code rtree_<layer>_geom}.
     */
    SQLITE {
        @Override public boolean canDecide(Filter leaf) {
            if (leaf instanceof Filter.SpatialPredicate) return false;
            if (leaf instanceof Filter.Comparison c) return c.functions().isEmpty();
            if (leaf instanceof Filter.Like l) return l.functions().isEmpty();
            if (leaf instanceof Filter.In in) return in.functions().isEmpty();
            if (leaf instanceof Filter.Between b) return b.functions().isEmpty();
            return true;
        }

        @Override public String textOrdering() { return ""; }

        @Override String like(String column, String pattern, List<Object> params) {
            params.add(LikePattern.toGlob(pattern));
            return column + " GLOB ?";
        }

        @Override String likeNecessaryCondition(String column, Filter.Like like, List<Object> params) {
            return CaseInsensitiveLikePrefilter.sql(column, like, params);
        }

        @Override String spatial(String function, String geometryColumn, Geometry literal, List<Object> params) {
            throw new IllegalStateException("no spatial SQL in SQLite");
        }

        @Override String textFunction(TextFunction f, String sql) {
            throw new IllegalStateException("no Unicode " + f + " in SQLite");
        }

        @Override public String bboxJoin(String alias, String layerName) {
            String t = prefix(alias);
            return " JOIN " + rtree(layerName) + " r ON r.id = " + t + "fid AND r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?";
        }

        @Override public String bboxCondition(String alias) { return null; }

        @Override public List<Object> bboxParameters(Envelope b) {
            return List.of(b.getMaxX(), b.getMinX(), b.getMaxY(), b.getMinY());
        }

        @Override public boolean isBboxExact() { return false; }

        @Override public String unlimitedWithOffset() { return " LIMIT -1"; }

        @Override public void bindInstant(java.sql.PreparedStatement ps, int index, java.time.Instant at) throws java.sql.SQLException {
            ps.setString(index, at.toString());
        }

        @Override public java.time.Instant readInstant(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
            String t = rs.getString(index);
            return t == null ? null : java.time.Instant.parse(t);
        }

        @Override public String serialKey(String column) { return column + " INTEGER PRIMARY KEY AUTOINCREMENT"; }

        @Override public String timeType() { return "TEXT"; }

        /** The GeoPackage data types (Requirement 5: TEXT, INTEGER, DOUBLE), as the NGA library writes them. */
        @Override public String columnType(PropertyType type) {
            return switch (type) {
                case STRING -> "TEXT";
                case INTEGER -> "INTEGER";
                case NUMBER -> "DOUBLE";
            };
        }
    };

    /** The ICU root collation, whose upper/lower case mappings are the full Unicode ones Java uses. */
    static final String ICU_ROOT = "\"und-x-icu\"";

    /** Whether SQL can decide this predicate (AND/OR/NOT are decided by their operands). */
    public abstract boolean canDecide(Filter leaf);

    /** The collation clause that makes text order by code point, as Java and SQLite order it. */
    public abstract String textOrdering();

    abstract String like(String column, String pattern, List<Object> params);

    /**
     * For a LIKE this dialect cannot decide ({@link #canDecide} false): a condition on {@code column} that every
     * matching row satisfies (Java then decides the LIKE on the rows it lets through), its parameters appended;
     * null when there is none (the default).
     */
    String likeNecessaryCondition(String column, Filter.Like like, List<Object> params) {
        return null;
    }

    abstract String spatial(String function, String geometryColumn, Geometry literal, List<Object> params);

    /** {@code sql} with CASEI or ACCENTI applied as {@link TextFunction} defines them. */
    abstract String textFunction(TextFunction f, String sql);

    /** The JOIN that selects bbox candidates (SQLite's R-tree), or the empty string. */
    public abstract String bboxJoin(String alias, String layerName);

    /** The WHERE condition that decides the bbox, or null when {@link #bboxJoin} selects candidates. */
    public abstract String bboxCondition(String alias);

    /** The values for the bbox placeholders of {@link #bboxJoin} or {@link #bboxCondition}, in order. */
    public abstract List<Object> bboxParameters(Envelope bbox);

    /** True when SQL decides the bbox exactly; false when its hits are candidates Java must test. */
    public abstract boolean isBboxExact();

    /** What goes before {@code OFFSET} when there is no LIMIT (SQLite needs {@code LIMIT -1}). */
    public abstract String unlimitedWithOffset();

    /** Binds a time as the store keeps it: {@code timestamptz} in PostGIS, ISO-8601 UTC text in SQLite. */
    public abstract void bindInstant(java.sql.PreparedStatement ps, int index, java.time.Instant at) throws java.sql.SQLException;

    /** Reads a time {@link #bindInstant} wrote; null for SQL NULL. */
    public abstract java.time.Instant readInstant(java.sql.ResultSet rs, int index) throws java.sql.SQLException;

    /** The DDL of an auto-numbered primary key column. */
    public abstract String serialKey(String column);

    /** The column type {@link #bindInstant} writes into. */
    public abstract String timeType();

    /** The column type of a property of {@code type}. */
    public abstract String columnType(PropertyType type);

    /**
     * The DDL that adds {@code property} to the feature table {@code table} (quoted, schema-qualified where the
     * store needs it); existing rows get NULL. Both backends take the same statement but for the column type.
     */
    public String addColumn(String table, PropertyDefinition property) {
        return "ALTER TABLE " + table + " ADD COLUMN " + quote(property.name()) + " " + columnType(property.type());
    }

    /** The GeoPackage R-tree table of a layer's {@code geom} column. */
    public static String rtree(String layerName) {
        return quote("rtree_" + layerName + "_geom");
    }

    static String prefix(String alias) {
        return alias == null ? "" : alias + ".";
    }
}
