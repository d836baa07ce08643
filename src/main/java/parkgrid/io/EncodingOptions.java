package parkgrid.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/**
 * How an encoder writes features: the output CRS, its axis order, and which properties.
 *
 * @param crs        the CRS positions are written in; stored features are CRS84 (lon/lat) and are transformed
 * @param axisOrder  {@code AUTHORITY} for OGC API Part 2 responses; {@code EAST_NORTH} for files, which then say
 *                   their CRS with GeoJSON's legacy {@code crs} member when it is not CRS84
 * @param properties the properties to write, in this order; null for all of the feature's
 * @param encoding   the text encoding of formats that offer a choice (Shapefile DBF, CSV); null for the
 *                   format's default (UTF-8); formats whose specification fixes UTF-8 ignore it
 */
public record EncodingOptions(SupportedCrs crs, CrsTransformer.AxisOrder axisOrder, List<String> properties,
                              TextEncoding encoding) {
    public EncodingOptions {
        if (crs == null) throw new IllegalArgumentException("crs is required (SupportedCrs.CRS84 for lon/lat)");
        if (axisOrder == null) throw new IllegalArgumentException("axisOrder is required");
        properties = properties == null ? null : List.copyOf(properties);
    }

    /** Options in the format's default text encoding. */
    public EncodingOptions(SupportedCrs crs, CrsTransformer.AxisOrder axisOrder, List<String> properties) {
        this(crs, axisOrder, properties, null);
    }

    /** The text encoding asked for, UTF-8 when none was. */
    public TextEncoding encodingOrUtf8() {
        return encoding == null ? TextEncoding.UTF_8 : encoding;
    }

    /** CRS84, all properties: what RFC 7946 GeoJSON answers use. */
    public static EncodingOptions crs84() {
        return new EncodingOptions(SupportedCrs.CRS84, CrsTransformer.AxisOrder.AUTHORITY, null, null);
    }

    /** A response in {@code crs} (authority axis order), all properties. */
    public static EncodingOptions inCrs(SupportedCrs crs) {
        return new EncodingOptions(crs, CrsTransformer.AxisOrder.AUTHORITY, null, null);
    }

    /** True when a file in this CRS must name it with the legacy {@code crs} member (not CRS84, easting first). */
    public boolean needsCrsMember() {
        return !crs.isStorageCrs() && axisOrder == CrsTransformer.AxisOrder.EAST_NORTH;
    }

    /** The feature with only the selected properties, in their order (absent ones as null); itself when all are asked. */
    public Feature select(Feature f) {
        if (properties == null) return f;
        Map<String, Object> props = new LinkedHashMap<>();
        for (String p : properties) props.put(p, f.properties().get(p));
        return new Feature(f.id(), f.geometry(), props);
    }
}
