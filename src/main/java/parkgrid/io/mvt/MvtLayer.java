package parkgrid.io.mvt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of a Mapbox Vector Tile (specification 2.1), written by hand as protocol buffers: the layer's
 * features with their geometry commands ({@link MvtGeometry}), and the keys and values tables their tags
 * point into. {@link #toTile()} gives a complete tile holding this one layer; since a tile is a repeated
 * field of layers, the tiles of several layers concatenated are the tile holding them all.
 */
public final class MvtLayer {
    /** The tile's coordinate extent the map engineer's contract fixes. */
    public static final int EXTENT = 4096;
    private static final int VERSION = 2;

    private final String name;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> valueIndex = new HashMap<>();
    private final Protobuf features = new Protobuf();
    private int featureCount;

    public MvtLayer(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("an MVT layer needs a name, got '" + name + "'");
        this.name = name;
    }

    /**
     * Adds one feature. Properties with a null value are left out (MVT has no null); strings, Long/Integer and
     * Double/Float keep their types, anything else is written as its text.
     *
     * @param id       the feature id, written as the MVT id when it is 0 or more; null for none
     * @param geometry the encoded geometry; an empty one is not written
     */
    public void add(Long id, Map<String, Object> properties, MvtGeometry geometry) {
        if (geometry.isEmpty()) return;
        Protobuf f = new Protobuf();
        if (id != null && id >= 0) f.varintField(1, id);
        int[] tags = new int[properties.size() * 2];
        int n = 0;
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (e.getValue() == null) continue;
            tags[n++] = keyIndex.computeIfAbsent(e.getKey(), k -> { keys.add(k); return keys.size() - 1; });
            Object v = typed(e.getValue());
            tags[n++] = valueIndex.computeIfAbsent(v, k -> { values.add(k); return values.size() - 1; });
        }
        if (n > 0) f.packedField(2, tags, n);
        f.varintField(3, geometry.type());
        f.packedField(4, geometry.commands(), geometry.length());
        features.bytesField(2, f.toByteArray());
        featureCount++;
    }

    public int size() {
        return featureCount;
    }

    private static Object typed(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Float f) return f.doubleValue();
        if (v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean) return v;
        return v.toString();
    }

    /** The tile (a Tile message) holding this layer only. */
    public byte[] toTile() {
        Protobuf layer = new Protobuf().varintField(15, VERSION).stringField(1, name);
        byte[] fs = features.toByteArray();
        ByteArrayConcat body = new ByteArrayConcat(layer.toByteArray(), fs);
        for (String k : keys) body.add(new Protobuf().stringField(3, k).toByteArray());
        for (Object v : values) body.add(new Protobuf().bytesField(4, value(v)).toByteArray());
        body.add(new Protobuf().varintField(5, EXTENT).toByteArray());
        return new Protobuf().bytesField(3, body.toByteArray()).toByteArray();
    }

    /** A Value message: string 1, double 3, sint64 6 (zigzag), bool 7. */
    private static byte[] value(Object v) {
        Protobuf p = new Protobuf();
        if (v instanceof String s) p.stringField(1, s);
        else if (v instanceof Double d) p.doubleField(3, d);
        else if (v instanceof Long l) p.varintField(6, Protobuf.zigzag(l));
        else if (v instanceof Boolean b) p.varintField(7, b ? 1 : 0);
        return p.toByteArray();
    }

    private static final class ByteArrayConcat {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        ByteArrayConcat(byte[]... parts) {
            for (byte[] p : parts) add(p);
        }

        void add(byte[] part) {
            out.writeBytes(part);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
