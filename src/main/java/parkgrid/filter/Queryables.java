package parkgrid.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;

/**
 * The Queryables document of a layer (OGC API – Features Part 3, {@code /collections/{id}/queryables},
 * media type {@code application/schema+json}): a JSON Schema (draft 2020-12) object whose properties are
 * what a filter may name, with their types: every schema property ({@code string}, {@code integer},
 * {@code number}; the temporal property, when text, with {@code format: date-time}) and the geometry as
 * {@value #GEOMETRY} ({@code x-ogc-role: primary-geometry}) with {@code format} {@code geometry-point},
 * {@code geometry-linestring}, ... (Part 5 schema vocabulary), in CRS84 unless {@code filter-crs} says
 * otherwise. It is the schema {@link FilterBinder} checks against, so the two cannot disagree.
 *
 * <p>Usage: {@code Map<String, Object> doc = Queryables.of(layer, requestUrlWithoutQuery);} then write it as JSON.
 */
public final class Queryables {
    /** The name the geometry is listed under (the stores' geometry column); the binder accepts any name that is not a schema property. */
    public static final String GEOMETRY = BoundFilter.GEOMETRY_COLUMN;
    /** The media type of the document. */
    public static final String MEDIA_TYPE = "application/schema+json";
    /** The link relation from a filterable resource to its queryables. */
    public static final String LINK_RELATION = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private Queryables() {}

    /**
     * @param id the URI of the queryables resource without query parameters (becomes {@code $id})
     * @return the document as ordered maps and strings, ready for Jackson
     */
    public static Map<String, Object> of(Layer layer, String id) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("title", "geometry (" + layer.geometryKind().geoJsonName() + ")");
        geometry.put("x-ogc-role", "primary-geometry");
        geometry.put("format", "geometry-" + layer.geometryKind().geoJsonName().toLowerCase(java.util.Locale.ROOT));
        if (layer.property(GEOMETRY).isEmpty()) properties.put(GEOMETRY, geometry);
        for (PropertyDefinition p : layer.properties()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("title", p.name());
            schema.put("type", p.type().jsonName());
            if (p.name().equals(layer.temporalProperty()) && p.type() == parkgrid.feature.PropertyType.STRING) schema.put("format", "date-time");
            properties.put(p.name(), schema);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", id);
        doc.put("type", "object");
        doc.put("title", layer.title());
        doc.put("properties", properties);
        doc.put("additionalProperties", false);
        return doc;
    }
}
