package parkgrid.config;

import java.util.Map;

/**
 * How large an import may be; a larger one is refused with "payload too large" and nothing is written.
 *
 * @param maxUploadBytes {@code PARKGRID_IMPORT_MAX_MB}: the largest uploaded file, in bytes (default 512 MB); the upload
 *                       is spooled to a temporary file and refused as soon as it passes this
 * @param maxFeatures    {@code PARKGRID_IMPORT_MAX_FEATURES}: the most features one import may hold (default 1 000 000)
 */
public record ImportLimits(long maxUploadBytes, long maxFeatures) {
    public static final ImportLimits DEFAULT = new ImportLimits(512L * 1024 * 1024, 1_000_000);

    public ImportLimits {
        if (maxUploadBytes < 1) throw new IllegalArgumentException("PARKGRID_IMPORT_MAX_MB must be more than 0, got " + maxUploadBytes);
        if (maxFeatures < 1) throw new IllegalArgumentException("PARKGRID_IMPORT_MAX_FEATURES must be more than 0, got " + maxFeatures);
    }

    static ImportLimits fromEnvironment(Map<String, String> env) {
        return new ImportLimits(
                Long.parseLong(env.getOrDefault("PARKGRID_IMPORT_MAX_MB", "512")) * 1024 * 1024,
                Long.parseLong(env.getOrDefault("PARKGRID_IMPORT_MAX_FEATURES", "1000000")));
    }
}
