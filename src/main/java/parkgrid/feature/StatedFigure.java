package parkgrid.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A figure a source states about a layer (e.g. "24 green building materials enterprises", "800 kVA of new
 * transformers in Chengcun"), kept with the layer definition so that what is shown to planners is the
 * source's figure with its wording, never a sum of invented values.
 *
 * @param key       what the figure is, e.g. {@code enterprises_total}; a key may repeat with different years
 * @param label     English label
 * @param labelZh   Chinese label, may be null
 * @param value     the figure as stated, in {@code unit}
 * @param unit      unit as shown, e.g. {@code "kVA 千伏安"}
 * @param qualifier {@code exact}, {@code more_than} ("超过") or {@code additional} (on top of the earlier year's)
 * @param year      the year the figure is for (targets), or null
 * @param scope     what it covers, e.g. {@code "Luoyang city-wide 全市"}, or null
 * @param quoteZh   the source's own words containing the figure
 * @param source    where it is stated (document and section)
 * @param measure   how the layer's features reproduce the figure, or null when they cannot (e.g. a city-wide target)
 */
public record StatedFigure(String key, String label, String labelZh, double value, String unit, String qualifier,
                           Integer year, String scope, String quoteZh, String source, Measure measure) {
    public StatedFigure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(quoteZh, "quoteZh");
        Objects.requireNonNull(source, "source");
        qualifier = qualifier == null ? "exact" : qualifier;
    }

    /**
     * The features the figure is about — those whose properties equal every entry of {@code where} — and
     * what of them is compared: their count ({@code sum} null) or the sum of the numeric property {@code sum}.
     * Values in {@code where} are String, Long or Double. {@code tolerance} is in the figure's unit.
     */
    public record Measure(Map<String, Object> where, String sum, double tolerance) {
        public Measure {
            where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
        }
    }
}
