package parkgrid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryablesTest {
    @Test
    void listsTheGeometryAndEverySchemaPropertyWithItsType() {
        Map<String, Object> doc = Queryables.of(FilterFixture.SUBSTATIONS, "http://127.0.0.1/collections/substations/queryables");
        assertEquals("https://json-schema.org/draft/2020-12/schema", doc.get("$schema"));
        assertEquals("http://127.0.0.1/collections/substations/queryables", doc.get("$id"));
        assertEquals("object", doc.get("type"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) doc.get("properties");
        assertEquals(List.of("geom", "name", "capacity_kva", "load_ratio"), List.copyOf(properties.keySet()));
        assertEquals("geometry-point", properties.get("geom").get("format"));
        assertEquals("string", properties.get("name").get("type"));
        assertEquals("integer", properties.get("capacity_kva").get("type"));
        assertEquals("number", properties.get("load_ratio").get("type"));
    }

    @Test
    void everyListedQueryableCanBeFilteredOn() {
        Map<?, ?> properties = (Map<?, ?>) Queryables.of(FilterFixture.SUBSTATIONS, "x").get("properties");
        for (Object name : properties.keySet()) {
            String cql2 = name.equals(Queryables.GEOMETRY) ? "S_INTERSECTS(geom, POINT(112.45 34.15))" : "\"" + name + "\" IS NULL";
            FilterBinder.parseAndBind(cql2, FilterFixture.SUBSTATIONS);
        }
        assertEquals(4, properties.size());
    }
}
