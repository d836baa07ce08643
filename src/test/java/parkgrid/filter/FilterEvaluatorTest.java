package parkgrid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.filter.FilterFixture.feature;
import static parkgrid.filter.FilterFixture.matches;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;

class FilterEvaluatorTest {
    private static final Feature NORTH = feature(1, "POINT (112.45 34.15)", "name", "Ruyang North", "capacity_kva", 630L, "load_ratio", 0.42);
    private static final Feature KILN = feature(2, "POINT (112.60 34.30)", "name", "It's Kiln Road", "capacity_kva", 1250L, "load_ratio", null);
    private static final Feature NAMELESS = feature(3, "POINT (112.40 34.10)", "name", null, "capacity_kva", 315L, "load_ratio", 0.9);
    private static final Feature FEEDER = feature(4, "LINESTRING (112.30 34.00, 112.50 34.20, 112.70 34.40)", "name", "ruyang feeder 10%", "capacity_kva", null, "load_ratio", 1.0);
    private static final List<Feature> ALL = List.of(NORTH, KILN, NAMELESS, FEEDER);

    /** The ids of the features the filter matches, in order. */
    private static List<Long> ids(String cql2) {
        FilterEvaluator evaluator = new FilterEvaluator(FilterBinder.parseAndBind(cql2, FilterFixture.SUBSTATIONS));
        return ALL.stream().filter(evaluator::matches).map(Feature::id).collect(Collectors.toList());
    }

    @Test
    void comparesNumbersAcrossIntegerAndDecimalValues() {
        assertEquals(List.of(2L), ids("capacity_kva > 630"));
        assertEquals(List.of(1L, 2L), ids("capacity_kva >= 630"));
        assertEquals(List.of(3L), ids("capacity_kva < 630"));
        assertEquals(List.of(1L, 3L), ids("capacity_kva <= 630.0"));
        assertEquals(List.of(1L), ids("capacity_kva = 630"));
        assertEquals(List.of(2L, 3L), ids("capacity_kva <> 630"));
        assertEquals(List.of(1L, 3L), ids("capacity_kva < 630.5"));
        assertEquals(List.of(1L), ids("load_ratio = 0.42"));
        assertEquals(List.of(3L, 4L), ids("0.5 < load_ratio"));
    }

    @Test
    void comparesStringsByCodePointWithEscapedQuotes() {
        assertEquals(List.of(2L), ids("name = 'It''s Kiln Road'"));
        assertEquals(List.of(1L, 4L), ids("name > 'M'"));
        assertEquals(List.of(1L), ids("name BETWEEN 'R' AND 'S'"));
    }

    @Test
    void matchesLikeCaseSensitivelyWithBothWildcardsAndEscapes() {
        assertEquals(List.of(1L), ids("name LIKE 'Ruyang%'"));
        assertEquals(List.of(4L), ids("name LIKE 'ruyang%'"));
        assertEquals(List.of(1L, 2L, 4L), ids("name LIKE '%'"));
        assertEquals(List.of(1L), ids("name LIKE 'Ruyang Nort_'"));
        assertEquals(List.of(), ids("name LIKE 'Ruyang Nor_'"));
        assertEquals(List.of(4L), ids("name LIKE '%10\\%'"));
        assertEquals(List.of(), ids("name LIKE '%1\\%'"));
        assertEquals(List.of(2L), ids("name LIKE 'It''s%'"));
        assertEquals(List.of(2L, 4L), ids("name NOT LIKE 'R%'"));
        assertEquals(List.of(), ids("name LIKE 'ruyang.*'"));
    }

    @Test
    void matchesInAndBetweenIncludingTheirNegations() {
        assertEquals(List.of(1L, 3L), ids("capacity_kva IN (315, 630)"));
        assertEquals(List.of(2L), ids("capacity_kva NOT IN (315, 630)"));
        assertEquals(List.of(2L), ids("name IN ('It''s Kiln Road', 'Nowhere')"));
        assertEquals(List.of(1L, 3L), ids("capacity_kva BETWEEN 315 AND 630"));
        assertEquals(List.of(2L), ids("capacity_kva NOT BETWEEN 315 AND 630"));
        assertEquals(List.of(3L, 4L), ids("load_ratio BETWEEN 0.9 AND 1"));
    }

