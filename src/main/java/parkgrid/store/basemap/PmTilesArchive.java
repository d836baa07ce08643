package parkgrid.store.basemap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A PMTiles v3 archive (protomaps' single-file tile package) opened read-only. The header, the root directory and
 * the JSON metadata are read and checked once, at open; each tile is then found by its Hilbert tile id through the
 * root and at most three levels of leaf directories, and read by position from one {@link FileChannel} (positional
 * reads are safe from many threads; the file is never loaded whole). Recently used leaf directories are kept decoded.
 * Tiles are answered as stored, with their compression as the HTTP {@code Content-Encoding}.
 */
public final class PmTilesArchive implements TileArchive, AutoCloseable {
    /** A directory or the metadata larger than this is refused as corrupt (planet-scale leaves are well under it). */
    private static final long MAX_SECTION_BYTES = 64L << 20;
    private static final int LEAF_CACHE_ENTRIES = 64;
    /** The spec's directories nest at most root → leaf → leaf → leaf. */
    private static final int MAX_DEPTH = 4;

    private final Path file;
    private final FileChannel channel;
    private final PmTilesHeader header;
    private final PmTilesDirectory root;
    private final JsonNode metadata;
    private final Map<Long, PmTilesDirectory> leaves = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PmTilesDirectory> eldest) {
            return size() > LEAF_CACHE_ENTRIES;
        }
    };

    private PmTilesArchive(Path file, FileChannel channel, PmTilesHeader header, PmTilesDirectory root, JsonNode metadata) {
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.root = root;
        this.metadata = metadata;
    }

    /**
     * Opens the file and reads its header, root directory and metadata.
     *
     * @throws IllegalArgumentException when the file is missing or is not a readable PMTiles v3 archive, naming the file
     *                                  and what is wrong (magic, version, a section past the end, a corrupt directory,
     *                                  metadata that is not JSON, a directory compression other than gzip or none)
     */
    public static PmTilesArchive open(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no PMTiles file at " + file.toAbsolutePath());
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            PmTilesHeader header = PmTilesHeader.read(read(channel, 0, (int) Math.min(size, PmTilesHeader.LENGTH)), size);
            PmTilesDirectory root = PmTilesDirectory.decode(section(channel, header, header.rootOffset(), header.rootLength(), "root directory"));
            JsonNode metadata = header.metadataLength() == 0 ? new ObjectMapper().createObjectNode()
                    : new ObjectMapper().readTree(section(channel, header, header.metadataOffset(), header.metadataLength(), "metadata"));
            if (!metadata.isObject()) throw new IllegalArgumentException("has metadata that is not a JSON object");
            return new PmTilesArchive(file, channel, header, root, metadata);
        } catch (IllegalArgumentException | IOException e) {
            closeQuietly(channel);
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not a readable PMTiles v3 archive: " + e.getMessage(), e);
        }
    }

    @Override
    public String format() {
        return switch (header.tileType()) {
            case PmTilesHeader.MVT -> "pbf";
            case PmTilesHeader.JPEG -> "jpg";
            case PmTilesHeader.WEBP -> "webp";
            case PmTilesHeader.AVIF -> "avif";
            case PmTilesHeader.PNG -> "png";
            default -> metadata.path("format").asText("png");
        };
    }

    @Override
    public String mediaType() {
        return switch (format()) {
            case "pbf", "mvt" -> "application/vnd.mapbox-vector-tile";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "avif" -> "image/avif";
            case "png" -> "image/png";
            default -> "application/octet-stream";
        };
    }

    @Override
    public int minZoom() { return Math.min(header.minZoom(), MAX_ZOOM); }

    @Override
    public int maxZoom() { return Math.min(header.maxZoom(), MAX_ZOOM); }

    @Override
    public String attribution() {
        String name = metadata.path("name").asText("Offline basemap 离线底图");
        return metadata.path("attribution").asText(name);
    }

    /** The header's bounds; empty when they are all zero (a writer that did not know them). */
    @Override
    public Optional<double[]> bounds() {
        if (header.minLonE7() == 0 && header.minLatE7() == 0 && header.maxLonE7() == 0 && header.maxLatE7() == 0) return Optional.empty();
        return Optional.of(new double[] {header.minLonE7() / 1e7, header.minLatE7() / 1e7, header.maxLonE7() / 1e7, header.maxLatE7() / 1e7});
    }

    @Override
    public List<String> vectorLayers() {
        return isVector() ? VectorLayers.of(metadata) : List.of();
    }

    /** The archive's JSON metadata (name, attribution, vector_layers … as its writer put them). */
    public JsonNode metadata() { return metadata.deepCopy(); }

    /**
     * The tile at an XYZ address, or empty when the archive holds none there.
     *
     * @throws IllegalArgumentException when the address is outside WebMercatorQuad (the value named)
     * @throws IllegalStateException    when a leaf directory or tile entry on the way is corrupt or cannot be read, naming the file
     */
    @Override
    public Optional<Tile> tile(int z, int x, int y) {
        TileArchive.checkAddress(z, x, y);
        if (z < header.minZoom() || z > header.maxZoom()) return Optional.empty();
        long id = PmTilesTileId.of(z, x, y);
        try {
            PmTilesDirectory directory = root;
            for (int depth = 0; depth < MAX_DEPTH; depth++) {
                Optional<PmTilesDirectory.Entry> found = directory.find(id);
                if (found.isEmpty()) return Optional.empty();
                PmTilesDirectory.Entry entry = found.get();
                if (!entry.leaf()) {
                    if (entry.length() == 0) return Optional.empty();
                    byte[] bytes = within(header.dataOffset(), header.dataLength(), entry, "tile data");
                    return Optional.of(new Tile(bytes, mediaType(), contentEncoding(bytes)));
                }
                directory = leaf(entry);
            }
            throw new IllegalArgumentException("nests leaf directories deeper than " + (MAX_DEPTH - 1) + " levels");
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalStateException("cannot read tile " + z + "/" + x + "/" + y + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private PmTilesDirectory leaf(PmTilesDirectory.Entry entry) throws IOException {
        long key = entry.offset();
        synchronized (leaves) {
            PmTilesDirectory cached = leaves.get(key);
            if (cached != null) return cached;
        }
        PmTilesDirectory decoded = PmTilesDirectory.decode(decompress(within(header.leafOffset(), header.leafLength(), entry, "leaf directories"),
                header.internalCompression()));
        synchronized (leaves) {
            leaves.put(key, decoded);
        }
        return decoded;
    }

    /** The bytes of an entry, which must lie inside its section. */
    private byte[] within(long sectionOffset, long sectionLength, PmTilesDirectory.Entry entry, String name) throws IOException {
        if (entry.offset() < 0 || entry.length() < 0 || entry.length() > MAX_SECTION_BYTES || entry.offset() > sectionLength
                || entry.length() > sectionLength - entry.offset()) {
            throw new IllegalArgumentException("has an entry at " + entry.offset() + " + " + entry.length() + " outside its " + name
                    + " (" + sectionLength + " bytes)");
        }
        return read(channel, sectionOffset + entry.offset(), (int) entry.length());
    }

    /** The HTTP encoding of a tile: the header's tile compression, or gzip sniffed when it says unknown. */
    private String contentEncoding(byte[] bytes) {
        return switch (header.tileCompression()) {
            case PmTilesHeader.GZIP -> "gzip";
            case PmTilesHeader.BROTLI -> "br";
            case PmTilesHeader.ZSTD -> "zstd";
            case PmTilesHeader.UNKNOWN -> bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b ? "gzip" : null;
            default -> null;
        };
    }

    private static byte[] section(FileChannel channel, PmTilesHeader header, long offset, long length, String name) throws IOException {
        if (length > MAX_SECTION_BYTES) throw new IllegalArgumentException("has a " + length + "-byte " + name + " (more than " + MAX_SECTION_BYTES + ")");
        try {
            return decompress(read(channel, offset, (int) length), header.internalCompression());
        } catch (IOException e) {
            throw new IllegalArgumentException("has a " + name + " that does not decompress as " + PmTilesHeader.compressionName(header.internalCompression())
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] decompress(byte[] bytes, int compression) throws IOException {
        if (compression != PmTilesHeader.GZIP) return bytes;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes((int) MAX_SECTION_BYTES + 1);
            if (out.length > MAX_SECTION_BYTES) throw new IOException("it inflates past " + MAX_SECTION_BYTES + " bytes");
            return out;
        }
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) throw new IOException("ends at byte " + (position + buffer.position()) + ", inside a section");
        }
        return buffer.array();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // opening failed already; that is the error to report
        }
    }

    /** Closes the file (the server keeps it open for its lifetime). */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
