package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.filter.Filter;
import parkgrid.filter.FilterBinder;
import parkgrid.filter.SpatialOperator;
import parkgrid.filter.TextFunction;

class FilterSqlTest {
    static final Layer SUBSTATIONS = new Layer("substations", "Substations", null, null, GeometryKind.POINT, List.of(
            new PropertyDefinition("name", PropertyType.STRING),
            new PropertyDefinition("capacity_kva", PropertyType.INTEGER),
            new PropertyDefinition("load_ratio", PropertyType.NUMBER)), null, null);

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
    private static final String MIXED = "capacity_kva >= 500 AND (name LIKE 'Ru%' OR load_ratio IS NULL)"
            + " AND S_INTERSECTS(geom, BBOX(112, 34, 113, 35))";

    private static FilterSql sql(String cql2, SqlDialect dialect, String alias) {
        return FilterSql.of(FilterBinder.parseAndBind(cql2, SUBSTATIONS), dialect, alias);
    }

    @Test
    void writesAWholeFilterForPostGisWithSpatialFunctionsAndOrderedParameters() {
        FilterSql s = sql(MIXED, SqlDialect.POSTGIS, null);
        assertEquals("\"capacity_kva\" >= ? AND (\"name\" LIKE ? OR \"load_ratio\" IS NULL)"
                + " AND ST_Intersects(geom, ST_GeomFromText(?, 4326))", s.getSql());
        assertEquals(List.of(500L, "Ru%", "POLYGON ((112 34, 112 35, 113 35, 113 34, 112 34))"), s.getParameters());
        assertFalse(s.requiresJavaEvaluation());
        assertNull(s.getResidual());
    }

    @Test
    void namesThePostGisFunctionOfEachSpatialOperator() {
        assertEquals("ST_Within(t.geom, ST_GeomFromText(?, 4326)) OR ST_Contains(t.geom, ST_GeomFromText(?, 4326))"
                        + " OR NOT (ST_Disjoint(t.geom, ST_GeomFromText(?, 4326)))",
                sql("S_WITHIN(geom, POINT(1 2)) OR S_WITHIN(POINT(3 4), geom) OR NOT S_DISJOINT(geom, POINT(5 6))",
                        SqlDialect.POSTGIS, "t").getSql());
    }

    @Test
    void keepsFullDoublePrecisionInGeometryParameters() {
        String wkt = (String) sql("S_INTERSECTS(geom, POINT(112.45678901234567 34.123456789012345))", SqlDialect.POSTGIS, null)
                .getParameters().get(0);
        assertEquals(wkt("POINT (112.45678901234567 34.123456789012345)"), wkt(wkt));
    }

    @Test
    void pushesTheNonSpatialConjunctsToSqliteAndLeavesTheSpatialOnesToJava() {
        FilterSql s = sql(MIXED, SqlDialect.SQLITE, "t");
        assertEquals("t.\"capacity_kva\" >= ? AND (t.\"name\" GLOB ? OR t.\"load_ratio\" IS NULL)", s.getSql());
        assertEquals(List.of(500L, "Ru*"), s.getParameters());
        assertTrue(s.requiresJavaEvaluation());
        assertEquals(new Filter.SpatialPredicate(SpatialOperator.S_INTERSECTS, "geom",
                wkt("POLYGON ((112 34, 112 35, 113 35, 113 34, 112 34))")), s.getResidual().filter());
    }

    @Test
    void pushesNothingToSqliteWhenASpatialPredicateIsNotAConjunct() {
        FilterSql s = sql("capacity_kva > 1 OR S_WITHIN(geom, BBOX(112, 34, 113, 35))", SqlDialect.SQLITE, null);
        assertEquals("", s.getSql());
        assertFalse(s.hasSql());
        assertEquals(List.of(), s.getParameters());
        assertTrue(s.requiresJavaEvaluation());
        assertEquals(FilterBinder.parseAndBind("capacity_kva > 1 OR S_WITHIN(geom, BBOX(112, 34, 113, 35))", SUBSTATIONS).filter(),
                s.getResidual().filter());
    }

