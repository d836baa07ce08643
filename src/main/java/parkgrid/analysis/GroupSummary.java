package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricProjection;

/**
 * Features of one layer grouped by the value of a property: per group the count, how many of them have
 * a place (features without one, null geometry, are counted but measure nothing), the summed length
 * (km, lines: geodesic on the WGS84 ellipsoid, as PostGIS {@code ST_Length(geography)}) and area (m², polygons:
 * in the CGCS2000 3° Gauss–Krüger zone of each feature, within 0.1 % of the ellipsoidal area) — and optionally
 * the sum of a numeric property, also split by the value of a second property (e.g. capacity by village, split
 * by where the capacity figure comes from). Features without the property fall in the group {@code null}.
 * Features are added one at a time, so a layer can be streamed through it. Not thread-safe.
 */
public final class GroupSummary {
    /** Numbers before text, numbers by value, text alphabetically, null last. */
    private static final Comparator<Object> VALUE_ORDER = Comparator.nullsLast((a, b) -> {
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Number) return -1;
        if (b instanceof Number) return 1;
        return a.toString().compareTo(b.toString());
    });

    private final String groupBy;
    private final String sumProperty;
    private final String splitBy;
    private final Map<Object, double[]> totals = new TreeMap<>(VALUE_ORDER); // count, positioned, length m, area m², sum
    private final Map<Object, Map<Object, double[]>> splits = new HashMap<>(); // group -> split value -> count, sum
    /** Projections by EPSG code of the feature's zone. */
    private final Map<Integer, MetricProjection> projections = new HashMap<>();

    /** Within a group, the features with one value of the split property: their count and sum. */
    public record Split(Object value, long count, Double sum) {}

    /**
     * One group's totals; {@code sum} is null when no sum property was asked for, {@code splits} empty
     * when no split property was; {@code positioned} counts the features that have a geometry.
     */
    public record Group(Object value, long count, long positioned, double lengthKm, double areaSquareMetres, Double sum,
                        List<Split> splits) {}

    /**
     * @param groupBy     the property to group by, or null for one group of everything
     * @param sumProperty a numeric property to add up per group, or null
     */
    public GroupSummary(String groupBy, String sumProperty) {
        this(groupBy, sumProperty, null);
    }

    /** @param splitBy a property whose values split each group's count and sum, or null */
    public GroupSummary(String groupBy, String sumProperty, String splitBy) {
        this.groupBy = groupBy;
        this.sumProperty = sumProperty;
        this.splitBy = splitBy;
    }

    public void add(Feature f) {
        Object value = groupBy == null ? null : f.properties().get(groupBy);
        double[] t = totals.computeIfAbsent(value, k -> new double[5]);
        t[0]++;
        Geometry g = f.geometry();
        if (g != null) {
            t[1]++;
            if (g.getDimension() == 1 && !g.isEmpty()) {
                t[2] += GeodesicDistance.lengthMetres(g);
            } else if (g.getDimension() == 2 && !g.isEmpty()) {
                org.locationtech.jts.geom.Coordinate c = g.getEnvelopeInternal().centre();
                t[3] += projections.computeIfAbsent(MetricProjection.epsgFor(c.x, c.y), MetricProjection::new).areaSquareMetres(g);
            }
        }
        double summand = sumProperty != null && f.properties().get(sumProperty) instanceof Number n ? n.doubleValue() : 0;
        t[4] += summand;
        if (splitBy != null) {
            double[] s = splits.computeIfAbsent(value, k -> new TreeMap<>(VALUE_ORDER))
                    .computeIfAbsent(f.properties().get(splitBy), k -> new double[2]);
            s[0]++;
            s[1] += summand;
        }
    }

    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        totals.forEach((value, t) -> {
            List<Split> parts = new ArrayList<>();
            splits.getOrDefault(value, Map.of()).forEach((v, s) -> parts.add(new Split(v, (long) s[0], sumProperty == null ? null : s[1])));
            out.add(new Group(value, (long) t[0], (long) t[1], Math.round(t[2]) / 1000.0, Math.round(t[3]),
                    sumProperty == null ? null : t[4], List.copyOf(parts)));
        });
        return List.copyOf(out);
    }
}
