package parkgrid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.filter.FilterFixture.wkt;

import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;
import parkgrid.filter.Filter.And;
import parkgrid.filter.Filter.Between;
import parkgrid.filter.Filter.Comparison;
import parkgrid.filter.Filter.In;
import parkgrid.filter.Filter.IsNull;
import parkgrid.filter.Filter.Like;
import parkgrid.filter.Filter.Not;
import parkgrid.filter.Filter.Or;
import parkgrid.filter.Filter.SpatialPredicate;

class Cql2TextParserTest {
    private static Filter parse(String text) {
        return Cql2TextParser.parse(text);
    }

    @Test
    void parsesEachComparisonOperator() {
        assertEquals(new Comparison("a", ComparisonOperator.EQUAL, 1L), parse("a = 1"));
        assertEquals(new Comparison("a", ComparisonOperator.NOT_EQUAL, 1L), parse("a <> 1"));
        assertEquals(new Comparison("a", ComparisonOperator.LESS, 1L), parse("a<1"));
        assertEquals(new Comparison("a", ComparisonOperator.LESS_OR_EQUAL, 1L), parse("a <= 1"));
        assertEquals(new Comparison("a", ComparisonOperator.GREATER, 1L), parse("a > 1"));
        assertEquals(new Comparison("a", ComparisonOperator.GREATER_OR_EQUAL, 1L), parse("a >= 1"));
    }

    @Test
    void normalisesALiteralOnTheLeftByTurningTheOperator() {
        assertEquals(new Comparison("population", ComparisonOperator.GREATER, 5L), parse("5 < population"));
        assertEquals(new Comparison("name", ComparisonOperator.EQUAL, "x"), parse("'x' = name"));
    }

    @Test
    void readsIntegersDecimalsNegativesAndExponents() {
        assertEquals(new Comparison("v", ComparisonOperator.EQUAL, 42L), parse("v = 42"));
        assertEquals(new Comparison("v", ComparisonOperator.EQUAL, -7L), parse("v = -7"));
        assertEquals(new Comparison("v", ComparisonOperator.EQUAL, 0.25), parse("v = .25"));
        assertEquals(new Comparison("v", ComparisonOperator.EQUAL, -0.15), parse("v = -1.5e-1"));
        assertEquals(new Comparison("v", ComparisonOperator.EQUAL, 1200.0), parse("v = 1.2E3"));
        assertEquals(new Comparison("v", ComparisonOperator.EQUAL, 1e20), parse("v = 100000000000000000000"));
    }

    @Test
    void unescapesDoubledQuotesInStringsAndQuotedNames() {
        assertEquals(new Comparison("name", ComparisonOperator.EQUAL, "It's"), parse("name = 'It''s'"));
        assertEquals(new Comparison("odd \"name\"", ComparisonOperator.EQUAL, ""), parse("\"odd \"\"name\"\"\" = ''"));
        assertEquals(new IsNull("and"), parse("\"and\" IS NULL"));
    }

    @Test
    void readsKeywordsInAnyCaseAndKeepsPropertyNamesAsWritten() {
        assertEquals(new And(List.of(new IsNull("Name"), new Comparison("b", ComparisonOperator.EQUAL, true))),
                parse("Name is null aNd b = true"));
        assertEquals(new Comparison("b", ComparisonOperator.EQUAL, false), parse("b = False"));
    }

    @Test
    void bindsNotTighterThanAndTighterThanOr() {
        Comparison a = new Comparison("a", ComparisonOperator.EQUAL, 1L);
        Comparison b = new Comparison("b", ComparisonOperator.EQUAL, 2L);
        Comparison c = new Comparison("c", ComparisonOperator.EQUAL, 3L);
        assertEquals(new Or(List.of(a, new And(List.of(b, new Not(c))))), parse("a = 1 OR b = 2 AND NOT c = 3"));
        assertEquals(new And(List.of(new Or(List.of(a, b)), c)), parse("(a = 1 OR b = 2) AND c = 3"));
        assertEquals(new And(List.of(a, b, c)), parse("a = 1 AND (b = 2 AND c = 3)"));
        assertEquals(new Not(new Not(a)), parse("NOT NOT a = 1"));
    }

