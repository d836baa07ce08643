package parkgrid.store.basemap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 127-byte header of a PMTiles v3 archive (little-endian; spec v3.0 "Header"): where the root directory,
 * the JSON metadata, the leaf directories and the tile data lie, how directories and tiles are compressed,
 * the tile type, the zoom range and the bounds (degrees × 10⁷).
 */
record PmTilesHeader(long rootOffset, long rootLength, long metadataOffset, long metadataLength,
                     long leafOffset, long leafLength, long dataOffset, long dataLength,
                     long addressedTiles, long tileEntries, long tileContents, boolean clustered,
                     int internalCompression, int tileCompression, int tileType, int minZoom, int maxZoom,
                     int minLonE7, int minLatE7, int maxLonE7, int maxLatE7) {
    static final int LENGTH = 127;
    private static final byte[] MAGIC = "PMTiles".getBytes(StandardCharsets.US_ASCII);

    /** Compression codes (spec "Compression"). */
    static final int UNKNOWN = 0, NONE = 1, GZIP = 2, BROTLI = 3, ZSTD = 4;
    /** Tile types (spec "TileType"). */
    static final int MVT = 1, PNG = 2, JPEG = 3, WEBP = 4, AVIF = 5;

    /**
     * Reads the header, checking the magic, the version and that every section lies inside a file of the given size.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static PmTilesHeader read(byte[] bytes, long fileSize) {
        if (bytes.length < LENGTH) throw new IllegalArgumentException("shorter than the 127-byte PMTiles header (" + bytes.length + " bytes)");
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) throw new IllegalArgumentException("does not start with the PMTiles magic 'PMTiles'");
        }
        int version = bytes[7] & 0xff;
        if (version != 3) throw new IllegalArgumentException("is PMTiles version " + version + "; ParkGrid reads version 3");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        PmTilesHeader h = new PmTilesHeader(b.getLong(8), b.getLong(16), b.getLong(24), b.getLong(32), b.getLong(40), b.getLong(48),
                b.getLong(56), b.getLong(64), b.getLong(72), b.getLong(80), b.getLong(88), bytes[96] == 1,
                bytes[97] & 0xff, bytes[98] & 0xff, bytes[99] & 0xff, bytes[100] & 0xff, bytes[101] & 0xff,
                b.getInt(102), b.getInt(106), b.getInt(110), b.getInt(114));
        h.section("root directory", h.rootOffset, h.rootLength, fileSize);
        h.section("metadata", h.metadataOffset, h.metadataLength, fileSize);
        h.section("leaf directories", h.leafOffset, h.leafLength, fileSize);
        h.section("tile data", h.dataOffset, h.dataLength, fileSize);
        if (h.rootLength == 0) throw new IllegalArgumentException("has an empty root directory");
        if (h.internalCompression != NONE && h.internalCompression != GZIP) {
            throw new IllegalArgumentException("compresses its directories with " + compressionName(h.internalCompression)
                    + "; ParkGrid reads gzip or none (re-pack it, e.g. pmtiles convert, which writes gzip)");
        }
        if (h.minZoom > h.maxZoom) throw new IllegalArgumentException("has min zoom " + h.minZoom + " above max zoom " + h.maxZoom);
        return h;
    }

    private void section(String name, long offset, long length, long fileSize) {
        if (offset < 0 || length < 0 || offset > fileSize || length > fileSize - offset) {
            throw new IllegalArgumentException("says its " + name + " lies at bytes " + Long.toUnsignedString(offset) + " + "
                    + Long.toUnsignedString(length) + ", past the end of the " + fileSize + "-byte file (truncated or not PMTiles)");
        }
    }

    static String compressionName(int code) {
        return switch (code) {
            case UNKNOWN -> "unknown";
            case NONE -> "none";
            case GZIP -> "gzip";
            case BROTLI -> "brotli";
            case ZSTD -> "zstd";
            default -> "compression " + code;
        };
    }
}
