package parkgrid.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.filter.BoundFilter;
import parkgrid.filter.FilterBinder;
import parkgrid.filter.FilterLanguage;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.BoundingBox;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/**
 * Turns the query string of {@code /collections/{id}/items} into a {@link FeatureQuery} and an output
 * CRS: {@code bbox} (in {@code bbox-crs}, default CRS84), {@code crs} (OGC API Part 2), {@code limit} (default 1 000, larger values clamped to 10 000), {@code offset}, {@code f},
 * and one equality filter per schema property (an export takes {@code bbox}, {@code format} and the filters). Any other parameter is rejected, as OGC API – Features
 * requires for parameters the API definition does not declare.
 */
record ItemsRequest(FeatureQuery query, SupportedCrs crs, List<String> properties) {
    private static final Set<String> PAGED = Set.of("bbox", "bbox-crs", "crs", "limit", "offset", "f",
            "filter", "filter-lang", "filter-crs", "sortby", "properties");
    private static final Set<String> EXPORT = Set.of("bbox", "bbox-crs", "crs", "format",
            "filter", "filter-lang", "filter-crs", "sortby", "properties");

    static ItemsRequest parse(Context ctx, Layer layer, boolean paged) {
        Map<String, List<String>> params = ctx.queryParamMap();
        SupportedCrs crs = crs(ctx, "crs");
        SupportedCrs bboxCrs = crs(ctx, "bbox-crs");
        Envelope bbox = null;
        Map<String, Object> equals = new HashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty()) continue; // a stray '&' in the query string
            if (e.getValue().size() > 1) throw ParkGridException.invalidParameter(name, "parameter '" + name + "' is given more than once");
            String value = e.getValue().get(0);
            if (name.equals("bbox")) {
                try {
                    bbox = new CrsTransformer(bboxCrs).envelopeToCrs84(BoundingBox.parse(value, bboxCrs));
                } catch (IllegalArgumentException ex) {
                    throw ParkGridException.invalidParameter("bbox", "bbox '" + value + "': " + ex.getMessage());
                }
            } else if (name.equals("bbox-crs") && !params.containsKey("bbox")) {
                throw ParkGridException.invalidParameter("bbox-crs", "bbox-crs is given without a bbox");
            } else if (!(paged ? PAGED : EXPORT).contains(name)) {
                PropertyDefinition p = layer.property(name).orElseThrow(() -> ParkGridException.invalidParameter(name,
                        "unknown parameter '" + name + "': collection '" + layer.name() + "' has no such property"));
                try {
                    equals.put(name, p.type().coerce(value));
                } catch (IllegalArgumentException ex) {
                    throw ParkGridException.invalidParameter(name, "property " + name + " is " + p.type().jsonName() + ": " + ex.getMessage());
                }
            }
        }
        long limit = paged ? limit(ctx.queryParam("limit")) : FeatureQuery.UNLIMITED;
        long offset = paged ? offset(ctx.queryParam("offset")) : 0;
        BoundFilter filter = filter(ctx, layer);
        List<FeatureQuery.SortKey> sortBy = sortBy(ctx.queryParam("sortby"), layer);
        List<String> properties = properties(ctx.queryParam("properties"), layer);
        return new ItemsRequest(new FeatureQuery(bbox, equals, filter, sortBy, limit, offset), crs, properties);
    }

    /**
     * {@code filter} in CQL2 text or CQL2 JSON ({@code filter-lang=cql2-text|cql2-json}; without
     * {@code filter-lang} a filter starting with <code>{</code> is read as JSON, since no text filter can),
     * with geometry literals in {@code filter-crs} (any CRS of {@link SupportedCrs}, default CRS84, in the
     * CRS's own axis order), converted to CRS84 by the parser.
     */
    private static BoundFilter filter(Context ctx, Layer layer) {
        String lang = ctx.queryParam("filter-lang");
        FilterLanguage language = lang == null ? null : FilterLanguage.fromParameter(lang).orElseThrow(() ->
                ParkGridException.invalidParameter("filter-lang", "unsupported filter-lang '" + lang + "': use cql2-text or cql2-json"));
        SupportedCrs filterCrs = filterCrs(ctx.queryParam("filter-crs"));
        String text = ctx.queryParam("filter");
        if (text == null || text.isBlank()) return null;
        if (language == null) language = text.stripLeading().startsWith("{") ? FilterLanguage.CQL2_JSON : FilterLanguage.CQL2_TEXT;
        return FilterBinder.parseAndBind(text, language, filterCrs, layer);
    }

    private static SupportedCrs filterCrs(String value) {
        if (value == null) return SupportedCrs.CRS84;
        return SupportedCrs.find(value).orElseThrow(() -> ParkGridException.invalidParameter("filter-crs",
                "unsupported filter-crs '" + value + "': use one of " + SupportedCrs.supportedList()));
    }

    /** {@code sortby=name,-population}: schema properties, {@code -} for descending, {@code +} or none for ascending. */
    private static List<FeatureQuery.SortKey> sortBy(String text, Layer layer) {
        if (text == null || text.isBlank()) return List.of();
        List<FeatureQuery.SortKey> keys = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            boolean ascending = !p.startsWith("-");
            String name = p.startsWith("-") || p.startsWith("+") ? p.substring(1).trim() : p;
            if (layer.property(name).isEmpty()) {
                throw ParkGridException.invalidParameter("sortby", "cannot sort by '" + name + "': collection '" + layer.name()
                        + "' has no such property");
            }
            keys.add(new FeatureQuery.SortKey(name, ascending));
        }
        return keys;
    }

    /** {@code properties=name_zh,county}: only these properties in the response; null means all. */
    private static List<String> properties(String text, Layer layer) {
        if (text == null) return null;
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) continue;
            if (layer.property(name).isEmpty()) {
                throw ParkGridException.invalidParameter("properties", "collection '" + layer.name() + "' has no property '" + name + "'");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** The CRS named by parameter {@code name}, CRS84 when absent. */
    static SupportedCrs crs(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return SupportedCrs.CRS84;
        return SupportedCrs.find(value).orElseThrow(() -> ParkGridException.invalidParameter(name,
                "unsupported CRS '" + value + "': use one of " + SupportedCrs.supportedList()));
    }

    private static long limit(String text) {
        if (text == null) return OgcVocabulary.DEFAULT_LIMIT;
        if (text.trim().matches("\\d{19,}")) return OgcVocabulary.MAX_LIMIT; // beyond long: clamp like any large limit
        long v = wholeNumber("limit", text);
        if (v < 1) throw ParkGridException.invalidParameter("limit", "limit must be at least 1, got " + v);
        return Math.min(v, OgcVocabulary.MAX_LIMIT);
    }

    private static long offset(String text) {
        if (text == null) return 0;
        long v = wholeNumber("offset", text);
        if (v < 0) throw ParkGridException.invalidParameter("offset", "offset must be 0 or more, got " + v);
        return v;
    }

    private static long wholeNumber(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter(name, name + " '" + text + "' is not a whole number");
        }
    }
}
