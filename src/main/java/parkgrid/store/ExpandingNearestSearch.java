package parkgrid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Neighbour;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.LocalMetricProjection;

/**
 * k-nearest features by searching ever larger boxes through a store's spatial index: a box of radius r
 * around the point, doubled until it holds k features no farther than r (then nothing outside the box can
 * be nearer) or covers the whole layer. Distances are metres in a transverse Mercator centred on the point.
 */
final class ExpandingNearestSearch {
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;
    private static final double FIRST_RADIUS_METRES = 500;

    private ExpandingNearestSearch() {}

    static List<Neighbour> nearest(FeatureStore store, String layer, Coordinate lonLat, int k) {
        Optional<Envelope> extent = store.extent(layer);
        if (extent.isEmpty() || k < 1) return List.of();
        LocalMetricProjection projection = LocalMetricProjection.centredOn(lonLat.x);
        Geometry point = projection.toMetres(GeoJsonReader.WGS84.createPoint(lonLat));
        for (double r = FIRST_RADIUS_METRES; ; r *= 4) {
            Envelope box = box(lonLat, r);
            boolean everything = box.covers(extent.get());
            List<Neighbour> found = new ArrayList<>();
            final double radius = r;
            try {
                store.forEach(layer, new FeatureQuery(box, java.util.Map.of(), FeatureQuery.UNLIMITED, 0), f -> {
                    if (!f.hasGeometry()) return; // a bbox never returns one; kept for stores that might
                    double d = projection.toMetres(f.geometry()).distance(point);
                    if (d <= radius || everything) found.add(new Neighbour(f, d));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (found.size() >= k || everything) {
                found.sort(Comparator.comparingDouble(Neighbour::distanceMetres).thenComparingLong(n -> n.feature().id()));
                return List.copyOf(found.subList(0, Math.min(k, found.size())));
            }
        }
    }

    private static Envelope box(Coordinate c, double r) {
        double lat = Math.min(89, Math.abs(c.y) + r / METRES_PER_DEGREE_LAT);
        double dLat = r / METRES_PER_DEGREE_LAT * 1.01;
        double dLon = r / (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat))) * 1.01;
        return new Envelope(Math.max(-180, c.x - dLon), Math.min(180, c.x + dLon), Math.max(-90, c.y - dLat), Math.min(90, c.y + dLat));
    }
}
