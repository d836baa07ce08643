package parkgrid.store.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;

/**
 * Writes checked rows into one layer table with one {@code COPY … FROM STDIN (FORMAT binary)} (PgJDBC's
 * {@link CopyManager}) on the caller's connection, so the rows share its transaction. Binary rows are what the
 * backend stores without parsing text: fid as int8, the geometry as EWKB with SRID 4326 (what the
 * {@code geometry(kind, 4326)} column's receive function reads and checks against the column's type), text as
 * UTF-8, integers as int8 and numbers as float8 ({@link BinaryCopyBuffer}), matching the column types of
 * {@code SqlDialect.POSTGIS}. A multi kind's layer gets a single geometry as a one-part multi, as {@code ST_Multi}
 * does for the INSERT path.
 *
 * <p>The COPY stays open across batches ({@link #write} streams each batch into it, {@link #finish} ends it), so
 * the backend stores one batch while the next is read and encoded here, as {@code ogr2ogr} streams its COPY; a COPY
 * per batch would leave each side waiting for the other. {@link #close} cancels a COPY that was not finished (a
 * failed import), so the connection can roll back.
 */
final class PostGisCopy implements AutoCloseable {
    /** The binary COPY signature, then flags (0) and the header extension's length (0). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int SRID = 4326;

    private final String sql;
    private final boolean multi;
    private final int fields;
    private final BinaryCopyBuffer buffer = new BinaryCopyBuffer();
    private final Connection connection;
    private CopyIn copy;

    PostGisCopy(Connection connection, PostGisSql sql, Layer layer) {
        this.connection = connection;
        this.sql = sql.copyIn() + " (FORMAT binary)";
        this.multi = layer.geometryKind().name().startsWith("MULTI");
        this.fields = 2 + layer.properties().size();
    }

    /**
     * Streams one batch into the COPY (started, with the binary header, by the first batch): {@code rows[i]} holds
     * feature i's values in schema order, typed (String, Long, Double, null).
     */
    void write(List<Feature> features, List<Object[]> rows) throws SQLException {
        buffer.reset();
        if (copy == null) buffer.raw(HEADER);
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            buffer.int16(fields);
            buffer.int8Field(f.id());
            if (f.hasGeometry()) buffer.ewkbField(multi ? asMulti(f.geometry()) : f.geometry(), SRID); else buffer.nullField();
            for (Object v : rows.get(i)) {
                if (v == null) buffer.nullField();
                else if (v instanceof String s) buffer.textField(s);
                else if (v instanceof Long l) buffer.int8Field(l);
                else if (v instanceof Double d) buffer.float8Field(d);
                else throw new IllegalArgumentException("no COPY encoding for a " + v.getClass().getSimpleName());
            }
        }
        if (copy == null) copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        copy.writeToCopy(buffer.bytes(), 0, buffer.size());
    }

    /** Ends the COPY with the binary trailer: the backend has then checked and stored every row (a duplicate fid fails here at the latest). */
    void finish() throws SQLException {
        if (copy == null) return;
        CopyIn open = copy;
        copy = null;
        buffer.reset();
        buffer.int16(-1);
        open.writeToCopy(buffer.bytes(), 0, buffer.size());
        open.endCopy();
    }

    /** Cancels a COPY that {@link #finish} did not end, leaving the connection's transaction to be rolled back. */
    @Override
    public void close() throws SQLException {
        if (copy != null && copy.isActive()) {
            CopyIn open = copy;
            copy = null;
            open.cancelCopy();
        }
    }

    private static Geometry asMulti(Geometry g) {
        GeometryFactory f = g.getFactory();
        if (g instanceof Polygon p) return f.createMultiPolygon(new Polygon[] {p});
        if (g instanceof LineString l) return f.createMultiLineString(new LineString[] {l});
        if (g instanceof Point p) return f.createMultiPoint(new Point[] {p});
        return g;
    }
}
