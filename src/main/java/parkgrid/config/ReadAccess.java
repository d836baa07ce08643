package parkgrid.config;

import java.util.Locale;

/**
 * Who may read ({@code PARKGRID_READ}): {@link #PUBLIC} (default) lets anyone read layers, features and run
 * analyses; {@link #TOKEN} asks a token of any role (viewer and up) for them. Either way the service's own
 * description stays public (landing page, conformance, health, the caller's own role, the map's files), so
 * a client can find out that it must sign in and where.
 */
public enum ReadAccess {
    PUBLIC, TOKEN;

    /** {@code public} or {@code token} (any case); null or blank is {@link #PUBLIC}. */
    public static ReadAccess parse(String value) {
        if (value == null || value.isBlank()) return PUBLIC;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "token" -> TOKEN;
            default -> throw new IllegalArgumentException("PARKGRID_READ must be public or token, got '" + value + "'");
        };
    }
}
