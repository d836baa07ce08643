package parkgrid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static parkgrid.filter.FilterFixture.SUBSTATIONS;
import static parkgrid.filter.FilterFixture.wkt;

import java.util.List;
import org.junit.jupiter.api.Test;
import parkgrid.feature.ParkGridException;
import parkgrid.filter.Filter.Between;
import parkgrid.filter.Filter.Comparison;
import parkgrid.filter.Filter.In;
import parkgrid.filter.Filter.SpatialPredicate;

class FilterBinderTest {
    private static Filter bind(String cql2) {
        return FilterBinder.parseAndBind(cql2, SUBSTATIONS).filter();
    }

    private static String error(String cql2) {
        ParkGridException e = assertThrows(ParkGridException.InvalidInput.class, () -> bind(cql2), cql2);
        assertEquals("filter", e.parameter());
        return e.detail();
    }

    @Test
    void namesAnUnknownPropertyAndListsTheKnownOnes() {
        assertEquals("filter: unknown property 'population'; layer 'substations' has name, capacity_kva, load_ratio",
                error("capacity_kva > 5 AND population > 5"));
        assertEquals("filter: unknown property 'Name'; layer 'substations' has name, capacity_kva, load_ratio",
                error("\"Name\" IS NULL"));
    }

    @Test
    void rejectsValuesOfTheWrongTypeInsteadOfCoercingThem() {
        assertEquals("filter: property 'capacity_kva' is an integer, so compare it with a number (without quotes), not the string '5'",
                error("capacity_kva > '5'"));
        assertEquals("filter: property 'name' is a string, so compare it with a 'quoted' string, not the number 5",
                error("name = 5"));
        assertEquals("filter: property 'load_ratio' is a number, so compare it with a number (without quotes), not TRUE",
                error("load_ratio = TRUE"));
        assertEquals("filter: property 'capacity_kva' is an integer, so compare it with a number (without quotes), not the string 'x'",
                error("capacity_kva IN (1, 'x')"));
    }

    @Test
    void allowsCaseiAndAccentiOnlyOnStringPropertiesAndKeepsThem() {
        assertEquals("filter: CASEI needs a string property but 'capacity_kva' is an integer", error("CASEI(capacity_kva) = '630'"));
        assertEquals("filter: ACCENTI needs a string property but 'load_ratio' is a number", error("ACCENTI(load_ratio) IN ('a')"));
        assertEquals(new Comparison("name", List.of(TextFunction.CASEI), ComparisonOperator.EQUAL, "汝阳北"), bind("CASEI(name) = '汝阳北'"));
        assertEquals("filter: property 'capacity_kva' is an integer, so compare it with a number (without quotes), not the string '2024-05-01'",
                error("capacity_kva > DATE('2024-05-01')"));
    }

    @Test
    void allowsLikeOnlyOnStringProperties() {
        assertEquals("filter: LIKE needs a string property but 'capacity_kva' is an integer", error("capacity_kva LIKE '6%'"));
    }

    @Test
    void convertsNumbersToThePropertysJavaType() {
        assertEquals(new Comparison("load_ratio", ComparisonOperator.LESS, 1.0), bind("load_ratio < 1"));
        assertEquals(new Comparison("capacity_kva", ComparisonOperator.EQUAL, 630L), bind("capacity_kva = 630.0"));
        assertEquals(new Comparison("capacity_kva", ComparisonOperator.GREATER, 2.5), bind("capacity_kva > 2.5"));
        assertEquals(new In("load_ratio", List.of(0.0, 0.5)), bind("load_ratio IN (0, 0.5)"));
        assertEquals(new Between("capacity_kva", 100L, 1000L), bind("capacity_kva BETWEEN 1e2 AND 1000"));
    }

    @Test
    void acceptsAnyNameForTheGeometryButNotAPropertyName() {
        SpatialPredicate expected = new SpatialPredicate(SpatialOperator.S_INTERSECTS, "geom", wkt("POINT (112 34)"));
        assertEquals(expected, bind("S_INTERSECTS(geometry, POINT(112 34))"));
        assertEquals(expected, bind("S_INTERSECTS(\"the_geom\", POINT(112 34))"));
        assertEquals("filter: S_INTERSECTS needs the geometry but 'name' is a string property",
                error("S_INTERSECTS(name, POINT(112 34))"));
        assertEquals("filter: 'geom' is the geometry; test it with S_INTERSECTS, S_WITHIN, S_CONTAINS, S_DISJOINT, S_EQUALS, S_TOUCHES, S_OVERLAPS, S_CROSSES",
                error("geom IS NULL"));
    }

    @Test
    void reportsWhetherAFilterHasASpatialPart() {
        assertEquals(false, FilterBinder.parseAndBind("name IS NULL OR NOT capacity_kva > 1", SUBSTATIONS).hasSpatialPredicate());
        assertEquals(true, FilterBinder.parseAndBind("name IS NULL OR NOT S_WITHIN(geom, BBOX(0,0,1,1))", SUBSTATIONS)
                .hasSpatialPredicate());
    }
}
