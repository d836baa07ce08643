package parkgrid.suggestion;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a suggestion stands: {@code new} when posted, then {@code under_review}, then {@code answered} (final). */
public enum SuggestionStatus {
    NEW("new", "新提交"), UNDER_REVIEW("under_review", "审阅中"), ANSWERED("answered", "已答复");

    private final String code;
    private final String labelZh;

    SuggestionStatus(String code, String labelZh) {
        this.code = code;
        this.labelZh = labelZh;
    }

    /** The value stored in the {@code status} property. */
    public String code() { return code; }

    public String labelZh() { return labelZh; }

    public static Optional<SuggestionStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Whether an editor may move a suggestion from this status to {@code next}: forward only, never back to new. */
    public boolean mayBecome(SuggestionStatus next) {
        return next != NEW && this != ANSWERED && next.ordinal() >= ordinal();
    }
}
