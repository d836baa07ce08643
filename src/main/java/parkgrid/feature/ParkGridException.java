package parkgrid.feature;

/**
 * What went wrong, in domain words: the one error family of ParkGrid. Each kind is a subclass — the input is
 * unusable, a thing does not exist, a write conflicts with stored data, a precondition fails, a time limit
 * passes, the caller may not do this, the caller asks too often, the server is busy, an input is too large. None of them knows HTTP: the
 * api layer's {@code ProblemMapper} alone picks the status and title of each kind.
 *
 * <p>{@link #parameter()} names the input at fault as the caller wrote it (a query parameter such as
 * {@code bbox}, or a dotted path into a JSON body such as {@code radius.class}), or is {@code null}. Code that
 * is not handed the request's shape (an analysis, a store) names its own input, and the adapter that read the
 * request renames it with {@link #at(String, String)}.
 */
public abstract sealed class ParkGridException extends RuntimeException {
    private final String parameter;
    /** Further members of the problem (e.g. an import's {@code report}); set once, by {@link #rejected}. */
    private java.util.Map<String, Object> members = java.util.Map.of();

    private ParkGridException(String parameter, String detail, Throwable cause) {
        super(detail, cause);
        this.parameter = parameter;
    }

    /**
     * Further members the problem document carries besides its detail, in order (values as Jackson writes them);
     * empty for most problems.
     */
    public java.util.Map<String, Object> members() { return members; }

    /**
     * An input that cannot be used, with what the client needs to fix it as further members, e.g. an import's
     * report listing every bad feature.
     */
    public static ParkGridException rejected(String parameter, String detail, java.util.Map<String, Object> members) {
        InvalidInput e = new InvalidInput(parameter, detail, null);
        ((ParkGridException) e).members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        return e;
    }

    /** The input the problem is about, or {@code null}. */
    public String parameter() { return parameter; }

    /** The human-readable sentence: what was wrong, with the value. */
    public String detail() { return getMessage(); }

    /** The same kind of problem about {@code parameter} (may be null), saying {@code detail}; this one is its cause. */
    public abstract ParkGridException at(String parameter, String detail);

    /** The same kind of problem about {@code parameter} with the same detail. */
    public ParkGridException at(String parameter) {
        return at(parameter, detail());
    }

    /** A request parameter or input has a value that cannot be used. */
    public static ParkGridException invalidParameter(String parameter, String detail) {
        return new InvalidInput(parameter, detail, null);
    }

    /** A layer, feature or process that does not exist; {@code parameter} names the identifier given. */
    public static ParkGridException notFound(String parameter, String detail) {
        return new NotFound(parameter, detail, null);
    }

    /** The layer named {@code name} does not exist; {@code parameter} is where the name was given. */
    public static ParkGridException layerNotFound(String parameter, String name) {
        return new NotFound(parameter, "no collection named '" + name + "'", null);
    }

    /** The request conflicts with stored data (duplicate id, existing layer). */
    public static ParkGridException conflict(String detail) {
        return new Conflict(null, detail, null);
    }

    /** A condition the caller set (e.g. the version it last read) no longer holds. */
    public static ParkGridException preconditionFailed(String parameter, String detail) {
        return new PreconditionFailed(parameter, detail, null);
    }

    /** A write named a version of the feature that is no longer current (a lost update was refused). */
    public static ParkGridException preconditionFailed(String detail) {
        return preconditionFailed(null, detail);
    }

    /** A change that must say which version it replaces did not. */
    public static ParkGridException preconditionRequired(String parameter, String detail) {
        return new PreconditionRequired(parameter, detail, null);
    }

    /** The work did not finish within its time limit; {@code parameter} names an input that would make it lighter, or null. */
    public static ParkGridException timeLimit(String parameter, String detail) {
        return new TimeLimitExceeded(parameter, detail, null);
    }

    /** The caller did not say who it is, or the credentials are not valid. */
    public static ParkGridException unauthorized(String detail) {
        return new Unauthorized(null, detail, null);
    }

    /** The caller is known but may not do this. */
    public static ParkGridException forbidden(String detail) {
        return new Forbidden(null, detail, null);
    }

