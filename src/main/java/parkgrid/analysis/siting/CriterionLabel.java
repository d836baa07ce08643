package parkgrid.analysis.siting;

import java.util.Objects;

/**
 * What a siting criterion is about, in the two languages reasons are written in: {@code "village"} /
 * {@code "村庄"}, {@code "10 kV line"} / {@code "10千伏线路"}. A label given in one language only is used for both.
 *
 * @param en English noun phrase, singular ("village")
 * @param zh Chinese noun phrase ("村庄")
 */
public record CriterionLabel(String en, String zh) {
    public CriterionLabel {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
        if (en.isBlank() || zh.isBlank()) throw new IllegalArgumentException("a criterion label must not be blank");
    }

    /** One label for both languages. */
    public static CriterionLabel of(String text) {
        return new CriterionLabel(text, text);
    }
}
