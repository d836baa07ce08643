package parkgrid.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import parkgrid.feature.ParkGridException;

/**
 * The wall-clock limit of one analysis run. Loops call {@link #check(String)} every so often; past the
 * limit it throws a time-limit {@link ParkGridException} saying how far the analysis got.
 */
final class Deadline {
    /** No time limit. */
    static final Deadline NONE = new Deadline(null, Clock.systemUTC());

    private final Instant limit;
    private final Clock clock;
    private final Instant start;
    private final String analysisName;

    private Deadline(Instant limit, Clock clock) {
        this(limit, clock, "analysis");
    }

    private Deadline(Instant limit, Clock clock, String analysisName) {
        this.limit = limit;
        this.clock = clock;
        this.start = clock.instant();
        this.analysisName = analysisName;
    }

    /** A deadline at {@code limit} (null: none), with elapsed time measured from now. */
    static Deadline at(Instant limit, String analysisName) {
        return new Deadline(limit, Clock.systemUTC(), analysisName);
    }

    /** A deadline {@code budget} from now (null: none). */
    static Deadline after(Duration budget, String analysisName) {
        return budget == null ? at(null, analysisName) : at(Instant.now().plus(budget), analysisName);
    }

    /** @throws ParkGridException.TimeLimitExceeded when the limit has passed, saying what was being done */
    void check(String stage) {
        if (limit == null) return;
        Instant now = clock.instant();
        if (now.isAfter(limit)) {
            double seconds = Duration.between(start, now).toMillis() / 1000.0;
            throw ParkGridException.timeLimit(null, String.format(java.util.Locale.ROOT, "%s stopped after %.1f s: %s", analysisName, seconds, stage));
        }
    }
}
