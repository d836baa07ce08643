package parkgrid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.locationtech.jts.geom.Envelope;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SupportedCrs;

/** CQL2 JSON parses into the same tree as the CQL2 text with the same meaning. */
class Cql2JsonParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"op\":\"=\",\"args\":[{\"property\":\"county\"},\"汝阳\"]}                         | county = '汝阳'",
        "{\"op\":\"<\",\"args\":[5,{\"property\":\"population\"}]}                              | 5 < population",
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"county\"},\"汝阳\"]},{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
            + "{\"type\":\"Polygon\",\"coordinates\":[[[112.1,34.0],[112.5,34.0],[112.5,34.3],[112.1,34.0]]]}]}]}"
            + " | county = '汝阳' AND S_INTERSECTS(geometry, POLYGON((112.1 34.0, 112.5 34.0, 112.5 34.3, 112.1 34.0)))",
        "{\"op\":\"or\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"a\"}]},{\"op\":\"not\",\"args\":[{\"op\":\">=\",\"args\":[{\"property\":\"b\"},2.5]}]}]}"
            + " | a IS NULL OR NOT b >= 2.5",
        "{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name_en\"}]},{\"op\":\"casei\",\"args\":[\"Dong%\"]}]}"
            + " | CASEI(name_en) LIKE CASEI('Dong%')",
        "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name_en\"}]}]},{\"op\":\"accenti\",\"args\":[\"Dōngyuántóu\"]}]}"
            + " | ACCENTI(CASEI(name_en)) = ACCENTI('Dōngyuántóu')",
        "{\"op\":\"in\",\"args\":[{\"property\":\"village\"},[\"程村\",\"东源头村\"]]}                | village IN ('程村', '东源头村')",
        "{\"op\":\"between\",\"args\":[{\"property\":\"upgrade_year\"},2019,2020]}            | upgrade_year BETWEEN 2019 AND 2020",
        "{\"op\":\">\",\"args\":[{\"property\":\"created_at\"},{\"timestamp\":\"2024-05-01T08:30:00Z\"}]} | created_at > TIMESTAMP('2024-05-01T08:30:00Z')",
        "{\"op\":\"<=\",\"args\":[{\"property\":\"created_at\"},{\"date\":\"2024-05-01\"}]}   | created_at <= DATE('2024-05-01')",
        "{\"op\":\"s_within\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[112.35,34.05,112.5,34.2]}]} | S_WITHIN(geom, BBOX(112.35, 34.05, 112.5, 34.2))",
        "{\"op\":\"S_CONTAINS\",\"args\":[{\"type\":\"Point\",\"coordinates\":[112.5,34.2]},{\"property\":\"geom\"}]} | S_CONTAINS(POINT(112.5 34.2), geom)",
        "{\"op\":\"s_crosses\",\"args\":[{\"property\":\"geom\"},{\"type\":\"MultiLineString\",\"coordinates\":[[[112,34],[113,35]],[[111,33],[111.5,33]]]}]}"
            + " | S_CROSSES(geom, MULTILINESTRING((112 34, 113 35), (111 33, 111.5 33)))",
        "{\"op\":\"s_overlaps\",\"args\":[{\"property\":\"geom\"},{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[112,34]},"
            + "{\"type\":\"MultiPoint\",\"coordinates\":[[112,34],[113,35,10]]}]}]} | S_OVERLAPS(geom, GEOMETRYCOLLECTION(POINT(112 34), MULTIPOINT(112 34, 113 35)))",
        "{\"op\":\"s_touches\",\"args\":[{\"property\":\"geom\"},{\"type\":\"MultiPolygon\",\"coordinates\":[[[[112,34],[113,34],[113,35],[112,34]]]]}]}"
            + " | S_TOUCHES(geom, MULTIPOLYGON(((112 34, 113 34, 113 35, 112 34))))",
        "true                                                                              | TRUE",
    })
    void meansWhatTheTextMeans(String json, String text) {
        assertEquals(Cql2TextParser.parse(text), Cql2JsonParser.parse(json));
    }

    @Test
    void readsPositionsInTheFilterCrsAxisOrder() {
        assertEquals(Cql2TextParser.parse("S_EQUALS(geom, POINT(112.45 34.15))"), Cql2JsonParser.parse(
                "{\"op\":\"s_equals\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[34.15,112.45]}]}", SupportedCrs.WGS84_LAT_LON));
        Filter.SpatialPredicate box = (Filter.SpatialPredicate) Cql2JsonParser.parse(
                "{\"op\":\"s_within\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[34.1,112.4,34.2,112.5]}]}", SupportedCrs.CGCS2000);
        assertEquals(new Envelope(112.4, 112.5, 34.1, 34.2), box.geometry().getEnvelopeInternal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"op\":\"=\",\"args\":[{\"property\":\"a\"}]}                                      | filter: at /args: \"=\" needs 2 arguments, got 1",
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]},{\"op\":\"intersects\",\"args\":[]}]} | filter: at /args/1/op: unknown operator \"intersects\"",
        "{\"op\":\"in\",\"args\":[{\"property\":\"a\"},\"程村\"]}                                 | filter: at /args/1: \"in\" needs a non-empty array",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[90,180]}]} | filter: at /args/1/coordinates/1: latitude 180 is outside [-90, 90]",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Polygon\",\"coordinates\":[[[112,34],[113,35],[113,34],[112,35],[112,34]]]}]} | filter: at /args/1: the Polygon literal is not a valid geometry: Self-intersection",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[113,34,112,35]}]}  | filter: at /args/1/bbox: BBOX minimum is greater than maximum",
        "{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[5]},{\"property\":\"a\"}]}           | filter: at /args/0/args/0: CASEI needs a string",
        "{\"op\":\">\",\"args\":[{\"property\":\"d\"},{\"date\":\"2024-02-30\"}]}                | filter: at /args/1/date: '2024-02-30' is not a calendar date",
        "{\"op\":\"like\",\"args\":[{\"property\":\"a\"},{\"property\":\"b\"}]}                | filter: at /args/1: expected a value but found the property 'b'",
        "{\"args\":[]}                                                                    | filter: at /: expected a predicate",
        "[1, 2]                                                                          | filter: at /: expected a predicate",
        "{\"op\":\"not\",\"args\":[{\"op\":\"=\",\"args\":[1,2]}]}                             | filter: at /args/0/args: one argument of \"=\" must be a property",
        "{\"op\": \"=\", \"args\": [                                                        | filter: not valid JSON",
    })
    void namesTheJsonPathOfAnError(String json, String detailStart) {
        ParkGridException e = assertThrows(ParkGridException.class, () -> Cql2JsonParser.parse(json));
        assertInstanceOf(ParkGridException.InvalidInput.class, e);
        assertEquals("filter", e.parameter());
        assertEquals(true, e.detail().startsWith(detailStart), e.detail());
    }
}
