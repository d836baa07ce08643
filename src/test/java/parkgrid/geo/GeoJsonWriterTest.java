package parkgrid.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeoJsonWriterTest {
    private static String write(String wkt) throws Exception {
        Geometry g = new WKTReader().read(wkt);
        StringWriter w = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(w)) {
            GeoJsonWriter.RFC7946.writeGeometry(gen, g);
        }
        return w.toString();
    }

    @Test
    void writesExteriorRingsCounterClockwiseAndHolesClockwise() throws Exception {
        // exterior given clockwise, hole given counter-clockwise: both must be reversed
        String json = write("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
        assertEquals("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[2,2],[2,4],[4,4],[4,2],[2,2]]]}", json.replace(".0", ""));
    }

    @Test
    void roundsToSevenDecimals() throws Exception {
        assertEquals("{\"type\":\"Point\",\"coordinates\":[112.4669123,34.154]}", write("POINT (112.46691234567 34.15400000001)"));
    }

    @Test
    void writesLinesAndMultiGeometries() throws Exception {
        assertEquals("{\"type\":\"LineString\",\"coordinates\":[[1.5,2.5],[3.5,4.5]]}", write("LINESTRING (1.5 2.5, 3.5 4.5)"));
        assertEquals("{\"type\":\"MultiPoint\",\"coordinates\":[[1.5,2.5],[3.5,4.5]]}", write("MULTIPOINT ((1.5 2.5), (3.5 4.5))"));
    }

    @Test
    void aFeatureWithoutAPlaceIsWrittenWithGeometryNull() throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(w)) {
            GeoJsonWriter.RFC7946.writeFeature(gen, new parkgrid.feature.Feature(7, null, java.util.Map.of("name_zh", "待补充企业 15")));
        }
        assertEquals("{\"type\":\"Feature\",\"id\":7,\"geometry\":null,\"properties\":{\"name_zh\":\"待补充企业 15\"}}", w.toString());
    }
}
