package parkgrid.analysis.siting;

import java.util.List;
import org.locationtech.jts.geom.Polygon;

/**
 * One ranked candidate site: a rectangle of at least the required area and width lying inside the feasible
 * area, axis-aligned in the metric projection.
 *
 * @param rank             1 for the best
 * @param siteLonLat       the site, EPSG:4326 lon/lat
 * @param areaSquareMetres its area on the projection's plane, m²
 * @param widthMetres      its shorter side, metres
 * @param lengthMetres     its longer side, metres
 * @param score            weighted mean of the preference scores, 0–1 (0 when there are no preferences)
 * @param breakdown        one check per criterion: exclusions, requirements, preferences, in the order given
 */
public record Candidate(int rank, Polygon siteLonLat, double areaSquareMetres, double widthMetres, double lengthMetres,
                        double score, List<CriterionCheck> breakdown) {
    public Candidate {
        breakdown = List.copyOf(breakdown);
    }

    public double areaMu() {
        return SiteSize.mu(areaSquareMetres);
    }
}
