package parkgrid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Neighbour;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricEnvelope;

/**
 * k-nearest features by searching ever larger boxes through a store's spatial index: a box holding every
 * position within r metres of the point ({@link MetricEnvelope}), grown until it holds k features no
 * farther than r (then nothing outside the box can be nearer) or covers the whole layer. Distances are
 * metres on the WGS84 ellipsoid as PostGIS {@code geography} measures them ({@link GeodesicDistance}), so
 * the order and {@code distance_m} equal the PostGIS store's.
 */
final class ExpandingNearestSearch {
    private static final double FIRST_RADIUS_METRES = 500;

    private ExpandingNearestSearch() {}

    static List<Neighbour> nearest(FeatureStore store, String layer, Coordinate lonLat, int k) {
        Optional<Envelope> extent = store.extent(layer);
        if (extent.isEmpty() || k < 1) return List.of();
        GeodesicDistance distance = new GeodesicDistance(GeoJsonReader.WGS84.createPoint(lonLat));
        for (double r = FIRST_RADIUS_METRES; ; r *= 4) {
            Envelope box = MetricEnvelope.around(lonLat.x, lonLat.y, r);
            boolean everything = box.covers(extent.get());
            List<Neighbour> found = new ArrayList<>();
            final double radius = r;
            try {
                store.forEach(layer, new FeatureQuery(box, Map.of(), FeatureQuery.UNLIMITED, 0), f -> {
                    if (!f.hasGeometry()) return; // a bbox never returns one; kept for stores that might
                    double d = distance.to(f.geometry());
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
}