    @Test
    void writesANonSpatialFilterWholeForSqlite() {
        FilterSql s = sql("name NOT LIKE 'a*b\\_%' AND capacity_kva NOT IN (315, 630) AND load_ratio BETWEEN 0 AND 1"
                + " AND name > 'M'", SqlDialect.SQLITE, null);
        assertEquals("NOT (\"name\" GLOB ?) AND NOT (\"capacity_kva\" IN (?, ?)) AND \"load_ratio\" BETWEEN ? AND ?"
                + " AND \"name\" > ?", s.getSql());
        assertEquals(List.of("a[*]b_*", 315L, 630L, 0.0, 1.0, "M"), s.getParameters());
        assertFalse(s.requiresJavaEvaluation());
    }

    @Test
    void ordersStringsByCodePointInPostGisAndKeepsGrouping() {
        FilterSql s = sql("(name > 'M' OR name BETWEEN 'A' AND 'C') AND NOT (capacity_kva = 1 OR capacity_kva <> 2)",
                SqlDialect.POSTGIS, null);
        assertEquals("(\"name\" COLLATE \"C\" > ? OR \"name\" COLLATE \"C\" BETWEEN ? AND ?)"
                + " AND NOT (\"capacity_kva\" = ? OR \"capacity_kva\" <> ?)", s.getSql());
        assertEquals(List.of("M", "A", "C", 1L, 2L), s.getParameters());
    }

    @Test
    void rejectsAnAliasThatIsNotAPlainIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> sql("name IS NULL", SqlDialect.POSTGIS, "t; DROP TABLE x"));
    }

    @Test
    void namesThePostGisFunctionOfTheSpatialFunctionsClass() {
        assertEquals("ST_Equals(geom, ST_GeomFromText(?, 4326)) AND ST_Touches(geom, ST_GeomFromText(?, 4326))"
                        + " AND ST_Overlaps(geom, ST_GeomFromText(?, 4326)) AND ST_Crosses(geom, ST_GeomFromText(?, 4326))",
                sql("S_EQUALS(geom, POINT(1 2)) AND S_TOUCHES(geom, POINT(1 2)) AND S_OVERLAPS(geom, POINT(1 2)) AND S_CROSSES(POINT(1 2), geom)",
                        SqlDialect.POSTGIS, null).getSql());
        assertEquals(List.of("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))"),
                sql("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(1 2, 3 4)))", SqlDialect.POSTGIS, null).getParameters());
    }

    @Test
    void writesCaseiAndAccentiForPostGisWithTheStepsJavaTakes() {
        FilterSql s = sql("ACCENTI(CASEI(name)) = accenti(casei('Dōngyuántóu')) AND CASEI(name) LIKE casei('程村%')", SqlDialect.POSTGIS, "t");
        String casei = "lower(upper(t.\"name\" COLLATE \"und-x-icu\"))";
        String accentiOfCasei = "normalize(translate(regexp_replace(normalize(" + casei + ", NFD), '" + TextFunction.COMBINING_MARKS + "', '', 'g'), '"
                + TextFunction.STROKED + "', '" + TextFunction.UNSTROKED + "'), NFC)";
        assertEquals("(" + accentiOfCasei + ") COLLATE \"C\" = ? AND (" + casei + ") COLLATE \"C\" LIKE ?", s.getSql());
        assertEquals(List.of("dongyuantou", "程村%"), s.getParameters());
        assertFalse(s.requiresJavaEvaluation());
    }

    @Test
    void leavesCaseiAndAccentiToJavaInSqliteWhoseLowerIsAsciiOnly() {
        FilterSql s = sql("capacity_kva > 100 AND CASEI(name) = casei('程村') AND (ACCENTI(name) LIKE 'D%' OR name IS NULL)", SqlDialect.SQLITE, "t");
        assertEquals("t.\"capacity_kva\" > ?", s.getSql());
        assertEquals(List.of(100L), s.getParameters());
        assertTrue(s.requiresJavaEvaluation());
        assertEquals(FilterBinder.parseAndBind("CASEI(name) = casei('程村') AND (ACCENTI(name) LIKE 'D%' OR name IS NULL)", SUBSTATIONS).filter(),
                s.getResidual().filter());
    }

    @Test
    void writesBooleanConstantsInBothDialects() {
        assertEquals("(1 = 1) OR \"name\" IS NULL", sql("TRUE OR name IS NULL", SqlDialect.SQLITE, null).getSql());
        assertEquals("NOT ((1 = 0))", sql("NOT FALSE", SqlDialect.POSTGIS, null).getSql());
        assertEquals("(1 = 1)", sql("S_INTERSECTS(POINT(1 1), BBOX(0, 0, 2, 2))", SqlDialect.SQLITE, null).getSql());
    }
}
