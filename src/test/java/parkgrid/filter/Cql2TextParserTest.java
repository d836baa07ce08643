package parkgrid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.filter.FilterFixture.wkt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;
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

    @Test
    void parsesEverySpatialFunctionOfTheSpatialFunctionsClass() {
        for (SpatialOperator op : SpatialOperator.values()) {
            assertEquals(new SpatialPredicate(op, "geom", wkt("POINT (112.45 34.15)")), parse(op.name().toLowerCase() + "(geom, POINT(112.45 34.15))"));
        }
        // a literal first turns WITHIN/CONTAINS and keeps the symmetric ones
        assertEquals(new SpatialPredicate(SpatialOperator.S_TOUCHES, "geom", wkt("LINESTRING (112 34, 113 35)")),
                parse("S_TOUCHES(LINESTRING(112 34, 113 35), geom)"));
        assertEquals(new SpatialPredicate(SpatialOperator.S_CROSSES, "geom", wkt("LINESTRING (112 34, 113 35)")),
                parse("S_CROSSES(LINESTRING(112 34, 113 35), geom)"));
    }

    @Test
    void decidesASpatialFunctionOfTwoLiteralsWhileParsing() {
        assertEquals(new Filter.Constant(true), parse("S_INTERSECTS(POINT(112.5 34.5), BBOX(112, 34, 113, 35))"));
        assertEquals(new Filter.Constant(false), parse("S_WITHIN(BBOX(112, 34, 113, 35), POINT(112.5 34.5))"));
        assertEquals(new Filter.Constant(true), parse("S_EQUALS(POLYGON((112 34, 113 34, 113 35, 112 35, 112 34)), BBOX(112, 34, 113, 35))"));
    }

    @Test
    void readsGeometryCollectionsAndDropsHeights() {
        assertEquals(wkt("GEOMETRYCOLLECTION (POINT (112.4 34.1), LINESTRING (112 34, 113 35), POLYGON ((112 34, 113 34, 113 35, 112 34)))"),
                ((SpatialPredicate) parse("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(112.4 34.1), LINESTRING(112 34, 113 35),"
                        + " POLYGON((112 34, 113 34, 113 35, 112 34))))")).geometry());
        assertEquals(wkt("POINT (112.4 34.1)"), ((SpatialPredicate) parse("S_INTERSECTS(geom, POINT Z(112.4 34.1 420))")).geometry());
        assertEquals(wkt("LINESTRING (112 34, 113 35)"), ((SpatialPredicate) parse("S_INTERSECTS(geom, LINESTRING(112 34 1, 113 35 2))")).geometry());
    }

    @Test
    void readsLiteralsInTheFilterCrsAxisOrderAndConvertsThemToLonLat() {
        Filter latLon = Cql2TextParser.parse("S_INTERSECTS(geom, POINT(34.15 112.45))", SupportedCrs.WGS84_LAT_LON);
        assertEquals(new SpatialPredicate(SpatialOperator.S_INTERSECTS, "geom", wkt("POINT (112.45 34.15)")), latLon);
        Filter box = Cql2TextParser.parse("S_WITHIN(geom, BBOX(34.1, 112.4, 34.2, 112.5))", SupportedCrs.CGCS2000);
        assertEquals(wkt("POLYGON ((112.4 34.1, 112.4 34.2, 112.5 34.2, 112.5 34.1, 112.4 34.1))").getEnvelopeInternal(),
                ((SpatialPredicate) box).geometry().getEnvelopeInternal());
        // EPSG:4546 (CGCS2000 GK CM 111°E) is northing, easting in metres: the point 112.45°E 34.15°N
        Geometry gk = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111).fromCrs84(wkt("POINT (112.45 34.15)"));
        Filter projected = Cql2TextParser.parse("S_INTERSECTS(geom, POINT(" + gk.getCoordinate().x + " " + gk.getCoordinate().y + "))",
                SupportedCrs.CGCS2000_GK_CM111);
        Geometry back = ((SpatialPredicate) projected).geometry();
        assertEquals(112.45, back.getCoordinate().x, 1e-9);
        assertEquals(34.15, back.getCoordinate().y, 1e-9);
        assertEquals(4326, back.getSRID());
    }

    @Test
    void keepsCaseiAndAccentiOnThePropertyAndAppliesThemToLiterals() {
        assertEquals(new Comparison("name_zh", List.of(TextFunction.CASEI), ComparisonOperator.EQUAL, "程村"), parse("CASEI(name_zh) = casei('程村')"));
        assertEquals(new Comparison("name_en", List.of(TextFunction.ACCENTI), ComparisonOperator.EQUAL, "Dongyuantou"),
                parse("ACCENTI(name_en) = accenti('Dōngyuántóu')"));
        assertEquals(new Comparison("name_en", List.of(TextFunction.CASEI, TextFunction.ACCENTI), ComparisonOperator.EQUAL, "kobenhavn"),
                parse("ACCENTI(CASEI(name_en)) = accenti(casei('KØBENHAVN'))"));
        assertEquals(new Comparison("name_en", List.of(TextFunction.CASEI), ComparisonOperator.LESS, "dong"), parse("CASEI('DONG') > CASEI(name_en)"));
        assertEquals(new Like("name_en", List.of(TextFunction.CASEI), "dong%"), parse("CASEI(name_en) LIKE CASEI('Dong%')"));
        assertEquals(new Not(new In("name_en", List.of(TextFunction.ACCENTI), List.of("Dongyuantou", "Chengcun"))),
                parse("ACCENTI(name_en) NOT IN (ACCENTI('Dōngyuántóu'), 'Chengcun')"));
        assertEquals(new Between("name_en", List.of(TextFunction.CASEI), "a", "d"), parse("casei(name_en) BETWEEN casei('A') AND 'd'"));
        assertEquals(new IsNull("name_en"), parse("CASEI(name_en) IS NULL"));
    }

    @Test
    void readsBooleanFiltersAndTemporalLiterals() {
        assertEquals(new Filter.Constant(true), parse("true"));
        assertEquals(new Or(List.of(new Filter.Constant(false), new IsNull("a"))), parse("FALSE OR a IS NULL"));
        assertEquals(new Comparison("b", ComparisonOperator.EQUAL, true), parse("TRUE = b"));
        assertEquals(new Comparison("created_at", ComparisonOperator.GREATER_OR_EQUAL, "2024-05-01"), parse("created_at >= DATE('2024-05-01')"));
        assertEquals(new Comparison("created_at", ComparisonOperator.LESS, "2024-05-01T08:30:00Z"),
                parse("created_at < timestamp('2024-05-01T08:30:00.000Z')"));
        assertEquals(new In("d", List.of("2024-05-01", "2024-05-02T00:00:00Z")), parse("d IN (DATE('2024-05-01'), TIMESTAMP('2024-05-02T00:00:00Z'))"));
    }

    @Test
    void reportsBadFunctionArgumentsAndInstantsWhereTheyStand() {
        assertError("CASEI(5) = name", "at position 7: CASEI needs a string or a string property but found '5'");
        assertError("CASEI(name = 'x'", "at position 12: expected ')' to close CASEI but found '='");
        assertError("d > DATE('2024-13-01')", "at position 10: '2024-13-01' is not a calendar date");
        assertError("d > DATE('1 May 2024')", "at position 10: DATE needs a date as 'yyyy-mm-dd'");
        assertError("d > TIMESTAMP('2024-05-01T08:30:00+08:00')", "at position 15: TIMESTAMP needs a UTC time");
        assertError("name LIKE 5", "at position 11: expected a 'string' pattern after LIKE but found '5'");
        assertError("S_INTERSECTS(geom, GEOMETRYCOLLECTION(BBOX(1, 2, 3, 4)))", "at position 39: expected a geometry (POINT");
        assertError("S_INTERSECTS(geom, POINT(90 180))", "at position 29: latitude 180 is outside [-90, 90]");
        assertError("S_INTERSECTS(geom, geometry)", "at position 1: S_INTERSECTS needs a geometry literal as one argument");
    }

    @Test
    void namesTheAxisOrderOfTheFilterCrsInRangeErrors() {
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> Cql2TextParser.parse("S_INTERSECTS(geom, POINT(112.45 34.15))", SupportedCrs.WGS84_LAT_LON));
        assertEquals("filter: at position 26: latitude 112.45 is outside [-90, 90]; geometry literals are latitude longitude (EPSG:4326)", e.detail());
        e = assertThrows(ParkGridException.class, () -> Cql2TextParser.parse("S_INTERSECTS(geom, BBOX(112.4, 34.1, 112.5, 34.2))", SupportedCrs.WGS84_LAT_LON));
        assertTrue(e.detail().contains("the order is min latitude, min longitude, max latitude, max longitude"), e.detail());
    }

    // ---- errors name the 1-based position and what was expected

    private static String error(String text) {
        ParkGridException e = assertThrows(ParkGridException.InvalidInput.class, () -> parse(text), text);
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
