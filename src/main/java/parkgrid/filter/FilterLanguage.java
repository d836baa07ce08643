package parkgrid.filter;

import java.util.Optional;

/** The {@code filter-lang} values ParkGrid reads (OGC API – Features Part 3). */
public enum FilterLanguage {
    CQL2_TEXT("cql2-text"), CQL2_JSON("cql2-json");

    private final String parameterValue;

    FilterLanguage(String parameterValue) { this.parameterValue = parameterValue; }

    /** The value of {@code filter-lang}, e.g. {@code cql2-json}. */
    public String parameterValue() { return parameterValue; }

    /** The language named by a {@code filter-lang} value (exact, lower case), if any. */
    public static Optional<FilterLanguage> fromParameter(String value) {
        for (FilterLanguage l : values()) {
            if (l.parameterValue.equals(value)) return Optional.of(l);
        }
        return Optional.empty();
    }
}
