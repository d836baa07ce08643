package parkgrid.io.geopackage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.GeoPackageGeometry;
import parkgrid.io.CollectionMetadata;
import parkgrid.io.EncodingOptions;
import parkgrid.io.EsriWkt;
import parkgrid.io.FeatureEncoder;
import parkgrid.io.FileLayer;

/**
 * One layer as a standalone GeoPackage 1.3 file ({@code application_id} GPKG, {@code user_version} 10300):
 * {@code gpkg_spatial_ref_sys} with the required rows and the output CRS (organization EPSG and its code),
 * {@code gpkg_contents} with the extent, {@code gpkg_geometry_columns}, and the feature table named like the
 * layer: {@code fid INTEGER PRIMARY KEY} (the feature ids), {@code geom} of the layer's type, the properties as
 * TEXT, INTEGER and REAL. No spatial index (GDAL and QGIS read the file without one). SQLite needs a file:
 * rows go into a temporary file in one transaction as features arrive, and {@link #end} copies it out.
 *
 * <p>{@link #project} makes an encoder for many layers in one file (a whole-project export): each
 * {@link #start}…{@link #end} adds one table, and {@link #finish} writes the file out.
 *
 * <p>This file-format codec talks to sqlite-jdbc itself: it writes a download, not a store, and shares
 * nothing with {@code parkgrid.store.geopackage}.
 */
public final class GeoPackageEncoder implements FeatureEncoder {
    static final int APPLICATION_ID = 0x47504B47;
    private static final int BATCH = 1000;

    private final OutputStream out;
    private final EncodingOptions options;
    private final GeoPackageGeometry blobs = new GeoPackageGeometry(new GeometryFactory());
    private final Envelope box = new Envelope();
    private final boolean oneLayer;
    private final java.util.Set<Integer> srsWritten = new java.util.HashSet<>();
    private FileLayer layer;
    private Path file;
    private Connection db;
    private PreparedStatement insert;
    private int pending;

    public GeoPackageEncoder(OutputStream out, EncodingOptions options) {
        this(out, options, true);
    }

    private GeoPackageEncoder(OutputStream out, EncodingOptions options, boolean oneLayer) {
        this.out = out;
        this.options = options;
        this.oneLayer = oneLayer;
    }

    /** An encoder that takes one layer after another into one file; {@link #finish} writes it to {@code out}. */
    public static GeoPackageEncoder project(OutputStream out, EncodingOptions options) {
        return new GeoPackageEncoder(out, options, false);
    }

    @Override
    public void start(CollectionMetadata metadata) throws IOException {
        layer = FileLayer.of(metadata, options, "GeoPackage");
        box.init();
        try {
            if (db == null) open();
            try (Statement s = db.createStatement()) {
                s.execute(GeoPackageTables.featureTable(layer));
            }
            if (srsWritten.add(layer.epsg())) {
                try (PreparedStatement srs = db.prepareStatement(GeoPackageTables.INSERT_SRS)) {
                    srs(srs, layer.crs().title(), layer.epsg(), "EPSG", layer.epsg(), EsriWkt.of(layer.crs()));
                }
            }
            try (PreparedStatement c = db.prepareStatement(GeoPackageTables.INSERT_GEOMETRY_COLUMN)) {
                c.setString(1, layer.name());
                c.setString(2, layer.kind().sqlName());
                c.setInt(3, layer.epsg());
                c.executeUpdate();
            }
            insert = db.prepareStatement(GeoPackageTables.insertFeature(layer));
        } catch (SQLException e) {
            throw new IOException("cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    private void open() throws IOException, SQLException {
        file = Files.createTempFile("parkgrid", ".gpkg");
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = 10300");
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            for (String ddl : GeoPackageTables.DDL) s.execute(ddl);
        }
        db.setAutoCommit(false);
        try (PreparedStatement srs = db.prepareStatement(GeoPackageTables.INSERT_SRS)) {
            srs(srs, "Undefined cartesian SRS", -1, "NONE", -1, "undefined");
            srs(srs, "Undefined geographic SRS", 0, "NONE", 0, "undefined");
            srs(srs, "WGS 84 geodetic", 4326, "EPSG", 4326, EsriWkt.of(parkgrid.geo.SupportedCrs.WGS84_LAT_LON));
        }
        srsWritten.add(4326);
    }

    private static void srs(PreparedStatement p, String name, int id, String org, int code, String wkt) throws SQLException {
        p.setString(1, name);
        p.setInt(2, id);
        p.setString(3, org);
        p.setInt(4, code);
        p.setString(5, wkt);
        p.executeUpdate();
    }

    @Override
    public void feature(Feature f) throws IOException {
        Geometry g = layer.geometry(f);
        if (g != null && !g.isEmpty()) box.expandToInclude(g.getEnvelopeInternal());
        try {
            insert.setLong(1, f.id());
            byte[] blob = blobs.encode(g, layer.epsg());
            if (blob == null) insert.setNull(2, Types.BLOB);
            else insert.setBytes(2, blob);
            List<PropertyDefinition> props = layer.properties();
            for (int i = 0; i < props.size(); i++) {
                Object v = props.get(i).type().coerce(f.properties().get(props.get(i).name()));
                insert.setObject(3 + i, v);
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw new IOException("cannot write feature " + f.id() + " to the GeoPackage: " + e.getMessage(), e);
        }
    }

    @Override
    public void end(Map<String, Object> trailing) throws IOException {
        try {
            if (pending > 0) insert.executeBatch();
            try (PreparedStatement c = db.prepareStatement(GeoPackageTables.INSERT_CONTENTS)) {
                c.setString(1, layer.name());
                c.setString(2, layer.name());
                List<Object> bounds = new ArrayList<>();
                if (box.isNull()) {
                    for (int i = 0; i < 4; i++) bounds.add(null);
                } else {
                    bounds.addAll(List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()));
                }
                for (int i = 0; i < 4; i++) c.setObject(3 + i, bounds.get(i));
                c.setInt(7, layer.epsg());
                c.executeUpdate();
            }
            insert.close();
            insert = null;
            pending = 0;
        } catch (SQLException e) {
            throw new IOException("cannot finish the GeoPackage: " + e.getMessage(), e);
        }
        if (oneLayer) finish();
    }

    /**
     * Commits and writes the file to the stream; called by {@link #end} for one layer, by the caller after
     * the last layer of a {@link #project} encoder (also with no layer at all: a GeoPackage without tables).
     */
    public void finish() throws IOException {
        try {
            if (db == null) open();
            db.commit();
            db.close();
            db = null;
        } catch (SQLException e) {
            throw new IOException("cannot finish the GeoPackage: " + e.getMessage(), e);
        }
        Files.copy(file, out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            if (db != null) db.close();
        } catch (SQLException e) {
            // the temporary file is deleted anyway
        } finally {
            out.close();
            if (file != null) Files.deleteIfExists(file);
        }
    }
}
