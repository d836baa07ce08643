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
public final class MbTilesArchive implements TileArchive {
    /** Tile rows are TMS (y up); this flips an XYZ y. */
    private static final String TILE_SQL = "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?";
    private static final String METADATA_SQL = "SELECT name, value FROM metadata";
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
    @Override
    public String format() {
        String f = metadata.getOrDefault("format", "png").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (f) {
            case "jpeg" -> "jpg";
            case "mvt" -> "pbf";
            default -> f;
        };
    }

    @Override
    public String mediaType() {
        return switch (format()) {
            case "jpg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "pbf" -> "application/vnd.mapbox-vector-tile";
            default -> "image/png";
        };
    }

    @Override
    public String attribution() {
        return metadata.getOrDefault("attribution", metadata.getOrDefault("name", "Offline basemap 离线底图"));
    }

    /** Metadata {@code bounds} ({@code west,south,east,north}); empty when absent or not four numbers. */
    @Override
    public Optional<double[]> bounds() {
        String text = metadata.get("bounds");
        if (text == null || text.split(",").length != 4) return Optional.empty();
        try {
            return Optional.of(java.util.Arrays.stream(text.split(",")).mapToDouble(v -> Double.parseDouble(v.strip())).toArray());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The ids of metadata {@code json}'s {@code vector_layers}; empty for raster files or when it is not JSON. */
    @Override
    public java.util.List<String> vectorLayers() {
        return isVector() ? VectorLayers.of(metadata.get("json")) : java.util.List.of();
    }

    /** The zoom range the file declares (metadata minzoom/maxzoom), else {@code [0, MAX_ZOOM]}. */
    @Override
    public int minZoom() { return intMetadata("minzoom", 0); }

    @Override
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
    @Override
    public Optional<Tile> tile(int z, int x, int y) {
        TileArchive.checkAddress(z, x, y);
        long tmsRow = (1L << z) - 1 - y;
        try (Connection c = connect(file); PreparedStatement ps = c.prepareStatement(TILE_SQL)) {
            ps.setInt(1, z);
            ps.setLong(2, x);
            ps.setLong(3, tmsRow);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                byte[] bytes = rs.getBytes(1);
                if (bytes == null || bytes.length == 0) return Optional.empty();
                boolean gzipped = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
                return Optional.of(new Tile(bytes, mediaType(), gzipped ? "gzip" : null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tile " + z + "/" + x + "/" + y + " from " + file + ": " + e.getMessage(), e);
        }
    }
}
