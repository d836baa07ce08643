package parkgrid.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricProjection;

/**
 * Features of one layer grouped by the value of a property: per group the count, the summed length
 * (km, lines: geodesic on the WGS84 ellipsoid, as PostGIS {@code ST_Length(geography)}) and area (m², polygons:
 * in the CGCS2000 3° Gauss–Krüger zone of each feature, within 0.1 % of the ellipsoidal area) — and optionally the sum of a numeric property. Features
 * without the property fall in the group {@code null}. Features are added one at a time, so a layer can
 * be streamed through it. Not thread-safe.
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
    private final Map<Object, double[]> totals = new TreeMap<>(VALUE_ORDER); // count, length m, area m², sum
    /** Projections by EPSG code of the feature's zone. */
    private final Map<Integer, MetricProjection> projections = new java.util.HashMap<>();

    /** One group's totals; {@code sum} is null when no sum property was asked for. */
    public record Group(Object value, long count, double lengthKm, double areaSquareMetres, Double sum) {}

    /**
     * @param groupBy     the property to group by, or null for one group of everything
     * @param sumProperty a numeric property to add up per group, or null
     */
    public GroupSummary(String groupBy, String sumProperty) {
        this.groupBy = groupBy;
        this.sumProperty = sumProperty;
    }

    public void add(Feature f) {
        Object value = groupBy == null ? null : f.properties().get(groupBy);
        double[] t = totals.computeIfAbsent(value, k -> new double[4]);
        t[0]++;
        Geometry g = f.geometry();
        if (g.getDimension() >= 1) {
            if (g.getDimension() == 1) {
                t[1] += GeodesicDistance.lengthMetres(g);
            } else {
                org.locationtech.jts.geom.Coordinate c = g.getEnvelopeInternal().centre();
                t[2] += projections.computeIfAbsent(MetricProjection.epsgFor(c.x, c.y), MetricProjection::new).areaSquareMetres(g);
            }
        }
        if (sumProperty != null && f.properties().get(sumProperty) instanceof Number n) t[3] += n.doubleValue();
    }

    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        totals.forEach((value, t) -> out.add(new Group(value, (long) t[0], Math.round(t[1]) / 1000.0, Math.round(t[2]),
                sumProperty == null ? null : t[3])));
        return List.copyOf(out);
    }
}