    /** The server cannot take this work now (no connection free, stopping); asking later may succeed. */
    public static ParkGridException busy(String detail) {
        return new Busy(null, detail, null);
    }

    /**
     * The caller sent more requests of this kind than the server takes in a period (e.g. public suggestions
     * per client per hour); asking again after {@code retryAfterSeconds} may succeed.
     */
    public static ParkGridException tooManyRequests(String detail, long retryAfterSeconds) {
        return new TooManyRequests(null, detail, null, retryAfterSeconds);
    }

    /**
     * A component the work needs cannot run on this server (the exact solver's native libraries did not load, the
     * PDF report has no CJK font);
     * asking again will not help until the server is fixed.
     */
    public static ParkGridException unavailable(String parameter, String detail, Throwable cause) {
        return new Unavailable(parameter, detail, cause);
    }

    /** An input is larger than the server accepts. */
    public static ParkGridException tooLarge(String parameter, String detail) {
        return new TooLarge(parameter, detail, null);
    }

    /** A value the caller gave cannot be used; {@code parameter} names it. */
    public static final class InvalidInput extends ParkGridException {
        public InvalidInput(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public InvalidInput at(String parameter, String detail) { return new InvalidInput(parameter, detail, this); }
    }

    /** A thing the caller named does not exist. */
    public static final class NotFound extends ParkGridException {
        public NotFound(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public NotFound at(String parameter, String detail) { return new NotFound(parameter, detail, this); }
    }

    /** The change conflicts with what is stored. */
    public static final class Conflict extends ParkGridException {
        public Conflict(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public Conflict at(String parameter, String detail) { return new Conflict(parameter, detail, this); }
    }

    /** A condition the caller set does not hold. */
    public static final class PreconditionFailed extends ParkGridException {
        public PreconditionFailed(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public PreconditionFailed at(String parameter, String detail) { return new PreconditionFailed(parameter, detail, this); }
    }

    /** A condition the caller must set is missing. */
    public static final class PreconditionRequired extends ParkGridException {
        public PreconditionRequired(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public PreconditionRequired at(String parameter, String detail) { return new PreconditionRequired(parameter, detail, this); }
    }

    /** The work ran out of time. */
    public static final class TimeLimitExceeded extends ParkGridException {
        public TimeLimitExceeded(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public TimeLimitExceeded at(String parameter, String detail) { return new TimeLimitExceeded(parameter, detail, this); }
    }

    /** Who the caller is is not known. */
    public static final class Unauthorized extends ParkGridException {
        public Unauthorized(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public Unauthorized at(String parameter, String detail) { return new Unauthorized(parameter, detail, this); }
    }

    /** The caller may not do this. */
    public static final class Forbidden extends ParkGridException {
        public Forbidden(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public Forbidden at(String parameter, String detail) { return new Forbidden(parameter, detail, this); }
    }

    /** The server cannot take the work now. */
    public static final class Busy extends ParkGridException {
        public Busy(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public Busy at(String parameter, String detail) { return new Busy(parameter, detail, this); }
    }

    /** An input is larger than accepted. */
    public static final class TooLarge extends ParkGridException {
        public TooLarge(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public TooLarge at(String parameter, String detail) { return new TooLarge(parameter, detail, this); }
    }

    /** Too many requests of a kind from one caller in a period. */
    public static final class TooManyRequests extends ParkGridException {
        private final long retryAfterSeconds;

        public TooManyRequests(String parameter, String detail, Throwable cause, long retryAfterSeconds) {
            super(parameter, detail, cause);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Seconds after which the caller may try again. */
        public long retryAfterSeconds() { return retryAfterSeconds; }

        @Override public TooManyRequests at(String parameter, String detail) {
            return new TooManyRequests(parameter, detail, this, retryAfterSeconds);
        }
    }

    /** A component the work needs cannot run here. */
    public static final class Unavailable extends ParkGridException {
        public Unavailable(String parameter, String detail, Throwable cause) { super(parameter, detail, cause); }
        @Override public Unavailable at(String parameter, String detail) { return new Unavailable(parameter, detail, this); }
    }
}
