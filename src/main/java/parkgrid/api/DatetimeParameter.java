package parkgrid.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.filter.ComparisonOperator;
import parkgrid.filter.Filter;

/**
 * The OGC API – Features {@code datetime} parameter: an RFC 3339 instant ({@code 2026-12-01T08:30:00Z},
 * an offset such as {@code +08:00} is converted to UTC), a date ({@code 2026-12-01}: that whole UTC day),
 * or an interval {@code start/end} whose ends are either of those or {@code ..} (open; an empty end is open
 * too). Both ends are included. Turned into a CQL2 filter on the layer's temporal property, so both stores
 * apply it as they apply {@code filter}:
 * <ul>
 *   <li>a string property holds RFC 3339 UTC text ({@code 2026-12-01T08:30:00Z}), compared as text with
 *       the interval's ends written the same way;</li>
 *   <li>an integer property holds a calendar year, which matches when that year overlaps the interval.</li>
 * </ul>
 *
 * @param start       first instant included, null when open
 * @param end         where the interval ends, null when open
 * @param endIncluded true when {@code end} itself is in the interval (an instant), false when the interval
 *                    stops just before it (a date's end is the next midnight, excluded)
 */
record DatetimeParameter(Instant start, Instant end, boolean endIncluded) {
    static final String NAME = "datetime";
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** @throws ParkGridException (invalid input) for parameter {@code datetime} when the text is neither an instant nor an interval */
    static DatetimeParameter parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            if (t.equals("..") || t.isEmpty()) throw invalid(text, "an instant cannot be open ('..'); give a date-time or an interval");
            if (isDateOnly(t)) {
                Instant day = date(text, t);
                return new DatetimeParameter(day, day.plus(1, ChronoUnit.DAYS), false);
            }
            Instant at = instant(text, t);
            return new DatetimeParameter(at, at, true);
        }
        if (t.indexOf('/', slash + 1) >= 0) throw invalid(text, "an interval has one '/'");
        String a = t.substring(0, slash).trim(), b = t.substring(slash + 1).trim();
        Instant start = isOpen(a) ? null : isDateOnly(a) ? date(text, a) : instant(text, a);
        boolean endIsDate = !isOpen(b) && isDateOnly(b);
        Instant end = isOpen(b) ? null : endIsDate ? date(text, b).plus(1, ChronoUnit.DAYS) : instant(text, b);
        if (start == null && end == null) throw invalid(text, "at least one end of the interval must be given");
        if (start != null && end != null && (endIsDate ? !start.isBefore(end) : start.isAfter(end))) {
            throw invalid(text, "the interval starts (" + a + ") after it ends (" + b + ")");
        }
        return new DatetimeParameter(start, end, !endIsDate);
    }

    /**
     * The filter selecting features whose temporal property lies in (or, for a year, overlaps) this
     * interval; empty when the layer has no temporal property, which then ignores {@code datetime}.
     */
    Optional<Filter> filterFor(Layer layer) {
        Optional<PropertyDefinition> temporal = layer.temporal();
        if (temporal.isEmpty()) return Optional.empty();
        String p = temporal.get().name();
        List<Filter> parts = new ArrayList<>();
        if (temporal.get().type() == PropertyType.INTEGER) {
            if (start != null) parts.add(new Filter.Comparison(p, ComparisonOperator.GREATER_OR_EQUAL, (long) year(start)));
            if (end != null) parts.add(new Filter.Comparison(p, ComparisonOperator.LESS_OR_EQUAL, (long) lastYear()));
        } else {
            if (start != null) parts.add(new Filter.Comparison(p, ComparisonOperator.GREATER_OR_EQUAL, text(start)));
            if (end != null) parts.add(new Filter.Comparison(p, endIncluded ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.LESS, text(end)));
        }
        return Optional.of(parts.size() == 1 ? parts.get(0) : new Filter.And(parts));
    }

    /** RFC 3339 UTC text as a string temporal property holds it: whole seconds, or the fraction when there is one. */
    static String text(Instant i) {
        return i.getNano() == 0 ? UTC_SECONDS.format(i) : DateTimeFormatter.ISO_INSTANT.format(i);
    }

    /** The last calendar year the interval touches: an excluded end at a new year's midnight does not touch that year. */
    private int lastYear() {
        var at = end.atOffset(ZoneOffset.UTC);
        boolean newYearMidnight = at.getDayOfYear() == 1 && at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        return !endIncluded && newYearMidnight ? at.getYear() - 1 : at.getYear();
    }

    private static int year(Instant i) {
        return i.atOffset(ZoneOffset.UTC).getYear();
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static boolean isDateOnly(String s) {
        return s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-';
    }

    private static Instant date(String whole, String s) {
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(whole, "'" + s + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Instant instant(String whole, String s) {
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z')).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(whole, "'" + s + "' is not an RFC 3339 date-time such as 2026-12-01T08:30:00Z");
        }
    }

    private static ParkGridException invalid(String text, String why) {
        return ParkGridException.invalidParameter(NAME, "datetime '" + text + "': " + why
                + "; use an instant (2026-12-01T08:30:00Z or 2026-12-01) or an interval (a/b, ../b, a/..)");
    }
}
