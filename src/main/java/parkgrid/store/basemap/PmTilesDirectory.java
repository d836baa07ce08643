package parkgrid.store.basemap;

import java.util.Optional;

/**
 * One PMTiles v3 directory, decompressed and decoded (spec "Directories"): entries sorted by tile id, each a run
 * of {@code runLength} consecutive tile ids sharing one tile's bytes, or ({@code runLength = 0}) a pointer to a
 * leaf directory. Stored as varints in four columns: tile-id deltas, run lengths, lengths, and offsets, where
 * 0 means "right after the previous entry's bytes" and any other value is the offset plus one.
 */
final class PmTilesDirectory {
    /** Tile ids of one zoom fit a long up to zoom 31; the spec allows 26 and ParkGrid asks to 24. */
    private final long[] tileIds;
    private final long[] offsets;
    private final long[] lengths;
    private final long[] runLengths;

    /** An entry found: a tile's bytes ({@code leaf = false}) or a leaf directory ({@code leaf = true}), relative to its section. */
    record Entry(long offset, long length, boolean leaf) {}

    private PmTilesDirectory(long[] tileIds, long[] offsets, long[] lengths, long[] runLengths) {
        this.tileIds = tileIds;
        this.offsets = offsets;
        this.lengths = lengths;
        this.runLengths = runLengths;
    }

    /**
     * Decodes a decompressed directory.
     *
     * @throws IllegalArgumentException when the bytes end inside a varint, hold unsorted ids or are longer than they say
     */
    static PmTilesDirectory decode(byte[] bytes) {
        Varints in = new Varints(bytes);
        long count = in.next();
        // every entry takes at least four bytes: a count past that is a corrupt directory, not a reason to allocate
        if (count < 0 || count > bytes.length / 4 + 1) throw new IllegalArgumentException("directory says " + count + " entries in " + bytes.length + " bytes");
        int n = (int) count;
        long[] ids = new long[n], offsets = new long[n], lengths = new long[n], runs = new long[n];
        long id = 0;
        for (int i = 0; i < n; i++) {
            id += in.next();
            if (i > 0 && id <= ids[i - 1]) throw new IllegalArgumentException("directory tile ids are not increasing at entry " + i);
            ids[i] = id;
        }
        for (int i = 0; i < n; i++) runs[i] = in.next();
        for (int i = 0; i < n; i++) lengths[i] = in.next();
        for (int i = 0; i < n; i++) {
            long v = in.next();
            if (v == 0 && i > 0) offsets[i] = offsets[i - 1] + lengths[i - 1];
            else if (v == 0) throw new IllegalArgumentException("directory's first entry has offset code 0 (no previous entry)");
            else offsets[i] = v - 1;
        }
        if (!in.atEnd()) throw new IllegalArgumentException("directory has " + in.remaining() + " bytes after its " + n + " entries");
        return new PmTilesDirectory(ids, offsets, lengths, runs);
    }

    int size() { return tileIds.length; }

    /** The entry covering a tile id: the last one at or before it, if it is a leaf or its run reaches the id. */
    Optional<Entry> find(long tileId) {
        int low = 0, high = tileIds.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (tileIds[mid] < tileId) low = mid + 1;
            else if (tileIds[mid] > tileId) high = mid - 1;
            else return Optional.of(entry(mid));
        }
        if (high < 0) return Optional.empty();
        if (runLengths[high] == 0 || tileId - tileIds[high] < runLengths[high]) return Optional.of(entry(high));
        return Optional.empty();
    }

    private Entry entry(int i) {
        return new Entry(offsets[i], lengths[i], runLengths[i] == 0);
    }

    /** Unsigned LEB128 varints, as protobuf writes them. */
    private static final class Varints {
        private final byte[] bytes;
        private int at;

        Varints(byte[] bytes) { this.bytes = bytes; }

        long next() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= bytes.length) throw new IllegalArgumentException("directory ends inside a varint at byte " + at);
                int b = bytes[at++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) return value;
            }
            throw new IllegalArgumentException("directory has a varint longer than 10 bytes at byte " + at);
        }

        boolean atEnd() { return at == bytes.length; }

        int remaining() { return bytes.length - at; }
    }
}