    @Test
    void treatsAbsentValuesAsUnknownSoNeitherAPredicateNorItsNegationMatches() {
        assertEquals(List.of(1L, 2L, 4L), ids("name LIKE '%' OR name NOT LIKE '%'"));
        assertEquals(List.of(1L, 3L, 4L), ids("load_ratio < 0.5 OR NOT load_ratio < 0.5"));
        assertEquals(List.of(1L, 2L, 3L), ids("capacity_kva IN (1) OR capacity_kva NOT IN (1)"));
        assertEquals(List.of(1L, 2L, 3L), ids("NOT (capacity_kva BETWEEN 1 AND 2)"));
        assertEquals(List.of(3L), ids("name IS NULL"));
        assertEquals(List.of(1L, 2L, 4L), ids("name IS NOT NULL"));
        // unknown OR true is true; unknown AND false is false; NOT (unknown AND true) stays unknown
        assertEquals(List.of(1L, 2L, 3L, 4L), ids("load_ratio > 0 OR capacity_kva > 0 OR name IS NULL OR load_ratio IS NULL"));
        assertEquals(List.of(1L, 3L), ids("NOT (capacity_kva > 0 AND load_ratio IS NULL) AND capacity_kva > 0"));
        assertEquals(List.of(1L, 3L), ids("NOT (load_ratio > 0 AND capacity_kva > 1000)"));
    }

    @Test
    void appliesNotBeforeAndBeforeOr() {
        assertEquals(List.of(1L, 2L), ids("capacity_kva = 630 OR capacity_kva = 1250 AND NOT name LIKE 'R%'"));
        assertEquals(List.of(2L), ids("(capacity_kva = 630 OR capacity_kva = 1250) AND NOT name LIKE 'R%'"));
        assertEquals(List.of(3L), ids("NOT capacity_kva >= 630 AND capacity_kva IS NOT NULL"));
    }

    @Test
    void decidesSpatialPredicatesOnLonLatGeometry() {
        assertEquals(List.of(1L, 3L, 4L), ids("S_INTERSECTS(geom, BBOX(112.35, 34.05, 112.5, 34.2))"));
        assertEquals(List.of(1L, 4L), ids("S_INTERSECTS(geom, POLYGON((112.42 34.12, 112.5 34.12, 112.5 34.2, 112.42 34.2, 112.42 34.12)))"));
        assertEquals(List.of(1L, 3L), ids("S_WITHIN(geom, BBOX(112.35, 34.05, 112.5, 34.2))"));
        assertEquals(List.of(2L), ids("S_DISJOINT(geom, BBOX(112.35, 34.05, 112.5, 34.2))"));
        assertEquals(List.of(4L), ids("S_CONTAINS(geom, POINT(112.5 34.2))"));
        assertEquals(List.of(4L), ids("S_WITHIN(POINT(112.5 34.2), geometry)"));
        assertEquals(List.of(1L, 2L), ids("S_INTERSECTS(geom, MULTIPOINT((112.45 34.15), (112.6 34.3)))"));
        assertEquals(List.of(4L), ids("S_INTERSECTS(geom, LINESTRING(112.3 34.4, 112.7 34.0))"));
        assertEquals(List.of(1L), ids("S_INTERSECTS(geom, BBOX(112.35, 34.05, 112.5, 34.2)) AND name LIKE 'R%'"));
    }

    @Test
    void matchesATrueFilterOnlyWhenTheWholeIsTrue() {
        assertTrue(matches("capacity_kva = 630 AND load_ratio < 0.5", NORTH));
        assertFalse(matches("capacity_kva = 630 AND load_ratio > 0.5", NORTH));
        assertFalse(matches("load_ratio > 0.5", KILN));
        assertFalse(matches("NOT load_ratio > 0.5", KILN));
    }

    private static final Feature CHENGCUN = feature(11, "POINT (112.214 34.246)", "name", "程村 Chéngcūn", "capacity_kva", 400L, "load_ratio", 0.8);
    private static final Feature DONGYUANTOU = feature(12, "POINT (112.004 34.289)", "name", "Dōngyuántóu", "capacity_kva", 315L, "load_ratio", 0.6);
    private static final Feature KOBENHAVN = feature(13, "POINT (112.1 34.1)", "name", "KØBENHAVN Straße", "capacity_kva", 630L, "load_ratio", null);
    private static final Feature UNNAMED = feature(14, "POINT (112.2 34.2)", "name", null, "capacity_kva", 100L, "load_ratio", 0.1);
    private static final List<Feature> NAMED = List.of(CHENGCUN, DONGYUANTOU, KOBENHAVN, UNNAMED);

