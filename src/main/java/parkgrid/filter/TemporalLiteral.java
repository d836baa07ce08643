package parkgrid.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * CQL2 DATE and TIMESTAMP literals as the RFC 3339 strings they are compared as: properties here are
 * text, integer or number, and a text property holding RFC 3339 dates ({@code 2024-05-01}) or UTC
 * timestamps ({@code 2024-05-01T08:30:00Z}, the form {@link Instant#toString()} writes) orders the same
 * way as the instants when compared by code point.
 */
final class TemporalLiteral {
    private TemporalLiteral() {}

    /** A full date {@code yyyy-MM-dd}. @throws IllegalArgumentException naming the problem */
    static String date(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) throw new IllegalArgumentException("DATE needs a date as 'yyyy-mm-dd' but found '" + text + "'");
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a calendar date");
        }
    }

    /** A UTC timestamp {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, in {@link Instant#toString()} form. @throws IllegalArgumentException */
    static String timestamp(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[Zz]")) {
            throw new IllegalArgumentException("TIMESTAMP needs a UTC time as 'yyyy-mm-ddThh:mm:ssZ' but found '" + text + "'");
        }
        try {
            return Instant.parse(text.toUpperCase(java.util.Locale.ROOT)).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid time");
        }
    }
}
