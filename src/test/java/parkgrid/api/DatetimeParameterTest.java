package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/** How a {@code datetime} value becomes a filter on a text timestamp or on a calendar year. */
class DatetimeParameterTest {
    private static final Layer LINES = new Layer("power_lines", "电力线路", null, null, GeometryKind.LINESTRING,
            List.of(new PropertyDefinition("year", PropertyType.INTEGER)), null, null, "year");
    private static final Layer SUGGESTIONS = new Layer("suggestions", "市民规划建议", null, null, GeometryKind.POINT,
            List.of(new PropertyDefinition("created_at", PropertyType.STRING)), null, null, "created_at");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2018-06-01T08:00:00+08:00           | And[operands=[Comparison[property=year, functions=[], operator=GREATER_OR_EQUAL, value=2018], Comparison[property=year, functions=[], operator=LESS_OR_EQUAL, value=2018]]]",
        "2018-01-01T00:30:00+08:00           | And[operands=[Comparison[property=year, functions=[], operator=GREATER_OR_EQUAL, value=2017], Comparison[property=year, functions=[], operator=LESS_OR_EQUAL, value=2017]]]",
        "2018-03-01/2018-12-31               | And[operands=[Comparison[property=year, functions=[], operator=GREATER_OR_EQUAL, value=2018], Comparison[property=year, functions=[], operator=LESS_OR_EQUAL, value=2018]]]",
        "2018-03-01/2019-01-01               | And[operands=[Comparison[property=year, functions=[], operator=GREATER_OR_EQUAL, value=2018], Comparison[property=year, functions=[], operator=LESS_OR_EQUAL, value=2019]]]",
        "../2019-01-01T00:00:00Z             | Comparison[property=year, functions=[], operator=LESS_OR_EQUAL, value=2019]",
        "2019-01-01T00:00:00Z/..             | Comparison[property=year, functions=[], operator=GREATER_OR_EQUAL, value=2019]",
        "2019-01-01T00:00:00Z/               | Comparison[property=year, functions=[], operator=GREATER_OR_EQUAL, value=2019]",
    })
    void aYearMatchesWhenItOverlapsTheInterval(String datetime, String filter) {
        assertEquals(filter, DatetimeParameter.parse(datetime).filterFor(LINES).orElseThrow().toString());
    }

    @Test
    void textTimestampsAreComparedInUtcAndADateIsItsWholeDay() {
        assertEquals("And[operands=[Comparison[property=created_at, functions=[], operator=GREATER_OR_EQUAL, value=2026-12-01T00:00:00Z], "
                + "Comparison[property=created_at, functions=[], operator=LESS, value=2026-12-02T00:00:00Z]]]",
                DatetimeParameter.parse("2026-12-01").filterFor(SUGGESTIONS).orElseThrow().toString());
        assertEquals("And[operands=[Comparison[property=created_at, functions=[], operator=GREATER_OR_EQUAL, value=2026-12-01T00:30:00Z], "
                + "Comparison[property=created_at, functions=[], operator=LESS_OR_EQUAL, value=2026-12-01T00:30:00Z]]]",
                DatetimeParameter.parse("2026-12-01T08:30:00+08:00").filterFor(SUGGESTIONS).orElseThrow().toString());
        assertEquals("Comparison[property=created_at, functions=[], operator=LESS_OR_EQUAL, value=2026-12-01T08:30:00.250Z]",
                DatetimeParameter.parse("../2026-12-01T08:30:00.25Z").filterFor(SUGGESTIONS).orElseThrow().toString());
    }

    @Test
    void aLayerWithoutTimeGetsNoFilter() {
        Layer villages = new Layer("villages", "村庄", null, null, GeometryKind.POINT, List.of(), null, null);
        assertTrue(DatetimeParameter.parse("2026-12-01").filterFor(villages).isEmpty());
    }

    @Test
    void anIntervalOfOneDayIsNotEmptyButOneThatEndsBeforeItStartsIs() {
        DatetimeParameter.parse("2026-12-01/2026-12-01");
        ParkGridException e = assertThrows(ParkGridException.class, () -> DatetimeParameter.parse("2026-12-02/2026-12-01"));
        assertEquals("datetime", e.parameter());
        assertTrue(e.detail().contains("after it ends"), e.detail());
    }
}
