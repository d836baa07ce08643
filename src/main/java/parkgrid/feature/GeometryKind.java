package parkgrid.feature;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;

/** The geometry type of a layer, named as in OGC Simple Features / GeoPackage. */
public enum GeometryKind {
    POINT("Point"), LINESTRING("LineString"), POLYGON("Polygon"),
    MULTIPOINT("MultiPoint"), MULTILINESTRING("MultiLineString"), MULTIPOLYGON("MultiPolygon");

    private final String geoJsonName;

    GeometryKind(String geoJsonName) { this.geoJsonName = geoJsonName; }

    /** GeoJSON type name, e.g. {@code LineString}. */
    public String geoJsonName() { return geoJsonName; }

    /** Upper-case SQL name as used by GeoPackage and PostGIS typmods, e.g. {@code LINESTRING}. */
    public String sqlName() { return name(); }

    public static GeometryKind fromName(String name) {
        for (GeometryKind k : values()) {
            if (k.geoJsonName.equalsIgnoreCase(name) || k.name().equals(name.toUpperCase(Locale.ROOT))) return k;
        }
        throw new IllegalArgumentException("unknown geometry type '" + name + "'");
    }

    /** True when {@code g} is of this kind (a single geometry is also accepted by its multi kind). */
    public boolean accepts(Geometry g) {
        String t = g.getGeometryType();
        return t.equalsIgnoreCase(geoJsonName)
                || (name().startsWith("MULTI") && t.equalsIgnoreCase(geoJsonName.substring(5)));
    }
}
