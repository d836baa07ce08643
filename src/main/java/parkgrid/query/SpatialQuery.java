package parkgrid.query;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.Neighbour;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricEnvelope;

/**
 * Decides which candidate features stand in a {@link SpatialRelation} to a query geometry and how far
 * they are from it in metres. The query geometry is EPSG:4326 lon/lat; topological relations are decided
 * on lon/lat (as PostGIS {@code geometry} does), distances on the WGS84 ellipsoid as PostGIS
 * {@code geography} measures them ({@link GeodesicDistance}), so {@code within-distance} answers what
 * {@code ST_DWithin(geography)} answers. Thread-safe once built.
 */
public final class SpatialQuery {
    /** A query geometry larger than this is refused: it would make every test slow. */
    public static final int MAX_VERTICES = 100_000;

    private final Geometry query;
    private final PreparedGeometry prepared;
    private final SpatialRelation relation;
    private final double distanceMetres;
    private final GeodesicDistance geodesic;

    /**
     * @param query          EPSG:4326 lon/lat, valid, at most {@link #MAX_VERTICES} vertices
     * @param relation       the relation to test
     * @param distanceMetres for {@link SpatialRelation#WITHIN_DISTANCE}: greater than 0; ignored otherwise
     * @throws ParkGridException (invalid input) naming {@code geometry} or {@code distance} when they are unusable
     */
    public SpatialQuery(Geometry query, SpatialRelation relation, double distanceMetres) {
        if (query.isEmpty()) throw ParkGridException.invalidParameter("geometry", "the query geometry is empty");
        if (query.getNumPoints() > MAX_VERTICES) {
            throw ParkGridException.invalidParameter("geometry", "the query geometry has " + query.getNumPoints()
                    + " vertices; at most " + MAX_VERTICES + " are accepted");
        }
        if (!query.isValid()) throw ParkGridException.invalidParameter("geometry", "the query geometry is not valid (self-intersecting or malformed rings)");
        parkgrid.geo.LonLat.require(query.getEnvelopeInternal(), "geometry", "the query geometry");
        if (relation == SpatialRelation.WITHIN_DISTANCE && !(distanceMetres > 0 && Double.isFinite(distanceMetres))) {
            throw ParkGridException.invalidParameter("distance", "distance must be a number of metres greater than 0, got " + distanceMetres);
        }
        this.query = query;
        this.relation = relation;
        this.distanceMetres = relation == SpatialRelation.WITHIN_DISTANCE ? distanceMetres : 0;
        this.prepared = PreparedGeometryFactory.prepare(query);
        this.geodesic = new GeodesicDistance(query);
    }

    /**
     * The lon/lat box every matching feature intersects: the query's envelope, grown by the distance
     * ({@link MetricEnvelope}) for within-distance.
     */
    public Envelope candidateEnvelope() {
        Envelope e = query.getEnvelopeInternal();
        return distanceMetres > 0 ? MetricEnvelope.around(e, distanceMetres) : new Envelope(e);
    }

    /** The candidate with its distance in metres when it matches, empty otherwise. */
    public Optional<Neighbour> test(Feature candidate) {
        if (!candidate.hasGeometry()) return Optional.empty(); // a feature without a place matches no relation
        Geometry g = candidate.geometry();
        boolean matches = switch (relation) {
            case INTERSECTS -> prepared.intersects(g);
            case WITHIN -> prepared.contains(g);      // the feature lies within the query geometry
            case CONTAINS -> prepared.within(g);      // the feature contains the query geometry
            case WITHIN_DISTANCE -> true;
        };
        if (!matches) return Optional.empty();
        double d = relation != SpatialRelation.WITHIN_DISTANCE || prepared.intersects(g) ? 0 : geodesic.to(g);
        if (relation == SpatialRelation.WITHIN_DISTANCE && d > distanceMetres) return Optional.empty();
        return Optional.of(new Neighbour(candidate, d));
    }
}
