package parkgrid.analysis.siting;

import parkgrid.feature.ParkGridException;

/**
 * The size a site must have: at least {@code areaSquareMetres} and nowhere narrower than
 * {@code minWidthMetres} (both on the plane of the analysis's metric projection).
 *
 * @param areaSquareMetres required area, m², &gt; 0
 * @param minWidthMetres   minimum width, metres, ≥ 0 (0: no width requirement beyond the site's own shape)
 */
public record SiteSize(double areaSquareMetres, double minWidthMetres) {
    /** 1 亩 = 2000/3 m² (FACTS.md, Chinese planning practice). */
    public static final double SQUARE_METRES_PER_MU = 2000.0 / 3.0;

    /** @throws ParkGridException (invalid input) naming {@code area_m2} or {@code min_width_m} */
    public SiteSize {
        if (!(areaSquareMetres > 0) || Double.isInfinite(areaSquareMetres)) {
            throw ParkGridException.invalidParameter("area_m2", "the required area must be more than 0 m², got " + areaSquareMetres);
        }
        if (!(minWidthMetres >= 0) || Double.isInfinite(minWidthMetres)) {
            throw ParkGridException.invalidParameter("min_width_m", "the minimum width must be 0 m or more, got " + minWidthMetres);
        }
    }

    /** A size given in 亩. @throws ParkGridException (invalid input) naming {@code area_mu} when the area is not more than 0 */
    public static SiteSize ofMu(double areaMu, double minWidthMetres) {
        if (!(areaMu > 0) || Double.isInfinite(areaMu)) {
            throw ParkGridException.invalidParameter("area_mu", "the required area must be more than 0 亩, got " + areaMu);
        }
        return new SiteSize(areaMu * SQUARE_METRES_PER_MU, minWidthMetres);
    }

    public static double mu(double squareMetres) {
        return squareMetres / SQUARE_METRES_PER_MU;
    }
}
