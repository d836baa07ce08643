package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.filter.Filter;
import parkgrid.filter.FilterBinder;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * A collection's {@code extent.temporal}: the interval its temporal property spans (earliest and latest
 * value, read from the store with two one-feature sorted queries), the Gregorian TRS and, as a member of
 * ParkGrid's own, the {@code property} that {@code datetime} applies to. A year property spans from the
 * first instant of its first year to the last second of its last. Open ({@code null}) ends when the layer
 * has no values yet.
 */
final class TemporalExtent {
    static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private TemporalExtent() {}

    /** The {@code temporal} member, or empty for a layer without a temporal property. */
    static Optional<ObjectNode> of(FeatureStore store, Layer layer) {
        Optional<PropertyDefinition> temporal = layer.temporal();
        if (temporal.isEmpty()) return Optional.empty();
        PropertyDefinition p = temporal.get();
        ObjectNode t = Responses.JSON.createObjectNode();
        ArrayNode interval = t.putArray("interval").addArray();
        Object first = edge(store, layer, p, true), last = edge(store, layer, p, false);
        if (first == null) interval.addNull(); else interval.add(p.type() == PropertyType.INTEGER ? first + "-01-01T00:00:00Z" : first.toString());
        if (last == null) interval.addNull(); else interval.add(p.type() == PropertyType.INTEGER ? last + "-12-31T23:59:59Z" : last.toString());
        t.put("trs", GREGORIAN);
        t.put("property", p.name());
        return Optional.of(t);
    }

    private static Object edge(FeatureStore store, Layer layer, PropertyDefinition p, boolean earliest) {
        var notNull = FilterBinder.bind(new Filter.Not(new Filter.IsNull(p.name())), layer);
        FeatureQuery q = new FeatureQuery(null, Map.of(), notNull, List.of(new FeatureQuery.SortKey(p.name(), earliest)), 1, 0);
        Object[] value = {null};
        try {
            store.forEach(layer.name(), q, (Feature f) -> value[0] = f.properties().get(p.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return value[0];
    }
}
