package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.testing.OnBothStores;

/**
 * {@link FeatureStore#forEachStored} reads the same features as {@link FeatureStore#forEach} for bbox pages at every
 * offset (on the GeoPackage it reads the R-tree first and decides the box's edge from the geometry), and its stamps
 * move with single-feature writes.
 */
class StoredRowsAgreeTest extends OnBothStores {
    private static final GeometryFactory GF = new GeometryFactory();

    @Override
    protected String schema() {
        return "stored_rows_agree_test";
    }

    private static List<Feature> lines(int n, long seed) {
        Random r = new Random(seed);
        List<Feature> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double x = 112 + r.nextDouble() * 0.5, y = 34 + r.nextDouble() * 0.5;
            Coordinate[] c = {new Coordinate(x, y), new Coordinate(x + r.nextGaussian() * 0.03, y + r.nextGaussian() * 0.03)};
            list.add(new Feature(i, GF.createLineString(c), Map.of("name_zh", "线路" + i)));
        }
        // on the edge of the box below: a line touching it at one point, one crossing its corner diagonally past it
        list.add(new Feature(n + 1, GF.createLineString(new Coordinate[] {new Coordinate(112.3, 34.1), new Coordinate(112.4, 34.0)}), Map.of("name_zh", "切点")));
        list.add(new Feature(n + 2, GF.createLineString(new Coordinate[] {new Coordinate(112.29, 34.3), new Coordinate(112.31, 34.28)}), Map.of("name_zh", "斜角")));
        return list;
    }

    private static List<String> viaForEach(FeatureStore store, String layer, FeatureQuery q) throws IOException {
        List<String> out = new ArrayList<>();
        store.forEach(layer, q, f -> out.add(f.id() + " " + f.geometry().toText() + " " + f.properties()));
        return out;
    }

    private static List<String> viaStored(FeatureStore store, String layer, FeatureQuery q) throws IOException {
        List<String> out = new ArrayList<>();
        store.forEachStored(layer, q, row -> {
            assertEquals(row.id(), row.feature().id());
            out.add(row.id() + " " + row.feature().geometry().toText() + " " + row.feature().properties());
        });
        return out;
    }

    /** {@link FeatureStore#page}: the count first (once, before any row), then the rows. */
    private static List<String> viaPage(FeatureStore store, String layer, FeatureQuery q, long[] matched) throws IOException {
        List<String> out = new ArrayList<>();
        matched[0] = -1;
        store.page(layer, q, m -> {
            assertEquals(-1, matched[0], "counted once");
            assertTrue(out.isEmpty(), "counted before the first row");
            matched[0] = m;
        }, row -> out.add(row.id() + " " + row.feature().geometry().toText() + " " + row.feature().properties()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void bboxPagesAgreeWithForEachAtEveryOffset(String kind) throws Exception {
        FeatureStore store = stores.store(kind);
        Layer layer = new Layer("agree_lines", "Lines", "线路", null, GeometryKind.LINESTRING,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null, null, List.of());
        store.createLayer(layer);
        store.insert(layer.name(), lines(3000, 7));
        List<Envelope> boxes = List.of(new Envelope(112.1, 112.3, 34.1, 34.3), new Envelope(112.0, 112.5, 34.0, 34.5),
                new Envelope(112.25, 112.2501, 34.25, 34.2501), new Envelope(113, 114, 35, 36));
        for (Envelope box : boxes) {
            for (long offset : new long[] {0, 1, 37, 500, 10_000}) {
                FeatureQuery q = new FeatureQuery(box, Map.of(), 100, offset);
                assertEquals(viaForEach(store, layer.name(), q), viaStored(store, layer.name(), q), kind + " " + box + " offset " + offset);
                long[] matched = new long[1];
                assertEquals(viaForEach(store, layer.name(), q), viaPage(store, layer.name(), q, matched), kind + " " + box + " page at " + offset);
                assertEquals(store.count(layer.name(), q), matched[0], kind + " " + box + " numberMatched at " + offset);
                FeatureQuery named = new FeatureQuery(box, Map.of("name_zh", "线路" + (offset + 5)), 10, offset == 1 ? 1 : 0);
                assertEquals(viaForEach(store, layer.name(), named), viaPage(store, layer.name(), named, matched), kind + " filtered page");
                assertEquals(store.count(layer.name(), named), matched[0], kind + " " + box + " filtered numberMatched");
            }
            FeatureQuery all = new FeatureQuery(box, Map.of(), FeatureQuery.UNLIMITED, 0);
            List<String> ids = viaStored(store, layer.name(), all);
            assertEquals(viaForEach(store, layer.name(), all), ids, kind + " " + box + " unlimited");
            assertEquals(store.count(layer.name(), all), ids.size(), kind + " " + box + " count");
        }
        assertTrue(viaStored(store, layer.name(), new FeatureQuery(boxes.get(0), Map.of(), FeatureQuery.UNLIMITED, 0)).stream()
                .anyMatch(s -> s.startsWith("3001 ")), "the line touching the box at a point is in it");

        long[] before = new long[2];
        store.forEachStored(layer.name(), new FeatureQuery(new Envelope(112, 112.5, 34, 34.5), Map.of(), 1, 0), row -> {
            before[0] = row.id();
            before[1] = row.stamp();
        });
        store.patch(layer.name(), before[0], Map.of("name_zh", "改名"), null, 1, "测试");
        store.forEachStored(layer.name(), new FeatureQuery(new Envelope(112, 112.5, 34, 34.5), Map.of(), 1, 0), row -> {
            assertEquals(before[0], row.id());
            assertNotEquals(before[1], row.stamp(), "an edit moves the stamp on");
            assertEquals("改名", row.feature().properties().get("name_zh"));
        });
    }
}