    @Test
    void parsesLikeInBetweenAndIsNullWithTheirNegations() {
        assertEquals(new Like("name", "Ru%"), parse("name LIKE 'Ru%'"));
        assertEquals(new Not(new Like("name", "Ru_")), parse("name NOT LIKE 'Ru_'"));
        assertEquals(new In("k", List.of(1L, 2.5, "x")), parse("k IN (1, 2.5, 'x')"));
        assertEquals(new Not(new In("k", List.of(1L))), parse("k not in (1)"));
        assertEquals(new Between("k", 1L, 10L), parse("k BETWEEN 1 AND 10"));
        assertEquals(new And(List.of(new Not(new Between("k", 1L, 10L)), new IsNull("z"))),
                parse("k NOT BETWEEN 1 AND 10 AND z IS NULL"));
        assertEquals(new Not(new IsNull("z")), parse("z IS NOT NULL"));
    }

    @Test
    void parsesSpatialPredicatesWithLonLatGeometryLiterals() {
        assertEquals(new SpatialPredicate(SpatialOperator.S_INTERSECTS, "geom", wkt("POINT (112.45 34.15)")),
                parse("S_INTERSECTS(geom, POINT(112.45 34.15))"));
        assertEquals(new SpatialPredicate(SpatialOperator.S_WITHIN, "geometry",
                        wkt("POLYGON ((112 34, 113 34, 113 35, 112 35, 112 34), (112.4 34.4, 112.6 34.4, 112.6 34.6, 112.4 34.4))")),
                parse("s_within(geometry, POLYGON((112 34, 113 34, 113 35, 112 35, 112 34), (112.4 34.4, 112.6 34.4, 112.6 34.6, 112.4 34.4)))"));
        assertEquals(new SpatialPredicate(SpatialOperator.S_CONTAINS, "geom", wkt("LINESTRING (112 34, 113 35)")),
                parse("S_CONTAINS(geom, LINESTRING(112 34, 113 35))"));
        assertEquals(new SpatialPredicate(SpatialOperator.S_DISJOINT, "geom", wkt("MULTIPOINT ((112 34), (113 35))")),
                parse("S_DISJOINT(geom, MULTIPOINT(112 34, 113 35))"));
        assertEquals(wkt("MULTIPOINT ((112 34), (113 35))"),
                ((SpatialPredicate) parse("S_DISJOINT(geom, MULTIPOINT((112 34), (113 35)))")).geometry());
        assertEquals(wkt("MULTILINESTRING ((112 34, 113 35), (111 33, 111.5 33))"),
                ((SpatialPredicate) parse("S_INTERSECTS(geom, MULTILINESTRING((112 34, 113 35), (111 33, 111.5 33)))")).geometry());
        assertEquals(wkt("MULTIPOLYGON (((112 34, 113 34, 113 35, 112 34)), ((110 30, 111 30, 111 31, 110 30)))"),
                ((SpatialPredicate) parse("S_INTERSECTS(geom, MULTIPOLYGON(((112 34, 113 34, 113 35, 112 34)), ((110 30, 111 30, 111 31, 110 30))))")).geometry());
    }

    @Test
    void turnsBboxIntoAPolygonAndIgnoresHeightsOfTheSixNumberForm() {
        Filter expected = new SpatialPredicate(SpatialOperator.S_INTERSECTS, "geom",
                wkt("POLYGON ((112.4 34.1, 112.4 34.2, 112.5 34.2, 112.5 34.1, 112.4 34.1))"));
        assertEquals(expected, parse("S_INTERSECTS(geom, BBOX(112.4, 34.1, 112.5, 34.2))"));
        assertEquals(expected, parse("S_INTERSECTS(geom, BBOX(112.4, 34.1, 0, 112.5, 34.2, 100))"));
        assertEquals(4326, ((SpatialPredicate) parse("S_INTERSECTS(geom, BBOX(112.4, 34.1, 112.5, 34.2))")).geometry().getSRID());
    }

    @Test
    void normalisesAGeometryLiteralFirstBySwappingWithinAndContains() {
        assertEquals(new SpatialPredicate(SpatialOperator.S_CONTAINS, "geom", wkt("POINT (112 34)")),
                parse("S_WITHIN(POINT(112 34), geom)"));
        assertEquals(new SpatialPredicate(SpatialOperator.S_INTERSECTS, "geom", wkt("POINT (112 34)")),
                parse("S_INTERSECTS(POINT(112 34), geom)"));
    }

    // ---- errors name the 1-based position and what was expected

    private static String error(String text) {
        ParkGridException e = assertThrows(ParkGridException.class, () -> parse(text), text);
        assertEquals(400, e.status());
        assertEquals("filter", e.parameter());
        return e.detail();
    }

    private static void assertError(String text, String expectedDetailPart) {
        String detail = error(text);
        assertTrue(detail.startsWith("filter: at position "), detail);
        assertTrue(detail.contains(expectedDetailPart), "'" + detail + "' should contain '" + expectedDetailPart + "'");
    }

