package parkgrid.config;

import java.util.Map;

/**
 * How large one request may be; larger ones are refused with 413 (problem+json) before anything is written.
 *
 * @param bodyBytes           {@code PARKGRID_MAX_BODY_BYTES}: the most bytes of one write's body (default 16 MiB,
 *                            room for a 100 000-vertex geometry as GeoJSON, ~4 MB, several times over)
 * @param verticesPerGeometry {@code PARKGRID_MAX_VERTICES}: the most vertices of one written geometry (default 100 000)
 */
public record RequestLimits(long bodyBytes, int verticesPerGeometry) {
    public static final long DEFAULT_BODY_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_VERTICES = 100_000;
    public static final RequestLimits DEFAULTS = new RequestLimits(DEFAULT_BODY_BYTES, DEFAULT_VERTICES);

    public RequestLimits {
        if (bodyBytes < 1) throw new IllegalArgumentException("PARKGRID_MAX_BODY_BYTES must be at least 1, got " + bodyBytes);
        if (verticesPerGeometry < 1) throw new IllegalArgumentException("PARKGRID_MAX_VERTICES must be at least 1, got " + verticesPerGeometry);
    }

    static RequestLimits fromEnvironment(Map<String, String> env) {
        return new RequestLimits(number(env, "PARKGRID_MAX_BODY_BYTES", DEFAULT_BODY_BYTES),
                (int) Math.min(Integer.MAX_VALUE, number(env, "PARKGRID_MAX_VERTICES", DEFAULT_VERTICES)));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }
}
