package parkgrid.analysis.siting;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;

/**
 * Land a site must lie in: the whole site within {@code withinMetres} of the set (e.g. of a 10 kV line, for a
 * short service connection). Built as the planar buffer, whose polygonal arcs lie inside the true circle and
 * whose plane distances are at or above the ellipsoid's, so a site inside it is within the distance on the
 * ellipsoid too.
 *
 * @param label        what the geometries are, for reasons
 * @param geometries   EPSG:4326 lon/lat geometries; an empty list leaves no feasible land
 * @param withinMetres metres, &gt; 0
 */
public record Requirement(CriterionLabel label, List<Geometry> geometries, double withinMetres) {
    /** @throws ParkGridException (invalid input) naming {@code within_m} when the distance is not more than 0 */
    public Requirement {
        Objects.requireNonNull(label, "label");
        geometries = List.copyOf(geometries);
        if (!(withinMetres > 0) || Double.isInfinite(withinMetres)) {
            throw ParkGridException.invalidParameter("within_m", "the distance to '" + label.en() + "' must be more than 0 m, got " + withinMetres);
        }
    }
}
