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
}
