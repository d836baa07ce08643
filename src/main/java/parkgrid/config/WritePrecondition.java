package parkgrid.config;

import java.util.Locale;

/**
 * Whether a change or delete of a feature must carry {@code If-Match} ({@code PARKGRID_WRITE_PRECONDITION}).
 *
 * <p>{@link #REQUIRED} (the default): without {@code If-Match} the write is refused with 428, so no client can
 * overwrite a change it has not seen. {@link #OPTIONAL}: a write without the header replaces whatever version
 * is current (the last writer wins), one with it is still checked (412 when stale). QGIS 3.32+ edits OGC API
 * Features layers but sends no {@code If-Match} on PUT, PATCH or DELETE, so a deployment whose planners edit
 * in QGIS opts in to {@code optional} and accepts last-writer-wins for those clients.
 */
public enum WritePrecondition {
    REQUIRED, OPTIONAL;

    /** The setting's value; {@link #REQUIRED} when absent or blank. */
    public static WritePrecondition parse(String value) {
        if (value == null || value.isBlank()) return REQUIRED;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "required" -> REQUIRED;
            case "optional" -> OPTIONAL;
            default -> throw new IllegalArgumentException("PARKGRID_WRITE_PRECONDITION must be required or optional, got '" + value + "'");
        };
    }
}
