package parkgrid.analysis.siting;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;

/**
 * Land a site must keep clear of: every point of a site lies more than {@code bufferMetres} from every
 * geometry of the set (a village's health-protection distance, a line's protection corridor, an occupied
 * parcel with buffer 0).
 *
 * <p>The buffer is built on the plane of the metric projection with JTS's polygonal arcs, whose chords lie
 * inside the true circle (up to 0.48 % of the radius at 8 segments a quadrant), and the projection's scale is up
 * to 0.03 % above 1 within its zone. So the zone actually removed is {@link #plannedBufferMetres()}: 0.6 % and
 * 0.5 m wider than asked, which keeps every site strictly farther than {@code bufferMetres} on the ellipsoid
 * (and not touching an exclusion with buffer 0).
 *
 * @param label        what the geometries are, for reasons
 * @param geometries   EPSG:4326 lon/lat geometries (any kind); an empty list excludes nothing
 * @param bufferMetres metres, ≥ 0
 * @param source       where the distance comes from (a regulation and its confidence), or null
 */
public record Exclusion(CriterionLabel label, List<Geometry> geometries, double bufferMetres, String source) {
    /** Relative widening of the planned buffer over the asked one (arc chords 0.48 %, projection scale 0.03 %). */
    static final double WIDENING = 0.006;
    /** Absolute widening, metres: keeps a site off an exclusion with buffer 0. */
    static final double CLEARANCE_METRES = 0.5;

    /** @throws ParkGridException (invalid input) naming {@code buffer_m} when the buffer is negative or not finite */
    public Exclusion {
        Objects.requireNonNull(label, "label");
        geometries = List.copyOf(geometries);
        if (!(bufferMetres >= 0) || Double.isInfinite(bufferMetres)) {
            throw ParkGridException.invalidParameter("buffer_m", "the buffer of '" + label.en() + "' must be 0 m or more, got " + bufferMetres);
        }
    }

    /** The planar buffer distance (metres) actually removed around each geometry. */
    public double plannedBufferMetres() {
        return plannedBufferMetres(bufferMetres);
    }

    /** The planar buffer distance (metres) the analysis removes for an asked buffer of {@code metres}. */
    public static double plannedBufferMetres(double metres) {
        return metres * (1 + WIDENING) + CLEARANCE_METRES;
    }
}
