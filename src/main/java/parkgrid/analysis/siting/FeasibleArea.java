package parkgrid.analysis.siting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import parkgrid.geo.MetricProjection;

/**
 * The land left for a site, on the plane of a metric projection (metres): the study area less the union of the
 * buffered exclusions ({@link Exclusion#plannedBufferMetres()}), intersected with each requirement's buffer,
 * then opened by half the minimum width (a negative then a positive buffer of {@code minWidth / 2}) so that no
 * part narrower than the width is left (the round opening also rounds a block's corners by {@code minWidth / 2};
 * candidate sites are searched in {@link #getConstrained()} and may use them). Also how much of the study area each criterion rules out on its own.
 *
 * <p>Geometries farther from the study area than their buffer are left out before buffering. Not thread-safe
 * (it uses the caller's projection); {@link #compute()} runs once.
 */
public final class FeasibleArea {
    private final Geometry study;
    private final List<Exclusion> exclusions;
    private final List<Requirement> requirements;
    private final double minWidthMetres;
    private final MetricProjection projection;
    private final SitingOptions options;

    private Geometry afterExclusions;
    private Geometry feasible;
    private Geometry constrained;
    private final List<Elimination> eliminations = new ArrayList<>();

    /**
     * @param studyMetric    the study area, polygonal, in {@code projection}'s metres
     * @param minWidthMetres the minimum width of a site, ≥ 0
     */
    public FeasibleArea(Geometry studyMetric, List<Exclusion> exclusions, List<Requirement> requirements, double minWidthMetres,
                        MetricProjection projection, SitingOptions options) {
        this.study = studyMetric;
        this.exclusions = List.copyOf(exclusions);
        this.requirements = List.copyOf(requirements);
        this.minWidthMetres = minWidthMetres;
        this.projection = projection;
        this.options = options;
    }

    public void compute() {
        if (feasible != null) return;
        double studyArea = study.getArea();
        List<Geometry> zones = new ArrayList<>();
        for (Exclusion e : exclusions) {
            options.check("buffering the exclusions");
            Geometry zone = bufferedNear(e.geometries(), e.plannedBufferMetres());
            if (zone == null) continue;
            zones.add(zone);
            double out = study.intersection(zone).getArea();
            eliminations.add(new Elimination(
                    String.format(Locale.ROOT, "%s m from %s (exclusion)", metres(e.bufferMetres()), e.label().en()),
                    String.format(Locale.ROOT, "距%s %s 米以内（排除）", e.label().zh(), metres(e.bufferMetres())), out, 100 * out / studyArea));
        }
        options.check("joining the exclusion zones");
        Geometry remaining = zones.isEmpty() ? study : study.difference(UnaryUnionOp.union(zones));
        afterExclusions = remaining;
        for (Requirement r : requirements) {
            options.check("buffering the requirements");
            Geometry zone = bufferedNear(r.geometries(), r.withinMetres());
            Geometry inside = zone == null ? study.getFactory().createPolygon() : zone;
            double out = studyArea - study.intersection(inside).getArea();
            eliminations.add(new Elimination(
                    String.format(Locale.ROOT, "within %s m of %s (requirement)", metres(r.withinMetres()), r.label().en()),
                    String.format(Locale.ROOT, "%s %s 米以外（要求在其范围内）", r.label().zh(), metres(r.withinMetres())), out, 100 * out / studyArea));
            remaining = remaining.intersection(inside);
        }
        constrained = remaining;
        if (minWidthMetres > 0 && !remaining.isEmpty()) {
            options.check("removing slivers narrower than the minimum width");
            // no clip to `remaining`: an overlay of two near-identical polygons with hundreds of holes takes seconds,
            // and candidates are searched in the constrained area anyway (see getConstrained)
            Geometry opened = remaining.buffer(-minWidthMetres / 2).buffer(minWidthMetres / 2);
            double out = remaining.getArea() - opened.getArea();
            eliminations.add(new Elimination(
                    String.format(Locale.ROOT, "minimum width %s m", metres(minWidthMetres)),
                    String.format(Locale.ROOT, "最小宽度 %s 米", metres(minWidthMetres)), out, 100 * out / studyArea));
            remaining = opened;
        }
        feasible = remaining;
    }

    /**
     * The study area less the exclusions, inside the requirements, before the slivers are removed (metres): where
     * candidate rectangles are searched. A rectangle whose sides are all at least the minimum width lies in the
     * opening of this area by a square of that width, so searching here loses no site and, unlike the polygonal
     * opening, can never reach into an exclusion through an arc's chord.
     */
    public Geometry getConstrained() {
        compute();
        return constrained;
    }

    /** The union of the geometries within {@code metres} of the study area, each buffered by it; null for none. */
    private Geometry bufferedNear(List<Geometry> lonLat, double metres) {
        Envelope reach = new Envelope(study.getEnvelopeInternal());
        reach.expandBy(metres);
        List<Geometry> buffers = new ArrayList<>();
        for (Geometry g : lonLat) {
            Geometry m = projection.project(g);
            if (!reach.intersects(m.getEnvelopeInternal())) continue;
            buffers.add(m.buffer(metres));
        }
        return buffers.isEmpty() ? null : UnaryUnionOp.union(buffers);
    }

    static String metres(double m) {
        return m == Math.rint(m) ? String.valueOf((long) m) : String.format(Locale.ROOT, "%.1f", m);
    }

    /** The study area less the buffered exclusions, metres. */
    public Geometry getAfterExclusions() {
        compute();
        return afterExclusions;
    }

    /** The feasible area, metres (possibly empty). */
    public Geometry getFeasible() {
        compute();
        return feasible;
    }

    /** How much each criterion rules out on its own, in the order the criteria were given. */
    public List<Elimination> getEliminations() {
        compute();
        return List.copyOf(eliminations);
    }
}
