package parkgrid.io;

import java.util.ArrayList;
import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * What a file encoder with a header of fields writes: the layer's name and geometry kind, the selected
 * properties in order with their types, and each feature's geometry in the output CRS, easting (longitude)
 * first as every GIS file format stores it. For layers of a multi kind a single geometry is written as a
 * one-part multi geometry, so that readers see one geometry type.
 */
public final class FileLayer {
    private final String name;
    private final GeometryKind kind;
    private final List<PropertyDefinition> properties;
    private final SupportedCrs crs;
    private final CrsTransformer transformer;
    private final GeometryFactory factory = new GeometryFactory();

    private FileLayer(String name, GeometryKind kind, List<PropertyDefinition> properties, SupportedCrs crs) {
        this.name = name;
        this.kind = kind;
        this.properties = List.copyOf(properties);
        this.crs = crs;
        this.transformer = new CrsTransformer(crs);
    }

    /**
     * @throws IllegalStateException when the metadata names no layer (a file format needs its schema)
     */
    public static FileLayer of(CollectionMetadata metadata, EncodingOptions options, String format) {
        Layer layer = metadata.layer();
        if (layer == null) throw new IllegalStateException(format + " needs the layer's schema (CollectionMetadata.withLayer)");
        List<PropertyDefinition> selected = new ArrayList<>();
        if (options.properties() == null) {
            selected.addAll(layer.properties());
        } else {
            for (String p : options.properties()) layer.property(p).ifPresent(selected::add);
        }
        String name = metadata.name() != null ? metadata.name() : layer.name();
        return new FileLayer(name, layer.geometryKind(), selected, options.crs());
    }

    /** The layer name, a ParkGrid identifier. */
    public String name() {
        return name;
    }

    public GeometryKind kind() {
        return kind;
    }

    /** The properties written, in order. */
    public List<PropertyDefinition> properties() {
        return properties;
    }

    /** The output CRS. */
    public SupportedCrs crs() {
        return crs;
    }

    /** The EPSG code of the output CRS: 4326 for CRS84. */
    public int epsg() {
        return crs.epsg() == 0 ? 4326 : crs.epsg();
    }

    /** The feature's geometry in the output CRS, easting first, promoted to the layer's multi kind; null stays null. */
    public Geometry geometry(Feature f) {
        if (!f.hasGeometry()) return null;
        Geometry g = transformer.fromCrs84(f.geometry(), CrsTransformer.AxisOrder.EAST_NORTH);
        return switch (kind) {
            case MULTIPOINT -> g instanceof Point p ? factory.createMultiPoint(new Point[] {p}) : g;
            case MULTILINESTRING -> g instanceof LineString l ? factory.createMultiLineString(new LineString[] {l}) : g;
            case MULTIPOLYGON -> g instanceof Polygon p ? factory.createMultiPolygon(new Polygon[] {p}) : g;
            default -> g;
        };
    }
}
