package parkgrid.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Layer;
import parkgrid.filter.BoundFilter;
import parkgrid.filter.Filter;
import parkgrid.filter.FilterBinder;
import parkgrid.filter.FilterLanguage;
import parkgrid.filter.SpatialOperator;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.geo.BoundingBox;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/**
 * Turns the query string of {@code /collections/{id}/items} into a {@link FeatureQuery} and an output
 * CRS: {@code bbox} (in {@code bbox-crs}, default CRS84; across the antimeridian when minLon &gt; maxLon),
 * {@code datetime} (on the layer's temporal property, see {@link DatetimeParameter}), {@code crs} (OGC API
 * Part 2), {@code limit} (default 1 000, larger values clamped to 10 000), {@code offset}, {@code f}, and one
 * equality filter per schema property (an export takes the same without paging). Any other parameter is
 * rejected, as OGC API – Features requires for parameters the API definition does not declare.
 *
 * <p>A bbox across the antimeridian becomes the latitude band as the store's bbox (so its index still
 * narrows the search) and an {@code S_INTERSECTS} with the two halves added to the filter.
 */
record ItemsRequest(FeatureQuery query, SupportedCrs crs, List<String> properties) {
    /** The declared parameters that are not property filters (the declaration is in {@link Operations}). */
    private static final Set<String> PAGED = names(Operations.ITEMS_QUERY);
    private static final Set<String> EXPORT = names(Operations.EXPORT_QUERY);

    private static Set<String> names(List<Parameter> parameters) {
        return Set.copyOf(parameters.stream().map(Parameter::name).toList());
    }

    static ItemsRequest parse(Context ctx, Layer layer, boolean paged) {
        Map<String, List<String>> params = ctx.queryParamMap();
        SupportedCrs crs = crs(ctx, "crs");
        SupportedCrs bboxCrs = crs(ctx, "bbox-crs");
        Envelope bbox = null;
        List<Filter> also = new ArrayList<>();
        Map<String, Object> equals = new HashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty()) continue; // a stray '&' in the query string
            if (e.getValue().size() > 1) throw ParkGridException.invalidParameter(name, "parameter '" + name + "' is given more than once");
            String value = e.getValue().get(0);
            if (name.equals("bbox")) {
                List<Envelope> parts;
                try {
                    CrsTransformer toCrs84 = new CrsTransformer(bboxCrs);
                    parts = BoundingBox.parseParts(value, bboxCrs).stream().map(toCrs84::envelopeToCrs84).toList();
                } catch (IllegalArgumentException ex) {
                    throw ParkGridException.invalidParameter("bbox", "bbox '" + value + "': " + ex.getMessage());
                }
                if (parts.size() == 1) {
                    bbox = parts.get(0);
                } else {
                    bbox = new Envelope(-180, 180, parts.get(0).getMinY(), parts.get(0).getMaxY());
                    also.add(acrossAntimeridian(parts));
                }
            } else if (name.equals("datetime")) {
                DatetimeParameter.parse(value).filterFor(layer).ifPresent(also::add);
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
        BoundFilter filter = and(layer, filter(ctx, layer), also);
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
    static BoundFilter filter(Context ctx, Layer layer) {
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

    /**
     * A tile's filter: {@code filter} and {@code datetime} as items apply them (on the layer's temporal property; a
     * layer without one ignores {@code datetime}), null when neither is given.
     */
    static BoundFilter tileFilter(Context ctx, Layer layer) {
        String datetime = ctx.queryParam(DatetimeParameter.NAME);
        List<Filter> more = datetime == null ? List.of() : DatetimeParameter.parse(datetime).filterFor(layer).map(List::of).orElse(List.of());
        return and(layer, filter(ctx, layer), more);
    }

    /** {@code given} (may be null) and every one of {@code more}, bound to {@code layer}; null when there is nothing. */
    private static BoundFilter and(Layer layer, BoundFilter given, List<Filter> more) {
        if (more.isEmpty()) return given;
        List<Filter> all = new ArrayList<>();
        if (given != null) all.add(given.filter());
        all.addAll(more);
        return FilterBinder.bind(all.size() == 1 ? all.get(0) : new Filter.And(all), layer);
    }

    /**
     * The two halves of a bbox across the antimeridian as one CRS84 geometry to intersect: a MultiPolygon,
     * or a collection when a half has no width ({@code 180,65,-177,70} starts on the antimeridian itself).
     */
    private static Filter acrossAntimeridian(List<Envelope> halves) {
        GeometryFactory gf = new GeometryFactory();
        Geometry both = gf.buildGeometry(halves.stream().map(gf::toGeometry).toList());
        return new Filter.SpatialPredicate(SpatialOperator.S_INTERSECTS, BoundFilter.GEOMETRY_COLUMN, both);
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
    static List<String> properties(String text, Layer layer) {
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
