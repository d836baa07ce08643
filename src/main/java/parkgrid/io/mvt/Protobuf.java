package parkgrid.io.mvt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few protocol-buffer wire encodings a vector tile needs: varints, zigzag, fixed 64-bit, length-delimited fields. */
final class Protobuf {
    static final int VARINT = 0, FIXED64 = 1, LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** ZigZag: signed to unsigned so small magnitudes stay short (0→0, -1→1, 1→2, -2→3). */
    static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    Protobuf varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    Protobuf tag(int field, int wireType) {
        return varint(((long) field << 3) | wireType);
    }

    Protobuf varintField(int field, long v) {
        return tag(field, VARINT).varint(v);
    }

    Protobuf bytesField(int field, byte[] bytes) {
        tag(field, LENGTH_DELIMITED).varint(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    Protobuf stringField(int field, String s) {
        return bytesField(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf doubleField(int field, double d) {
        tag(field, FIXED64);
        long bits = Double.doubleToLongBits(d);
        for (int i = 0; i < 8; i++) out.write((int) (bits >>> (8 * i)) & 0xFF);
        return this;
    }

    /** A packed repeated uint32 field. */
    Protobuf packedField(int field, int[] values, int count) {
        Protobuf body = new Protobuf();
        for (int i = 0; i < count; i++) body.varint(values[i] & 0xFFFFFFFFL);
        return bytesField(field, body.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
