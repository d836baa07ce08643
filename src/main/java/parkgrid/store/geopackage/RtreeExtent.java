package parkgrid.store.geopackage;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A layer's extent read from the root node of its R-tree: the union of the root's cells. SQLite keeps every parent
 * cell the exact union of what lies below it (rtree.c enlarges it on insert and recomputes it on delete), so this is
 * the same four numbers as {@code min(minx) … max(maxy)} over every entry, from at most one node's cells instead of a
 * scan of the whole index — which a single edit of a 200 000-line layer paid four times (≈ 140 ms). The root is
 * {@code nodeno = 1} in the {@code _node} shadow table: a 2-byte depth, a 2-byte cell count, then per cell a 64-bit id
 * and four 32-bit floats (minx, maxx, miny, maxy), big-endian — the format {@link PackedRtree} writes.
 */
final class RtreeExtent {
    private static final int HEADER_BYTES = 4, CELL_BYTES = 8 + 4 * 4;

    private RtreeExtent() {
    }

    /**
     * Sets gpkg_contents' bounds of the layer (what QGIS and GDAL show as its extent) to its R-tree's extent, NULL
     * when it is empty; {@code changed} also sets {@code last_change} to now.
     */
    static void storeInContents(Connection c, String layerName, boolean changed) throws SQLException {
        double[] extent = of(c, layerName);
        try (PreparedStatement s = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?"
                + (changed ? ", last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now')" : "") + " WHERE table_name = ?")) {
            for (int i = 0; i < 4; i++) {
                if (extent == null) s.setNull(i + 1, java.sql.Types.DOUBLE);
                else s.setDouble(i + 1, extent[i]);
            }
            s.setString(5, layerName);
            s.executeUpdate();
        }
    }

    /** {@code {minX, minY, maxX, maxY}} of the layer's R-tree, or null when it holds nothing. */
    static double[] of(Connection c, String layerName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM " + GeoPackageSql.rtreeShadow(layerName, "node") + " WHERE nodeno = 1");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("the R-tree of " + layerName + " has no root node");
            return ofRoot(rs.getBytes(1));
        }
    }

    /** The union of the cells of a root node's blob, or null when it has none. */
    static double[] ofRoot(byte[] root) {
        ByteBuffer b = ByteBuffer.wrap(root);
        int cells = Short.toUnsignedInt(b.getShort(2));
        if (HEADER_BYTES + cells * CELL_BYTES > root.length) {
            throw new IllegalStateException("R-tree root node of " + root.length + " bytes cannot hold " + cells + " cells");
        }
        if (cells == 0) return null;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0, at = HEADER_BYTES + 8; i < cells; i++, at += CELL_BYTES) {
            minX = Math.min(minX, b.getFloat(at));
            maxX = Math.max(maxX, b.getFloat(at + 4));
            minY = Math.min(minY, b.getFloat(at + 8));
            maxY = Math.max(maxY, b.getFloat(at + 12));
        }
        return new double[] {minX, minY, maxX, maxY};
    }
}
