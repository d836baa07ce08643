package parkgrid.io.geopackage;

import java.util.List;
import java.util.stream.Collectors;
import parkgrid.feature.PropertyDefinition;
import parkgrid.io.FileLayer;

/** The SQL of a one-layer GeoPackage file (GeoPackage 1.3, clauses 1.1.2, 1.1.3, 2.1.5); names are ParkGrid identifiers. */
final class GeoPackageTables {
    private GeoPackageTables() {}

    static final List<String> DDL = List.of(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, "
                    + "organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)",
            "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, "
                    + "description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                    + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, "
                    + "srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, "
                    + "CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");

    static final String INSERT_SRS = "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition) "
            + "VALUES (?, ?, ?, ?, ?)";
    static final String INSERT_GEOMETRY_COLUMN = "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
            + "VALUES (?, 'geom', ?, ?, 0, 0)";
    static final String INSERT_CONTENTS = "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) "
            + "VALUES (?, 'features', ?, ?, ?, ?, ?, ?)";

    static String featureTable(FileLayer layer) {
        String columns = layer.properties().stream().map(p -> ", " + quote(p.name()) + " " + switch (p.type()) {
            case STRING -> "TEXT";
            case INTEGER -> "INTEGER";
            case NUMBER -> "REAL";
        }).collect(Collectors.joining());
        return "CREATE TABLE " + quote(layer.name()) + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom "
                + layer.kind().sqlName() + columns + ")";
    }

    static String insertFeature(FileLayer layer) {
        List<PropertyDefinition> props = layer.properties();
        return "INSERT INTO " + quote(layer.name()) + " (fid, geom" + props.stream().map(p -> ", " + quote(p.name())).collect(Collectors.joining())
                + ") VALUES (?, ?" + ", ?".repeat(props.size()) + ")";
    }

    /** A double-quoted SQL identifier. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
