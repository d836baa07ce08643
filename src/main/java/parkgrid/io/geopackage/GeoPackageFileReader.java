package parkgrid.io.geopackage;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sqlite.SQLiteConfig;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.geo.GeoPackageGeometry;
import parkgrid.io.FieldNames;
import parkgrid.io.LayerReader;
import parkgrid.io.ReadOptions;

/**
 * Reads one feature table of a GeoPackage file (read-only): the one named by the option {@code layer}, else the
 * first in {@code gpkg_contents}. The integer primary key gives the ids; the geometry column and CRS come from
 * {@code gpkg_geometry_columns} and {@code gpkg_spatial_ref_sys} (an EPSG organization's code); column types
 * INTEGER, INT, SMALLINT, MEDIUMINT, TINYINT, BOOLEAN are integers, REAL, DOUBLE, FLOAT, NUMERIC numbers,
 * TEXT, DATE, DATETIME strings; BLOB columns are left out. A declared type GEOMETRY takes the kind of the
 * first geometry. Rows are read in primary-key order with a cursor, one at a time.
 */
public final class GeoPackageFileReader implements LayerReader {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Override
    public String id() {
        return "geopackage";
    }

    @Override
    public List<String> extensions() {
        return List.of(".gpkg");
    }

    /** The table's shape: its id and geometry columns, and which columns are properties. */
    private record Table(String name, String idColumn, String geometryColumn, List<String> columns, List<PropertyDefinition> properties) {}

    @Override
    public Read read(Path file, ReadOptions options) throws IOException {
        for (String k : options.extra().keySet()) {
            if (!k.equals("layer")) throw new IllegalArgumentException("unknown GeoPackage option '" + k + "' (known: layer)");
        }
        try (Connection db = open(file)) {
            String tableName = table(db, options.extra().get("layer"));
            String geometryColumn = null, typeName = null;
            int srsId = 0;
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
                s.setString(1, tableName);
                ResultSet r = s.executeQuery();
                if (r.next()) {
                    geometryColumn = r.getString(1);
                    typeName = r.getString(2);
                    srsId = r.getInt(3);
                }
            }
            if (geometryColumn == null) throw new IllegalArgumentException("table " + tableName + " has no geometry column in gpkg_geometry_columns");
            Table table = columns(db, tableName, geometryColumn);
            GeometryKind kind = kind(db, table, typeName);
            String crs = crs(db, srsId);
            String name = options.layerName() != null ? options.layerName() : FieldNames.of(List.of(tableName)).name(0);
            Layer layer = new Layer(name, tableName, null, null, kind, table.properties(), null, null);
            LayerSource source = new LayerSource() {
                @Override
                public Layer layer() {
                    return layer;
                }

                @Override
                public void forEach(FeatureSink sink) throws IOException {
                    try (Connection again = open(file)) {
                        rows(again, table, sink);
                    } catch (SQLException e) {
                        throw new IOException("cannot read " + tableName + ": " + e.getMessage(), e);
                    }
                }
            };
            return new Read(source, crs);
        } catch (SQLException e) {
            throw new IllegalArgumentException("not a readable GeoPackage: " + e.getMessage(), e);
        }
    }

    private static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    private static String table(Connection db, String wanted) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'" + (wanted == null ? "" : " AND table_name = ?")
                        + " ORDER BY rowid")) {
            if (wanted != null) s.setString(1, wanted);
            ResultSet r = s.executeQuery();
            if (!r.next()) {
                throw new IllegalArgumentException(wanted == null ? "the GeoPackage has no feature table" : "the GeoPackage has no feature table " + wanted);
            }
            return r.getString(1);
        }
    }

    private static Table columns(Connection db, String table, String geometryColumn) throws SQLException {
        String id = null;
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<PropertyType> types = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT name, type, pk, cid FROM pragma_table_info(?) ORDER BY cid")) {
            s.setString(1, table);
            ResultSet r = s.executeQuery();
            while (r.next()) {
                String n = r.getString(1), t = r.getString(2).toUpperCase(Locale.ROOT);
                if (n.equalsIgnoreCase(geometryColumn)) continue;
                if (r.getInt(3) == 1 && t.contains("INT") && id == null) {
                    id = n;
                    continue;
                }
                PropertyType type = t.contains("INT") || t.equals("BOOLEAN") ? PropertyType.INTEGER
                        : t.contains("REAL") || t.contains("DOUBLE") || t.contains("FLOAT") || t.contains("NUMERIC") ? PropertyType.NUMBER
                        : t.contains("BLOB") ? null : PropertyType.STRING;
                if (type == null) continue;
                names.add(n);
                positions.add(r.getInt(4) + 1);
                types.add(type);
            }
        }
        FieldNames mapped = FieldNames.of(names, positions.stream().mapToInt(Integer::intValue).toArray());
        List<PropertyDefinition> props = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) props.add(new PropertyDefinition(mapped.name(i), types.get(i)));
        return new Table(table, id, geometryColumn, names, props);
    }

    private static GeometryKind kind(Connection db, Table t, String typeName) throws SQLException {
        try {
            return GeometryKind.fromName(typeName);
        } catch (IllegalArgumentException generic) {
            GeoPackageGeometry blobs = new GeoPackageGeometry(FACTORY);
            try (PreparedStatement s = db.prepareStatement("SELECT " + GeoPackageTables.quote(t.geometryColumn()) + " FROM "
                    + GeoPackageTables.quote(t.name()) + " WHERE " + GeoPackageTables.quote(t.geometryColumn()) + " IS NOT NULL LIMIT 1")) {
                ResultSet r = s.executeQuery();
                if (r.next()) return GeometryKind.fromName(blobs.decode(r.getBytes(1)).getGeometryType());
            }
            throw new IllegalArgumentException("table " + t.name() + " is of type " + typeName + " and has no geometry to tell its kind");
        }
    }

    private static String crs(Connection db, int srsId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            s.setInt(1, srsId);
            ResultSet r = s.executeQuery();
            if (r.next() && "EPSG".equalsIgnoreCase(r.getString(1))) return "EPSG:" + r.getInt(2);
        }
        return null;
    }

    private static void rows(Connection db, Table t, FeatureSink sink) throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("SELECT ").append(t.idColumn() == null ? "rowid" : GeoPackageTables.quote(t.idColumn()))
                .append(", ").append(GeoPackageTables.quote(t.geometryColumn()));
        for (String c : t.columns()) sql.append(", ").append(GeoPackageTables.quote(c));
        sql.append(" FROM ").append(GeoPackageTables.quote(t.name())).append(" ORDER BY 1");
        GeoPackageGeometry blobs = new GeoPackageGeometry(FACTORY);
        try (PreparedStatement s = db.prepareStatement(sql.toString())) {
            s.setFetchSize(1000);
            ResultSet r = s.executeQuery();
            while (r.next()) {
                long id = r.getLong(1);
                Geometry g;
                try {
                    g = blobs.decode(r.getBytes(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("feature " + id + ": " + e.getMessage(), e);
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < t.properties().size(); i++) {
                    PropertyDefinition p = t.properties().get(i);
                    Object v = r.getObject(3 + i);
                    values.put(p.name(), v == null ? null : switch (p.type()) {
                        case INTEGER -> v instanceof Number n ? (Object) n.longValue() : v;
                        case NUMBER -> v instanceof Number n ? (Object) n.doubleValue() : v;
                        case STRING -> v.toString();
                    });
                }
                sink.accept(new Feature(id, g, values));
            }
        }
    }
}
