package parkgrid.analysis.compliance;

import java.util.List;
import java.util.Objects;
import parkgrid.feature.Feature;

/**
 * One control layer a project is checked against, with its rule as data.
 *
 * @param name                  the collection's name (for the report)
 * @param labelZh               what the conclusion calls it, e.g. 永久基本农田
 * @param labelEn               the same in English, e.g. permanent basic farmland
 * @param classProperty         the property whose values split the overlap by class (e.g. {@code dlbm}); null: none
 * @param rule                  avoid it or lie inside it
 * @param toleranceSquareMetres overlaps (rule avoid) or parts outside (rule inside) up to this many m² still comply:
 *                              slivers from boundaries digitised along the same edge
 * @param features              its located features, polygons in lon/lat; other geometry kinds are ignored
 */
public record ControlLayer(String name, String labelZh, String labelEn, String classProperty, ControlRule rule,
                           double toleranceSquareMetres, List<Feature> features) {
    /** 1 m²: less is numerical noise or a digitising sliver. */
    public static final double DEFAULT_TOLERANCE_SQUARE_METRES = 1.0;

    public ControlLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labelZh, "labelZh");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(rule, "rule");
        if (!(toleranceSquareMetres >= 0)) throw new IllegalArgumentException("tolerance must be ≥ 0 m², got " + toleranceSquareMetres);
        features = List.copyOf(features);
    }
}
