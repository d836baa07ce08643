package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parkgrid.feature.Feature;

class DxfLayerReaderTest {
    @TempDir
    Path dir;

    private static String dxf(String version, String codePage, String... entities) {
        List<String> l = new ArrayList<>(List.of("0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", version));
        if (codePage != null) l.addAll(List.of("9", "$DWGCODEPAGE", "3", codePage));
        l.addAll(List.of("0", "ENDSEC", "0", "SECTION", "2", "ENTITIES"));
        for (String e : entities) l.addAll(List.of(e.split("\\|")));
        l.addAll(List.of("0", "ENDSEC", "0", "EOF"));
        return String.join("\r\n", l) + "\r\n";
    }

    /** A closed red line 100 m × 50 m (zone 38 with prefix), an open line, and an old-style closed POLYLINE. */
    private static final String[] ENTITIES = {
            "0|LWPOLYLINE|5|2F|8|用地红线|90|4|70|1|10|38358614.7|20|3781805.8|10|38358714.7|20|3781805.8|10|38358714.7|20|3781855.8|10|38358614.7|20|3781855.8",
            "0|LWPOLYLINE|5|30|8|道路中线|90|2|70|0|10|38358600|20|3781800|10|38358800|20|3781800",
            "0|POLYLINE|5|31|8|基本农田|66|1|70|1|10|0|20|0",
            "0|VERTEX|8|基本农田|10|38358000|20|3781000|0|VERTEX|8|基本农田|10|38358020|20|3781000|0|VERTEX|8|基本农田|10|38358020|20|3781020",
            "0|SEQEND|8|基本农田"};

    private static List<Feature> read(Path file) throws Exception {
        List<Feature> out = new ArrayList<>();
        LayerReader.Read r = new DxfLayerReader().read(file, ReadOptions.named("red_lines"));
        r.source().forEach(out::add);
        return out;
    }

    @Test
    void readsClosedPolylinesWithTheirGbkLayerNames() throws Exception {
        Path file = dir.resolve("红线.dxf");
        Files.write(file, dxf("AC1015", "ANSI_936", ENTITIES).getBytes(Charset.forName("GBK")));
        List<Feature> fs = read(file);
        assertEquals(2, fs.size(), "the open line is skipped");
        assertEquals("用地红线", fs.get(0).properties().get("dxf_layer"));
        assertEquals("2F", fs.get(0).properties().get("dxf_handle"));
        assertEquals(5000, fs.get(0).geometry().getArea(), 1e-6);
        assertEquals("基本农田", fs.get(1).properties().get("dxf_layer"));
        assertEquals(200, fs.get(1).geometry().getArea(), 1e-6);
        assertEquals(2, fs.get(1).id());
    }

    @Test
    void newerDrawingsAreUtf8AndEscapesAreDecoded() throws Exception {
        Path file = dir.resolve("utf8.dxf");
        String text = dxf("AC1027", "ANSI_1252", ENTITIES[0].replace("用地红线", "\\U+7EA2\\U+7EBF"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertEquals("红线", read(file).get(0).properties().get("dxf_layer"));
    }

    @Test
    void bulgesBecomeArcs() throws Exception {
        // a 10 m × 10 m square whose top edge is a half circle (bulge 1 from (10,10) to (0,10)): area 100 + π·25/2
        Path file = dir.resolve("arc.dxf");
        Files.writeString(file, dxf("AC1027", null,
                "0|LWPOLYLINE|8|弧形地块|90|4|70|1|10|0|20|0|10|10|20|0|10|10|20|10|42|1|10|0|20|10"), StandardCharsets.UTF_8);
        double area = read(file).get(0).geometry().getArea();
        assertEquals(100 + Math.PI * 25 / 2, area, 0.2, "densified in 5° steps");
        assertTrue(area > 100 + Math.PI * 25 / 2 - 0.2);
    }
}
