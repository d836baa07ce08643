package parkgrid.analysis.compliance;

import java.util.Locale;

/**
 * One area in the three units Chinese land documents use: m², 亩 (mu) and 公顷 (hectare).
 * 1 公顷 = 10 000 m² = 15 亩, so 1 亩 = 10 000 / 15 m² ≈ 666.667 m² (FACTS.md).
 *
 * @param squareMetres the ellipsoidal area in m²
 */
public record AreaFigures(double squareMetres) {
    public static final double SQUARE_METRES_PER_HECTARE = 10_000.0;
    /** 10 000 / 15 = 666.666… m² per 亩. */
    public static final double SQUARE_METRES_PER_MU = 10_000.0 / 15.0;
    public static final AreaFigures ZERO = new AreaFigures(0);

    public double mu() {
        return squareMetres / SQUARE_METRES_PER_MU;
    }

    public double hectares() {
        return squareMetres / SQUARE_METRES_PER_HECTARE;
    }

    public AreaFigures plus(AreaFigures other) {
        return new AreaFigures(squareMetres + other.squareMetres);
    }

    /** {@code 0.50 公顷（7.5 亩）}: hectares to 2 decimals (4 below 0.01 ha), mu to 1. */
    public String zh() {
        return String.format(Locale.ROOT, "%s 公顷（%.1f 亩）", hectaresText(), mu());
    }

    /** {@code 0.50 ha (7.5 mu, 5 000 m²)}. */
    public String en() {
        return String.format(Locale.ROOT, "%s ha (%.1f mu, %,.0f m²)", hectaresText(), mu(), squareMetres);
    }

    private String hectaresText() {
        double ha = hectares();
        return String.format(Locale.ROOT, ha != 0 && Math.abs(ha) < 0.01 ? "%.4f" : "%.2f", ha);
    }
}
