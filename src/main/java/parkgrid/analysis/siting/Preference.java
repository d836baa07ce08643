package parkgrid.analysis.siting;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.ParkGridException;

/**
 * What makes one site better than another: being near (or far from) a set of geometries, with a weight.
 * The distance is measured from the site's centre to the nearest geometry of the set; a site scores 1 at the
 * best distance found among all feasible positions and 0 at the worst, linearly between (min–max scaling), and
 * its total is the weighted mean of its preference scores.
 *
 * @param label      what the geometries are, for reasons
 * @param geometries EPSG:4326 lon/lat geometries; an empty set makes the preference score 0 everywhere
 * @param direction  near or far
 * @param weight     relative weight, &gt; 0
 */
public record Preference(CriterionLabel label, List<Geometry> geometries, Direction direction, double weight) {
    /** Near or far is better. */
    public enum Direction {
        NEAR, FAR;

        /** The API word: {@code near} or {@code far}. */
        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @throws ParkGridException (invalid input) naming {@code weight} when it is not a positive finite number */
    public Preference {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(direction, "direction");
        geometries = List.copyOf(geometries);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw ParkGridException.invalidParameter("weight", "the weight of '" + label.en() + "' must be more than 0, got " + weight);
        }
    }
}
