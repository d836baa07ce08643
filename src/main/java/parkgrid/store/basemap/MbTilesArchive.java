package parkgrid.store.basemap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * An MBTiles file opened read-only: its metadata, read once, and its tiles by XYZ address.
 * A connection is opened per tile read (SQLite opens a file in well under a millisecond), so the archive
 * holds no resource and may be shared by threads.
 */
public final class MbTilesArchive {
    /** Tile rows are TMS (y up); this flips an XYZ y. */
    private static final String TILE_SQL = "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?";
    private static final String METADATA_SQL = "SELECT name, value FROM metadata";
    /** Deepest zoom WebMercatorQuad defines in ParkGrid (OGC 2D TMS: 0..24; Leaflet draws to 22 here). */
    public static final int MAX_ZOOM = 24;

    /** One stored tile: its bytes as stored, their media type, and whether they are gzip-compressed. */
    public record Tile(byte[] bytes, String mediaType, boolean gzipped) {}

    private final Path file;
    private final Map<String, String> metadata;

    private MbTilesArchive(Path file, Map<String, String> metadata) {
        this.file = file;
        this.metadata = metadata;
    }

    /**
     * Opens the file and reads its metadata.
     *
     * @throws IllegalArgumentException when the file is missing or is not an MBTiles file (no metadata/tiles table),
     *                                  naming the file
     */
    public static MbTilesArchive open(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no MBTiles file at " + file.toAbsolutePath());
        Map<String, String> metadata = new LinkedHashMap<>();
        try (Connection c = connect(file); PreparedStatement ps = c.prepareStatement(METADATA_SQL); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) metadata.put(rs.getString(1), rs.getString(2));
            try (PreparedStatement probe = c.prepareStatement("SELECT 1 FROM tiles LIMIT 1"); ResultSet ignored = probe.executeQuery()) {
                // the tiles table or view exists
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is not an MBTiles file (metadata and tiles tables): " + e.getMessage(), e);
        }
        return new MbTilesArchive(file, Collections.unmodifiableMap(metadata));
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** The {@code metadata} table, name → value, in file order. */
    public Map<String, String> metadata() { return metadata; }

    /** {@code png}, {@code jpg}, {@code webp} or {@code pbf} (metadata {@code format}; png when the file says none). */
    public String format() {
        String f = metadata.getOrDefault("format", "png").strip().toLowerCase(java.util.Locale.ROOT);
        return f.equals("jpeg") ? "jpg" : f;
    }

    /** True for vector tiles (Mapbox Vector Tile, {@code format=pbf}). */
    public boolean isVector() { return format().equals("pbf") || format().equals("mvt"); }

    /** The media type of the archive's tiles. */
    public String mediaType() {
        return switch (format()) {
            case "jpg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "pbf", "mvt" -> "application/vnd.mapbox-vector-tile";
            default -> "image/png";
        };
    }

    /** The zoom range the file declares (metadata minzoom/maxzoom), else {@code [0, MAX_ZOOM]}. */
    public int minZoom() { return intMetadata("minzoom", 0); }

    public int maxZoom() { return intMetadata("maxzoom", MAX_ZOOM); }

    private int intMetadata(String name, int otherwise) {
        try {
            return metadata.containsKey(name) ? Integer.parseInt(metadata.get(name).strip()) : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The tile at an XYZ address (y down from the north, Web Mercator), or empty when the file holds none there.
     *
     * @throws IllegalArgumentException when z is outside 0..{@value #MAX_ZOOM} or x/y outside 0..2^z−1 (the value named)
     */
    public Optional<Tile> tile(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) throw new IllegalArgumentException("zoom " + z + " is outside 0.." + MAX_ZOOM);
        long n = 1L << z;
        if (x < 0 || x >= n) throw new IllegalArgumentException("column " + x + " is outside 0.." + (n - 1) + " at zoom " + z);
        if (y < 0 || y >= n) throw new IllegalArgumentException("row " + y + " is outside 0.." + (n - 1) + " at zoom " + z);
        long tmsRow = n - 1 - y;
        try (Connection c = connect(file); PreparedStatement ps = c.prepareStatement(TILE_SQL)) {
            ps.setInt(1, z);
            ps.setLong(2, x);
            ps.setLong(3, tmsRow);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                byte[] bytes = rs.getBytes(1);
                if (bytes == null || bytes.length == 0) return Optional.empty();
                boolean gzipped = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
                return Optional.of(new Tile(bytes, mediaType(), gzipped));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tile " + z + "/" + x + "/" + y + " from " + file + ": " + e.getMessage(), e);
        }
    }
}
