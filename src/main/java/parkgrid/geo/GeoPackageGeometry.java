package parkgrid.geo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry blob (GeoPackage 1.3, clause 2.1.3): the {@code GP} header with SRS id and
 * envelope, followed by ISO WKB. A feature without a place is a SQL NULL, not a blob: {@link #encode} of
 * null is null and {@link #decode} of null is null. Instances are not thread-safe (the WKB reader/writer
 * are reused).
 */
public final class GeoPackageGeometry {
    private static final byte FLAG_LITTLE_ENDIAN = 0x01;
    private static final byte FLAG_EMPTY = 0x10;
    private final WKBReader reader;
    private final WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

    public GeoPackageGeometry(GeometryFactory factory) {
        this.reader = new WKBReader(factory);
    }

    /** Encodes {@code geometry} with an xy envelope header and the given SRS id; null for a null geometry. */
    public byte[] encode(Geometry geometry, int srsId) {
        if (geometry == null) return null;
        byte[] wkb = writer.write(geometry);
        boolean empty = geometry.isEmpty();
        int envelopeBytes = empty ? 0 : 32;
        ByteBuffer buf = ByteBuffer.allocate(8 + envelopeBytes + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 'G').put((byte) 'P').put((byte) 0);
        byte flags = FLAG_LITTLE_ENDIAN;
        if (empty) flags |= FLAG_EMPTY; else flags |= (1 << 1); // envelope indicator 1: [minx, maxx, miny, maxy]
        buf.put(flags).putInt(srsId);
        if (!empty) {
            Envelope e = geometry.getEnvelopeInternal();
            buf.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        buf.put(wkb);
        return buf.array();
    }

    /**
     * Decodes a GeoPackage blob; a NULL column (null) is a feature without a place and decodes to null.
     *
     * @throws IllegalArgumentException when the blob is not a GeoPackage geometry
     */
    public Geometry decode(byte[] blob) {
        if (blob == null) return null;
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        int envelopeIndicator = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelopeIndicator) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("invalid GeoPackage envelope indicator " + envelopeIndicator);
        };
        int offset = 8 + envelopeBytes;
        try {
            byte[] wkb = new byte[blob.length - offset];
            System.arraycopy(blob, offset, wkb, 0, wkb.length);
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid WKB in GeoPackage geometry: " + e.getMessage(), e);
        }
    }
}
