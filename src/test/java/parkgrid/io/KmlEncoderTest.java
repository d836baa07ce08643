package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import parkgrid.feature.Feature;

/** The KML text is well-formed XML whatever the names hold: markup characters come back as they went in. */
class KmlEncoderTest {
    @Test
    void markupInNamesAndValuesIsEscaped() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "A&B <马桥> \"线\"");
        p.put("description", "x > y & z < w");
        p.put("key\"quoted", "'值' & \"值\"");
        p.put("empty", null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KmlEncoder kml = new KmlEncoder(bytes, EncodingOptions.crs84())) {
            kml.start(CollectionMetadata.titled("线路 & <其他>"));
            kml.feature(new Feature(7, new WKTReader().read("LINESTRING (112.123456785 34.1, 112.2 -0.000000004)"), p));
            kml.end(Map.of());
        }
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes.toByteArray()));
        Element placemark = (Element) d.getElementsByTagName("Placemark").item(0);
        assertEquals("fid_7", placemark.getAttribute("id"));
        assertEquals("线路 & <其他>", d.getElementsByTagName("name").item(0).getTextContent());
        assertEquals("A&B <马桥> \"线\"", placemark.getElementsByTagName("name").item(0).getTextContent());
        assertEquals("x > y & z < w", placemark.getElementsByTagName("description").item(0).getTextContent());
        Element data = (Element) placemark.getElementsByTagName("Data").item(0);
        assertEquals("key\"quoted", data.getAttribute("name"));
        assertEquals("'值' & \"值\"", data.getTextContent());
        assertEquals("empty", ((Element) placemark.getElementsByTagName("Data").item(1)).getAttribute("name"));
        assertEquals("112.12345678,34.1 112.2,0", placemark.getElementsByTagName("coordinates").item(0).getTextContent());
    }
}