    @Test
    void reportsAMissingOperandAtTheEndOfText() {
        assertEquals("filter: at position 16: expected a value after '>' but found end of text", error("capacity_kva > "));
        assertEquals("filter: at position 15: expected a filter expression but found end of text", error("name = 'a' AND"));
        assertEquals("filter: at position 1: expected a filter expression but found end of text", error(""));
        assertEquals("filter: at position 4: expected a filter expression but found end of text", error("   "));
        assertError("a = 1 OR OR b = 2", "at position 10: expected a filter expression but found 'OR'");
        assertError("k BETWEEN 1 10", "at position 13: expected AND in BETWEEN ... AND ... but found '10'");
        assertError("k IN ()", "at position 7: expected a value in the IN list but found ')'");
    }

    @Test
    void reportsAnUnclosedStringWhereItStarts() {
        assertError("name = 'Ruyang", "at position 8: string starting here is not closed");
        assertError("\"name = 'x'", "at position 1: quoted property name starting here is not closed");
    }

    @Test
    void reportsUnknownOperatorsAndFunctions() {
        assertError("capacity_kva ~ 5", "at position 14: unexpected character '~'");
        assertError("capacity_kva != 5", "at position 14: '!=' is not a CQL2 operator; use '<>'");
        assertError("name LIKES 'x'", "at position 6: expected an operator (=, <>, <, <=, >, >=, LIKE, IN, BETWEEN or IS NULL)"
                + " after 'name' but found 'LIKES'");
        assertError("S_NEAR(geom, POINT(112 34))", "at position 1: unknown function 'S_NEAR'; supported are S_INTERSECTS");
        assertError("UPPER(name) = 'X'", "at position 1: unknown function 'UPPER'");
        assertError("geom = POINT(112 34)", "at position 8: a geometry literal can only be an argument of S_INTERSECTS");
        assertError("name NOT = 'x'", "at position 10: expected LIKE, IN or BETWEEN after NOT but found '='");
    }

    @Test
    void reportsMalformedGeometryLiteralsAtTheLiteral() {
        assertError("S_INTERSECTS(geom, POLYGON((112 34, 113 34, 113 35)))", "at position 20: the POLYGON literal is not a valid geometry");
        assertError("S_INTERSECTS(geom, POINT(112.4))", "at position 31: expected a latitude but found ')'");
        assertError("S_INTERSECTS(geom, POINT(34.1 112.4))", "at position 31: latitude 112.4 is outside [-90, 90]; geometry literals are longitude latitude (CRS84)");
        assertError("S_INTERSECTS(geom, POLYGON((112 34, 113 35, 113 34, 112 35, 112 34)))", "at position 20: the POLYGON literal is not a valid geometry: Self-intersection");
        assertError("S_INTERSECTS(geom, POINT(112 34)", "at position 33: expected ')' to close S_INTERSECTS but found end of text");
        assertError("S_INTERSECTS(geom, BBOX(113, 34, 112, 35))", "at position 20: BBOX minimum is greater than maximum");
        assertError("S_INTERSECTS(geom, BBOX(112, 34, 113))", "at position 20: BBOX needs 4 numbers");
        assertError("S_INTERSECTS(geom, name)", "at position 1: S_INTERSECTS needs a geometry literal as one argument");
    }

    @Test
    void reportsTrailingGarbageAndUnbalancedParentheses() {
        assertError("capacity_kva > 5 )", "at position 18: expected AND, OR or end of text but found ')'");
        assertError("capacity_kva > 5 name", "at position 18: expected AND, OR or end of text but found 'name'");
        assertError("(capacity_kva > 5", "at position 18: expected ')' to close the '(' at position 1 but found end of text");
        assertError("a = 1e", "at position 7: expected digits of the exponent");
    }

    @Test
    void rejectsComparisonsWithoutExactlyOneProperty() {
        assertError("a = b", "at position 1: comparing two properties ('a' and 'b') is not supported");
        assertError("1 = 1", "at position 1: one side of '=' must be a property name");
        assertError("'x' LIKE name", "at position 1: LIKE needs a property name on its left but found string 'x'");
    }

    @Test
    void rejectsNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(10_000) + "a = 1" + ")".repeat(10_000);
        assertError(deep, "nests deeper than " + Cql2TextParser.MAX_DEPTH);
        String ok = "(".repeat(Cql2TextParser.MAX_DEPTH) + "a = 1" + ")".repeat(Cql2TextParser.MAX_DEPTH);
        assertEquals(new Comparison("a", ComparisonOperator.EQUAL, 1L), parse(ok));
    }
}
