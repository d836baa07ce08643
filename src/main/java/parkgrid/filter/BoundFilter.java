package parkgrid.filter;

import java.util.Objects;
import parkgrid.feature.Layer;

/**
 * A {@link Filter} checked against one {@link Layer} by {@link FilterBinder}: every property exists in the
 * layer schema, every literal has the Java type of its property ({@code String}, {@code Long} or
 * {@code Double}; a decimal compared with an integer property stays a {@code Double}), LIKE applies only to
 * string properties, and every spatial predicate names the geometry as {@value #GEOMETRY_COLUMN}.
 * Only bound filters reach {@link FilterEvaluator} and {@code parkgrid.store.FilterSql}, so neither sees an unchecked name.
 */
public final class BoundFilter {
    /** The geometry column both stores use, and the property name spatial predicates carry after binding. */
    public static final String GEOMETRY_COLUMN = "geom";

    private final Layer layer;
    private final Filter filter;

    BoundFilter(Layer layer, Filter filter) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    /** The layer the filter was checked against. */
    public Layer layer() { return layer; }

    /** The normalised filter tree. */
    public Filter filter() { return filter; }

    /**
     * The conjunction of some operands of this filter's top-level AND (one operand alone when there is
     * one): bound, because each operand already is.
     *
     * @throws IllegalArgumentException when this filter is no AND or an operand is not one of its operands
     */
    public BoundFilter conjunctionOf(java.util.List<Filter> operands) {
        if (!(filter instanceof Filter.And and) || operands.isEmpty() || !and.operands().containsAll(operands)) {
            throw new IllegalArgumentException("not operands of this filter's AND: " + operands);
        }
        return new BoundFilter(layer, operands.size() == 1 ? operands.get(0) : new Filter.And(operands));
    }

    /** True when some part of the filter is a spatial predicate. */
    public boolean hasSpatialPredicate() {
        return hasSpatialPredicate(filter);
    }

    static boolean hasSpatialPredicate(Filter f) {
        if (f instanceof Filter.SpatialPredicate) return true;
        if (f instanceof Filter.Not n) return hasSpatialPredicate(n.operand());
        if (f instanceof Filter.And a) return a.operands().stream().anyMatch(BoundFilter::hasSpatialPredicate);
        if (f instanceof Filter.Or o) return o.operands().stream().anyMatch(BoundFilter::hasSpatialPredicate);
        return false;
    }

    @Override
    public String toString() {
        return "BoundFilter[" + layer.name() + ": " + filter + "]";
    }
}
