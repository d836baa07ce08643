package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.feature.StoredRow;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/** The encoded-feature cache and the GeoJSON encoder's use of it: the same bytes as encoding, and never an old state. */
class EncodedFeatureCacheTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static Layer layer(String... properties) {
        List<PropertyDefinition> defs = new ArrayList<>();
        for (String p : properties) defs.add(new PropertyDefinition(p, PropertyType.STRING));
        return new Layer("cunzhuang", "Villages", "村庄", null, GeometryKind.POINT, defs, null, null, null, List.of());
    }

    /** A row as a store's cursor gives it; counts how often its feature was decoded. */
    private static final class Row implements StoredRow {
        final Layer layer;
        final long incarnation, stamp;
        final Feature feature;
        int decoded;

        Row(Layer layer, long incarnation, long stamp, Feature feature) {
            this.layer = layer;
            this.incarnation = incarnation;
            this.stamp = stamp;
            this.feature = feature;
        }

        @Override public Layer layer() { return layer; }
        @Override public long id() { return feature.id(); }
        @Override public long tableIncarnation() { return incarnation; }
        @Override public long stamp() { return stamp; }
        @Override public Feature feature() { decoded++; return feature; }
    }

    private static Feature village(long id, String name) {
        return new Feature(id, GF.createPoint(new Coordinate(112.41 + id / 1000.0, 34.15)), Map.of("name_zh", name));
    }

    private static String page(EncodedFeatureCache cache, EncodingOptions options, List<Row> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GeoJsonEncoder e = new GeoJsonEncoder(out, options)) {
            e.useCache(cache);
            e.start(CollectionMetadata.titled("Villages"));
            for (Row r : rows) e.row(r);
            e.end();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCachedPageIsByteForByteTheEncodedOneAndSkipsDecoding() throws IOException {
        Layer l = layer("name_zh");
        List<Row> rows = List.of(new Row(l, 1, 1, village(1, "程村")), new Row(l, 1, 1, village(2, "蔡店村")), new Row(l, 1, 3, village(3, "靳村")));
        String uncached = page(EncodedFeatureCache.ofBytes(0), EncodingOptions.crs84(), rows);
        EncodedFeatureCache cache = EncodedFeatureCache.ofBytes(1 << 20);
        assertEquals(uncached, page(cache, EncodingOptions.crs84(), rows));
        rows.forEach(r -> r.decoded = 0);
        assertEquals(uncached, page(cache, EncodingOptions.crs84(), rows), "the second page comes from the cache");
        assertTrue(rows.stream().allMatch(r -> r.decoded == 0), "no row decoded on a hit");
        assertEquals(3, cache.hits());
        assertTrue(uncached.contains("\"features\":[{\"type\":\"Feature\",\"id\":1,"), uncached);
        assertTrue(uncached.contains("}},{\"type\":\"Feature\",\"id\":2,"), "separators between raw values: " + uncached);
        assertTrue(uncached.contains("蔡店村"), uncached);
    }

    @Test
    void aNewStampAnotherIncarnationOrAnotherSchemaIsEncodedAgain() throws IOException {
        EncodedFeatureCache cache = EncodedFeatureCache.ofBytes(1 << 20);
        Layer l = layer("name_zh");
        page(cache, EncodingOptions.crs84(), List.of(new Row(l, 1, 1, village(1, "程村"))));
        assertTrue(page(cache, EncodingOptions.crs84(), List.of(new Row(l, 1, 2, village(1, "程村（新）")))).contains("程村（新）"), "stamp moved on");
        assertTrue(page(cache, EncodingOptions.crs84(), List.of(new Row(l, 2, 2, village(1, "新程村")))).contains("新程村"), "table re-created");
        Layer wider = layer("name_zh", "county");
        Feature withCounty = new Feature(1, village(1, "新程村").geometry(), Map.of("name_zh", "新程村", "county", "汝阳县"));
        assertTrue(page(cache, EncodingOptions.crs84(), List.of(new Row(wider, 2, 2, withCounty))).contains("汝阳县"), "property added");
        assertEquals(0, cache.hits());
        assertNotEquals(cache.shape(l, 1), cache.shape(l, 2));
        assertNotEquals(cache.shape(l, 1), cache.shape(wider, 1));
        assertEquals(cache.shape(l, 1), cache.shape(layer("name_zh"), 1), "an equal definition is the same shape");
    }

    @Test
    void otherCrsOrSelectedPropertiesBypassTheCache() throws IOException {
        EncodedFeatureCache cache = EncodedFeatureCache.ofBytes(1 << 20);
        Layer l = layer("name_zh");
        Row r = new Row(l, 1, 1, village(1, "程村"));
        page(cache, EncodingOptions.crs84(), List.of(r));
        String gk = page(cache, EncodingOptions.inCrs(SupportedCrs.CGCS2000_GK_CM111), List.of(r));
        assertFalse(gk.contains("112.41"), "projected, not the cached lon/lat: " + gk);
        String none = page(cache, new EncodingOptions(SupportedCrs.CRS84, CrsTransformer.AxisOrder.AUTHORITY, List.of()), List.of(r));
        assertFalse(none.contains("程村"), none);
        assertEquals(0, cache.hits());
        assertEquals(page(EncodedFeatureCache.ofBytes(0), new EncodingOptions(SupportedCrs.CRS84, CrsTransformer.AxisOrder.EAST_NORTH, null), List.of(r)),
                page(cache, new EncodingOptions(SupportedCrs.CRS84, CrsTransformer.AxisOrder.EAST_NORTH, null), List.of(r)),
                "an export in CRS84 writes the same bytes");
    }

    @Test
    void theCacheStaysWithinItsSize() {
        EncodedFeatureCache cache = EncodedFeatureCache.ofBytes(100_000);
        int shape = cache.shape(layer("name_zh"), 1);
        byte[] kb = new byte[1000];
        for (int i = 0; i < 1000; i++) cache.put(shape, i, 1, kb);
        assertTrue(cache.weightedSize() <= 100_000, "held " + cache.weightedSize());
        assertArrayEquals(null, cache.get(shape, 5, 2), "another stamp");
        EncodedFeatureCache off = EncodedFeatureCache.ofBytes(0);
        off.put(0, 1, 1, kb);
        assertNull(off.get(0, 1, 1));
        assertFalse(off.isEnabled());
        assertThrows(IllegalArgumentException.class, () -> EncodedFeatureCache.ofBytes(-1));
    }
}
