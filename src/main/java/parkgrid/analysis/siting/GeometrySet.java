package parkgrid.analysis.siting;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricProjection;

/**
 * The geometries of one criterion, indexed twice: on the projection's plane for the fast planar distances of
 * the search, and by envelope for the few ellipsoidal distances ({@link GeodesicDistance}) reported for each
 * candidate. The planar nearest distance bounds the search for the ellipsoidal one (the plane's scale stays
 * within 0.03 % of the ellipsoid's inside a 3° zone; the bound allows 1 % and 2 m).
 */
final class GeometrySet {
    private final List<Geometry> lonLat;
    private final IndexedFacetDistance facets;
    private final IndexedPointInAreaLocator areas;
    private final STRtree byEnvelope = new STRtree();
    private final GeometryFactory factory;

    GeometrySet(List<Geometry> lonLat, MetricProjection projection, GeometryFactory metricFactory) {
        this.lonLat = List.copyOf(lonLat);
        this.factory = metricFactory;
        List<Geometry> metric = new ArrayList<>();
        List<Geometry> polygons = new ArrayList<>();
        for (int k = 0; k < lonLat.size(); k++) {
            Geometry m = projection.project(lonLat.get(k));
            metric.add(m);
            if (m instanceof Polygonal) polygons.add(m);
            byEnvelope.insert(m.getEnvelopeInternal(), k);
        }
        byEnvelope.build();
        this.facets = metric.isEmpty() ? null : new IndexedFacetDistance(metricFactory.buildGeometry(metric));
        this.areas = polygons.isEmpty() ? null : new IndexedPointInAreaLocator(metricFactory.buildGeometry(polygons));
    }

    boolean isEmpty() {
        return lonLat.isEmpty();
    }

    /** Planar metres from a metric point to the nearest geometry (0 inside a polygon); NaN for an empty set. */
    double planarMetres(double x, double y) {
        if (facets == null) return Double.NaN;
        Coordinate c = new Coordinate(x, y);
        if (areas != null && areas.locate(c) != Location.EXTERIOR) return 0;
        return facets.distance(factory.createPoint(c));
    }

    /** Planar metres from a metric geometry to the nearest geometry's edges or points; NaN for an empty set. */
    private double planarFacetMetres(Geometry metric) {
        return facets == null ? Double.NaN : facets.distance(metric);
    }

    /**
     * Ellipsoidal metres from {@code queryLonLat} to the nearest geometry of the set; NaN for an empty set.
     *
     * @param queryMetric the same geometry in the projection's metres
     */
    double geodesicMetres(Geometry queryLonLat, Geometry queryMetric) {
        if (facets == null) return Double.NaN;
        double bound = planarFacetMetres(queryMetric) * 1.01 + 2;
        GeodesicDistance from = new GeodesicDistance(queryLonLat);
        double best = Double.POSITIVE_INFINITY;
        for (Geometry g : near(queryMetric, bound)) best = Math.min(best, from.to(g));
        return best;
    }

    /** How many geometries lie within {@code metres} (ellipsoidal) of {@code queryLonLat}. */
    int countWithin(Geometry queryLonLat, Geometry queryMetric, double metres) {
        if (facets == null) return 0;
        GeodesicDistance from = new GeodesicDistance(queryLonLat);
        int n = 0;
        for (Geometry g : near(queryMetric, metres * 1.01 + 2)) if (from.to(g) <= metres) n++;
        return n;
    }

    private List<Geometry> near(Geometry queryMetric, double metres) {
        Envelope box = new Envelope(queryMetric.getEnvelopeInternal());
        box.expandBy(metres);
        List<Geometry> out = new ArrayList<>();
        for (Object k : byEnvelope.query(box)) out.add(lonLat.get((Integer) k));
        return out;
    }
}
