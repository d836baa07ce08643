package parkgrid.store.geopackage;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * A new layer's GeoPackage R-tree index (SQLite's {@code rtree} module, 2-D, 32-bit float boxes) written in one
 * go after its rows, as a packed Hilbert R-tree: the envelopes (EPSG:4326 lon/lat) go into a temporary table as
 * the rows are written, are sorted there by the Hilbert index of their centre, and are then packed bottom-up into
 * full nodes written straight into the R-tree's shadow tables ({@code _node}, {@code _rowid}, {@code _parent}),
 * in SQLite's own node format. Inserting row by row instead costs SQLite a descent and node splits per row (about
 * 60 % of a 200 000-row import); GDAL's GPKG driver bulk-loads its R-tree the same way.
 *
 * <p>Boxes are rounded as SQLite rounds them (minima down, maxima up to the next float), so the index holds what
 * the R-tree's insert trigger would have written. The sort runs in SQLite's temporary store (a file), so the Java
 * heap holds one node per level plus one entry per leaf node (a 51st of the rows). Only for an empty R-tree (a
 * layer created by this import); it runs inside the caller's transaction, so a failure rolls it back with the rows.
 */
final class PackedRtree implements AutoCloseable {
    private static final String LOAD = "temp.parkgrid_rtree_load";
    /** SQLite's rounding of a double to a float box edge: {@code RNDTOWARDS} and {@code RNDAWAY} in rtree.c. */
    private static final double TOWARDS = 1.0 - 1.0 / 8388608.0, AWAY = 1.0 + 1.0 / 8388608.0;
    private static final int CELL_BYTES = 8 + 4 * 4;

    private final Connection c;
    private final String rtree;
    private final String layerName;
    /** Boxes inserted per statement into the load table (one JDBC call per box cost more than the insert). */
    private static final int ROWS_PER_INSERT = 100;
    private final PreparedStatement add;
    private final long[] pendingIds = new long[ROWS_PER_INSERT], pendingKeys = new long[ROWS_PER_INSERT];
    private final byte[][] pendingBoxes = new byte[ROWS_PER_INSERT][];
    private int pending;
    private long count;

