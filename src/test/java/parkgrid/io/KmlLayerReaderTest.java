package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

class KmlLayerReaderTest {
    @TempDir
    Path dir;

    private static final String KML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2">
            <Document><name>汝阳县变电站</name>
              <Placemark><name>城关110kV变电站</name><description>县城北侧</description>
                <ExtendedData><Data name="kv"><value>110</value></Data><Data name="owner"><value>国网汝阳县供电公司</value></Data>
                  <Data name="code"><value>0101</value></Data></ExtendedData>
                <Point><coordinates>112.4669,34.1540,0</coordinates></Point></Placemark>
              <Placemark id="fid_7"><name>柏树乡35kV站</name>
                <ExtendedData><SchemaData schemaUrl="#s"><SimpleData name="kv">35.5</SimpleData></SchemaData></ExtendedData>
                <MultiGeometry><Point><coordinates>112.37,34.17</coordinates></Point></MultiGeometry></Placemark>
            </Document></kml>
            """;

    private List<Feature> features(LayerReader.Read read) throws Exception {
        List<Feature> out = new ArrayList<>();
        read.source().forEach(out::add);
        return out;
    }

    @Test
    void readsPlacemarksWithChineseNamesAndExtendedData() throws Exception {
        Path file = dir.resolve("站.kml");
        Files.writeString(file, KML, StandardCharsets.UTF_8);
        LayerReader.Read read = new KmlLayerReader().read(file, ReadOptions.named("substations"));
        assertNull(read.crs(), "KML is lon/lat");
        assertEquals(GeometryKind.MULTIPOINT, read.source().layer().geometryKind());
        assertEquals("汝阳县变电站", read.source().layer().title());
        assertEquals(List.of(new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("description", PropertyType.STRING),
                new PropertyDefinition("kv", PropertyType.NUMBER), new PropertyDefinition("owner", PropertyType.STRING),
                new PropertyDefinition("code", PropertyType.STRING)), read.source().layer().properties());
        List<Feature> fs = features(read);
        assertEquals(2, fs.size());
        assertEquals(1, fs.get(0).id());
        assertEquals("城关110kV变电站", fs.get(0).properties().get("name"));
        assertEquals("国网汝阳县供电公司", fs.get(0).properties().get("owner"));
        assertEquals("0101", fs.get(0).properties().get("code"), "a code with a leading zero stays text");
        assertEquals(new WKTReader().read("POINT (112.4669 34.154)"), fs.get(0).geometry());
        assertEquals(7, fs.get(1).id(), "fid_7 is the id ParkGrid's export wrote");
        assertEquals("MultiPoint", fs.get(1).geometry().getGeometryType());
    }

    @Test
    void encoderOutputReadsBackTheSameFeatures() throws Exception {
        List<Feature> original = List.of(
                new Feature(3, new WKTReader().read("POLYGON ((112.46 34.14, 112.48 34.14, 112.48 34.16, 112.46 34.16, 112.46 34.14), "
                        + "(112.465 34.145, 112.47 34.145, 112.47 34.15, 112.465 34.145))"), Map.of("name", "永久基本农田 占用", "area_ha", "0.5")),
                new Feature(9, new WKTReader().read("POLYGON ((112.0 34.0, 112.1 34.0, 112.1 34.1, 112.0 34.0))"), Map.of("name", "嵩县<田湖镇>&")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FeatureEncoder e = FeatureFormats.KML.encoder(bytes, EncodingOptions.crs84())) {
            e.start(CollectionMetadata.titled("地块").withName("parcels"));
            for (Feature f : original) e.feature(f);
            e.end();
        }
        Path file = dir.resolve("parcels.kml");
        Files.write(file, bytes.toByteArray());
        List<Feature> back = features(new KmlLayerReader().read(file, ReadOptions.named("parcels")));
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(original.get(i).id(), back.get(i).id());
            assertTrue(original.get(i).geometry().equalsExact(back.get(i).geometry(), 1e-9));
            assertEquals(original.get(i).properties().get("name"), back.get(i).properties().get("name"));
        }
        assertEquals("0.5", back.get(0).properties().get("area_ha"));
    }

    @Test
    void refusesDoctypesAndNamesTheBrokenPlacemark() throws Exception {
        Path xxe = dir.resolve("xxe.kml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<kml><Placemark><name>&x;</name><Point><coordinates>112,34</coordinates></Point></Placemark></kml>");
        assertThrows(IllegalArgumentException.class, () -> features(new KmlLayerReader().read(xxe, ReadOptions.named("x"))));
        Path bad = dir.resolve("bad.kml");
        Files.writeString(bad, "<kml><Placemark><name>甲</name><Point><coordinates>112,34</coordinates></Point></Placemark>"
                + "<Placemark><name>乙</name><Point><coordinates>东经112</coordinates></Point></Placemark></kml>");
        var e = assertThrows(IllegalArgumentException.class, () -> new KmlLayerReader().read(bad, ReadOptions.named("x")));
        assertTrue(e.getMessage().contains("Placemark 2") && e.getMessage().contains("东经112"), e.getMessage());
    }
}