    private static List<Long> namedIds(String cql2) {
        FilterEvaluator evaluator = new FilterEvaluator(FilterBinder.parseAndBind(cql2, FilterFixture.SUBSTATIONS));
        return NAMED.stream().filter(evaluator::matches).map(Feature::id).collect(Collectors.toList());
    }

    @Test
    void foldsCaseAndAccentsOnBothSidesAndLeavesChineseAlone() {
        assertEquals(List.of(12L), namedIds("ACCENTI(name) = ACCENTI('Dongyuantou')"));
        assertEquals(List.of(12L), namedIds("ACCENTI(name) = 'Dongyuantou'"));
        assertEquals(List.of(), namedIds("name = 'Dongyuantou'"));
        assertEquals(List.of(12L), namedIds("ACCENTI(CASEI(name)) = accenti(casei('DONGYUANTOU'))"));
        assertEquals(List.of(11L), namedIds("CASEI(name) LIKE CASEI('程村%')"));
        assertEquals(List.of(11L), namedIds("ACCENTI(name) LIKE '%Chengcun'"));
        assertEquals(List.of(13L), namedIds("CASEI(name) = CASEI('københavn STRASSE')"));
        assertEquals(List.of(13L), namedIds("ACCENTI(CASEI(name)) LIKE accenti(casei('kO%'))"));
        assertEquals(List.of(11L, 12L), namedIds("ACCENTI(name) IN ('程村 Chengcun', 'Dongyuantou')"));
        assertEquals(List.of(11L, 13L), namedIds("NOT ACCENTI(name) = 'Dongyuantou'"), "null stays unknown under NOT");
        assertEquals(List.of(12L, 13L), namedIds("CASEI(name) BETWEEN 'd' AND 'l'"));
        assertEquals(List.of(14L), namedIds("CASEI(name) IS NULL"));
    }

    @Test
    void decidesBooleanConstantsAndTheirCombinations() {
        assertEquals(List.of(11L, 12L, 13L, 14L), namedIds("TRUE"));
        assertEquals(List.of(), namedIds("FALSE"));
        assertEquals(List.of(12L), namedIds("FALSE OR capacity_kva = 315"));
        assertEquals(List.of(11L, 12L, 13L), namedIds("NOT FALSE AND name IS NOT NULL"));
    }

    @Test
    void decidesTouchesCrossesOverlapsAndEqualsAsDe9im() {
        String box = "BBOX(112.4, 34.1, 112.5, 34.2)";
        Feature corner = feature(21, "POINT (112.5 34.2)", "name", "角");
        Feature inside = feature(22, "POINT (112.45 34.15)", "name", "内");
        Feature through = feature(23, "LINESTRING (112.3 34.0, 112.7 34.4)", "name", "穿");
        Feature within = feature(24, "LINESTRING (112.42 34.12, 112.48 34.18)", "name", "里");
        Feature half = feature(25, "POLYGON ((112.45 34.15, 112.55 34.15, 112.55 34.25, 112.45 34.25, 112.45 34.15))", "name", "半");
        Feature same = feature(26, "POLYGON ((112.5 34.2, 112.5 34.1, 112.4 34.1, 112.4 34.2, 112.5 34.2))", "name", "同");
        assertTrue(matches("S_TOUCHES(geom, " + box + ")", corner));
        assertFalse(matches("S_TOUCHES(geom, " + box + ")", inside));
        assertTrue(matches("S_CROSSES(geom, " + box + ")", through));
        assertTrue(matches("S_CROSSES(" + box + ", geom)", through));
        assertFalse(matches("S_CROSSES(geom, " + box + ")", within));
        assertTrue(matches("S_CROSSES(geom, LINESTRING(112.4 34.2, 112.5 34.1))", within));
        assertTrue(matches("S_OVERLAPS(geom, " + box + ")", half));
        assertFalse(matches("S_OVERLAPS(geom, " + box + ")", same));
        assertFalse(matches("S_OVERLAPS(geom, " + box + ")", through), "a line and a polygon never overlap");
        assertTrue(matches("S_EQUALS(geom, " + box + ")", same), "equal whatever the vertex order");
        assertFalse(matches("S_EQUALS(geom, " + box + ")", half));
        assertTrue(matches("S_EQUALS(geom, MULTIPOINT((112.45 34.15), (112.45 34.15)))", inside));
        assertTrue(matches("S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(0 0), LINESTRING(112.4 34.2, 112.5 34.1)))", within));
    }
}