    /** Starts collecting the envelopes for {@code layerName}'s R-tree, which must be empty. */
    PackedRtree(Connection c, String layerName) throws SQLException {
        this.c = c;
        this.rtree = GeoPackageSql.rtree(layerName);
        this.layerName = layerName;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + LOAD);
            s.execute("CREATE TABLE " + LOAD + " (hilbert INTEGER NOT NULL, id INTEGER NOT NULL, box BLOB NOT NULL)");
        }
        this.add = c.prepareStatement("/* no generated keys */ INSERT INTO " + LOAD + " VALUES " + String.join(", ",
                java.util.Collections.nCopies(ROWS_PER_INSERT, "(?, ?, ?)")));
    }

    /** Adds feature {@code id}'s box (lon/lat degrees; not empty). */
    void add(long id, Envelope e) throws SQLException {
        pendingKeys[pending] = hilbert((e.getMinX() + e.getMaxX()) / 2, (e.getMinY() + e.getMaxY()) / 2);
        pendingIds[pending] = id;
        pendingBoxes[pending] = ByteBuffer.allocate(16).putFloat(down(e.getMinX())).putFloat(up(e.getMaxX())).putFloat(down(e.getMinY()))
                .putFloat(up(e.getMaxY())).array();
        count++;
        if (++pending == ROWS_PER_INSERT) {
            bindPending(add);
            add.executeUpdate();
        }
    }

    private void bindPending(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < pending; i++) {
            ps.setLong(3 * i + 1, pendingKeys[i]);
            ps.setLong(3 * i + 2, pendingIds[i]);
            ps.setBytes(3 * i + 3, pendingBoxes[i]);
        }
        pending = 0;
    }

    /**
     * Writes the R-tree from the boxes added and drops the temporary table.
     *
     * @throws IllegalStateException when the R-tree is not empty
     */
    void build() throws SQLException {
        add.close();
        try {
            if (pending > 0) {
                try (PreparedStatement rest = c.prepareStatement("/* no generated keys */ INSERT INTO " + LOAD + " VALUES "
                        + String.join(", ", java.util.Collections.nCopies(pending, "(?, ?, ?)")))) {
                    bindPending(rest);
                    rest.executeUpdate();
                }
            }
            if (count > 0) write();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + LOAD);
            }
        }
    }

    /** Closes the load table's statement (also after a failure, when {@link #build} was not reached). */
    @Override
    public void close() throws SQLException {
        add.close();
    }

    private void write() throws SQLException {
        int nodeBytes = rootSize();
        int fanout = (nodeBytes - 4) / CELL_BYTES;
        try (PreparedStatement node = c.prepareStatement("/* no generated keys */ INSERT OR REPLACE INTO " + shadow("node") + " VALUES (?, ?)");
             PreparedStatement parent = c.prepareStatement("/* no generated keys */ INSERT INTO " + shadow("parent") + " VALUES (?, ?)")) {
            Level level = new Level(nodeBytes, fanout, count);
            long[] next = {2}; // node 1 is the root
            boolean leavesAreRoot = count <= fanout;
            // every row's leaf, in one statement: the k-th box in Hilbert order is in the leaf Level.add puts it in
            // (the first count % leaves leaves take one box more than the others), and leaf i is node 2 + i
            long leaves = level.nodes(), small = count / leaves, big = count % leaves;
            String leaf = leavesAreRoot ? "1" : "2 + CASE WHEN k < " + big * (small + 1) + " THEN k / " + (small + 1) + " ELSE " + big + " + (k - "
                    + big * (small + 1) + ") / " + small + " END";
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + shadow("rowid") + " (rowid, nodeno) SELECT id, " + leaf + " FROM (SELECT id, row_number() OVER "
                        + "(ORDER BY hilbert, id) - 1 AS k FROM " + LOAD + ") ORDER BY id");
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, box FROM " + LOAD + " ORDER BY hilbert, id")) {
                Level.NodeOut out = (cells, n) -> leavesAreRoot ? 1 : next[0]++;
                while (rs.next()) level.add(rs.getLong(1), rs.getBytes(2), node, out);
                level.finish(node, out);
            }
            int depth = 0;
            while (!leavesAreRoot) {
                depth++;
                Level children = level;
                boolean isRoot = children.nodes() <= fanout;
                level = new Level(nodeBytes, fanout, children.nodes());
                if (isRoot) level.setRootDepth(depth);
                Level.NodeOut out = (cells, n) -> {
                    long nodeNo = isRoot ? 1 : next[0]++;
                    for (int i = 0; i < n; i++) {
                        parent.setLong(1, cells[i]);
                        parent.setLong(2, nodeNo);
                        parent.executeUpdate();
                    }
                    return nodeNo;
                };
                for (int i = 0; i < children.nodes(); i++) {
                    level.add(children.nodeNo(i), children.box(i), node, out);
                }
                level.finish(node, out);
                if (isRoot) break;
            }
        }
    }

    /** The size of the R-tree's nodes, which SQLite reads from the root's blob (page size − 64, at most 51 cells). */
    private int rootSize() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT length(data), substr(data, 3, 2) FROM " + shadow("node") + " WHERE nodeno = 1")) {
            if (!rs.next()) throw new IllegalStateException(rtree + " has no root node");
            byte[] cells = rs.getBytes(2);
            if (cells == null || cells.length != 2 || (cells[0] | cells[1]) != 0) throw new IllegalStateException(rtree + " is not empty");
            return rs.getInt(1);
        }
    }

    private String shadow(String table) {
        return GeoPackageSql.rtreeShadow(layerName, table);
    }

    /**
     * One level of the tree being packed: cells are taken in order and cut into nodes of nearly equal size (the
     * level's cell count is known), each node written as SQLite writes it: a 2-byte depth (root only), a 2-byte
     * cell count, then per cell a 64-bit id and four 32-bit floats (minx, maxx, miny, maxy), big-endian.
     */
    private static final class Level {
        interface NodeOut {
            /** Takes a node's first {@code n} cells (ids or child node numbers) and says which node number it has. */
            long take(long[] ids, int n) throws SQLException;
        }

        private final ByteBuffer node;
        private final long[] ids;
        private final float[] box = new float[4];
        private final long total;
        private final long nodes;
        private int n;
        private long done, written;
        private int rootDepth = -1;
        private long[] nodeNos = new long[16];
        private float[] boxes = new float[64];

        Level(int nodeBytes, int fanout, long total) {
            this.node = ByteBuffer.allocate(nodeBytes);
            this.ids = new long[fanout];
            this.total = total;
            this.nodes = (total + fanout - 1) / fanout;
        }

        long nodes() {
            return nodes;
        }

        long nodeNo(int i) {
            return nodeNos[i];
        }

        /** Node {@code i}'s box, as a cell of its parent stores it. */
        byte[] box(int i) {
            return ByteBuffer.allocate(16).putFloat(boxes[4 * i]).putFloat(boxes[4 * i + 1]).putFloat(boxes[4 * i + 2]).putFloat(boxes[4 * i + 3]).array();
        }

        void setRootDepth(int depth) {
            rootDepth = depth;
        }

        /** The cells of this node: the remaining cells spread evenly over the remaining nodes. */
        private int capacity() {
            long left = total - done, nodesLeft = nodes - written;
            return (int) ((left + nodesLeft - 1) / nodesLeft);
        }

        /** Adds a cell: {@code id} and its box as the R-tree stores it (16 bytes: minx, maxx, miny, maxy as big-endian floats). */
        void add(long id, byte[] cellBox, PreparedStatement write, NodeOut out) throws SQLException {
            ByteBuffer b = ByteBuffer.wrap(cellBox);
            float minX = b.getFloat(0), maxX = b.getFloat(4), minY = b.getFloat(8), maxY = b.getFloat(12);
            if (n == 0) {
                box[0] = minX; box[1] = maxX; box[2] = minY; box[3] = maxY;
            } else {
                box[0] = Math.min(box[0], minX); box[1] = Math.max(box[1], maxX);
                box[2] = Math.min(box[2], minY); box[3] = Math.max(box[3], maxY);
            }
            int at = 4 + n * CELL_BYTES;
            node.putLong(at, id).put(at + 8, cellBox, 0, 16);
            ids[n++] = id;
            if (n == capacity()) flush(write, out);
        }

        void finish(PreparedStatement write, NodeOut out) throws SQLException {
            if (n > 0) flush(write, out);
        }

        private void flush(PreparedStatement write, NodeOut out) throws SQLException {
            node.putShort(0, (short) Math.max(rootDepth, 0)).putShort(2, (short) n);
            Arrays.fill(node.array(), 4 + n * CELL_BYTES, node.capacity(), (byte) 0);
            long nodeNo = out.take(ids, n);
            write.setLong(1, nodeNo);
            write.setBytes(2, node.array());
            write.executeUpdate();
            if (written == nodeNos.length) nodeNos = Arrays.copyOf(nodeNos, nodeNos.length * 2);
            if (4 * written == boxes.length) boxes = Arrays.copyOf(boxes, boxes.length * 2);
            nodeNos[(int) written] = nodeNo;
            System.arraycopy(box, 0, boxes, (int) (4 * written), 4);
            written++;
            done += n;
            n = 0;
        }
    }

    /** The largest float not above {@code d}, as SQLite's {@code rtreeValueDown}. */
    static float down(double d) {
        float f = (float) d;
        if (f > d) f = (float) (d * (d < 0 ? AWAY : TOWARDS));
        return f;
    }

    /** The smallest float not below {@code d}, as SQLite's {@code rtreeValueUp}. */
    static float up(double d) {
        float f = (float) d;
        if (f < d) f = (float) (d * (d < 0 ? TOWARDS : AWAY));
        return f;
    }

    /** The index of (lon, lat) on a Hilbert curve of order 31 over the whole lon/lat plane (cells of ~2 cm). */
    static long hilbert(double lon, double lat) {
        int x = cell((lon + 180) / 360), y = cell((lat + 90) / 180);
        long d = 0;
        for (int s = 1 << 30; s > 0; s >>>= 1) {
            int rx = (x & s) != 0 ? 1 : 0, ry = (y & s) != 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = Integer.MAX_VALUE - x;
                    y = Integer.MAX_VALUE - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }

    private static int cell(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return (int) Math.min(Integer.MAX_VALUE, (long) (f * 2147483648.0));
    }
}
