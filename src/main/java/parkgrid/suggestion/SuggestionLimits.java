package parkgrid.suggestion;

import java.time.Duration;

/**
 * How much the public may post.
 *
 * @param maxTextChars    longest suggestion text, in characters (a Chinese character counts one)
 * @param maxAuthorChars  longest signature
 * @param perClient       suggestions one client may post within {@code window}
 * @param window          the period {@code perClient} counts over
 */
public record SuggestionLimits(int maxTextChars, int maxAuthorChars, int perClient, Duration window) {
    /** 500 characters, a 40-character signature, 5 per client per hour. */
    public static final SuggestionLimits DEFAULT = new SuggestionLimits(500, 40, 5, Duration.ofHours(1));

    public SuggestionLimits {
        if (maxTextChars < 1 || maxAuthorChars < 1) throw new IllegalArgumentException("text limits must be at least 1");
        if (perClient < 1) throw new IllegalArgumentException("PARKGRID_SUGGESTIONS_PER_HOUR must be at least 1, got " + perClient);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the window must be positive");
    }
}
