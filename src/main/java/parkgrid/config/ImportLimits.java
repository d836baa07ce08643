package parkgrid.config;

import java.time.Duration;
import java.util.Map;

/**
 * How large an import may be (a larger one is refused with "payload too large" and nothing is written), and how long its
 * job is kept for progress polls.
 *
 * @param maxUploadBytes {@code PARKGRID_IMPORT_MAX_MB}: the largest uploaded file, in bytes (default 512 MB); the upload
 *                       is spooled to a temporary file and refused as soon as it passes this
 * @param maxFeatures    {@code PARKGRID_IMPORT_MAX_FEATURES}: the most features one import may hold (default 1 000 000)
 * @param jobStaleAfter  {@code PARKGRID_IMPORT_JOB_STALE_SECONDS}: an unfinished job whose instance has not beaten its
 *                       heart for this long is failed, its instance having stopped (default 30 s; the heart beats every
 *                       fifth of it, at most every 5 s)
 * @param jobsKeptFor    {@code PARKGRID_IMPORT_JOBS_KEPT_HOURS}: how long a finished job stays in the store for polls
 *                       (default 24 h)
 */
public record ImportLimits(long maxUploadBytes, long maxFeatures, Duration jobStaleAfter, Duration jobsKeptFor) {
    public static final Duration JOB_STALE_AFTER = Duration.ofSeconds(30);
    public static final Duration JOBS_KEPT_FOR = Duration.ofHours(24);
    public static final ImportLimits DEFAULT = new ImportLimits(512L * 1024 * 1024, 1_000_000);

    public ImportLimits {
        if (maxUploadBytes < 1) throw new IllegalArgumentException("PARKGRID_IMPORT_MAX_MB must be more than 0, got " + maxUploadBytes);
        if (maxFeatures < 1) throw new IllegalArgumentException("PARKGRID_IMPORT_MAX_FEATURES must be more than 0, got " + maxFeatures);
        if (jobStaleAfter.toMillis() < 1) {
            throw new IllegalArgumentException("PARKGRID_IMPORT_JOB_STALE_SECONDS must be more than 0, got " + jobStaleAfter.toSeconds());
        }
        if (jobsKeptFor.toMillis() < 1) {
            throw new IllegalArgumentException("PARKGRID_IMPORT_JOBS_KEPT_HOURS must be more than 0, got " + jobsKeptFor.toHours());
        }
    }

    /** The size limits with the default job staleness and retention. */
    public ImportLimits(long maxUploadBytes, long maxFeatures) {
        this(maxUploadBytes, maxFeatures, JOB_STALE_AFTER, JOBS_KEPT_FOR);
    }

    /** The same limits with another job staleness and retention. */
    public ImportLimits withJobs(Duration staleAfter, Duration keptFor) {
        return new ImportLimits(maxUploadBytes, maxFeatures, staleAfter, keptFor);
    }

    /** How often a running instance beats the heart of its jobs: a fifth of the staleness, at most every 5 s. */
    public Duration jobHeartbeat() {
        Duration fifth = jobStaleAfter.dividedBy(5);
        return fifth.compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : fifth.isZero() ? Duration.ofMillis(1) : fifth;
    }

    static ImportLimits fromEnvironment(Map<String, String> env) {
        return new ImportLimits(
                Long.parseLong(env.getOrDefault("PARKGRID_IMPORT_MAX_MB", "512")) * 1024 * 1024,
                Long.parseLong(env.getOrDefault("PARKGRID_IMPORT_MAX_FEATURES", "1000000")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("PARKGRID_IMPORT_JOB_STALE_SECONDS", "30"))),
                Duration.ofHours(Long.parseLong(env.getOrDefault("PARKGRID_IMPORT_JOBS_KEPT_HOURS", "24"))));
    }
}
