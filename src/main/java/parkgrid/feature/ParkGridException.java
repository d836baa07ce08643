package parkgrid.feature;

/**
 * The one error type of ParkGrid. It carries what an HTTP problem+json body needs: the status, a short
 * title, the offending request parameter (or {@code null}) and a human-readable detail.
 */
public class ParkGridException extends RuntimeException {
    private final int status;
    private final String title;
    private final String parameter;

    public ParkGridException(int status, String title, String parameter, String detail) {
        this(status, title, parameter, detail, null);
    }

    public ParkGridException(int status, String title, String parameter, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    /** 400: a request parameter has a value we cannot use. */
    public static ParkGridException invalidParameter(String parameter, String detail) {
        return new ParkGridException(400, "Invalid parameter", parameter, detail);
    }

    /** 404: a layer or feature that does not exist. */
    public static ParkGridException notFound(String parameter, String detail) {
        return new ParkGridException(404, "Not found", parameter, detail);
    }

    /** 409: the request conflicts with stored data (duplicate id, existing layer). */
    public static ParkGridException conflict(String detail) {
        return new ParkGridException(409, "Conflict", null, detail);
    }

    /** 412: a write named a version of the feature that is no longer current (a lost update was refused). */
    public static ParkGridException preconditionFailed(String detail) {
        return new ParkGridException(412, "Precondition failed", null, detail);
    }

    public int status() { return status; }
    public String title() { return title; }
    /** The request parameter the problem is about, or {@code null}. */
    public String parameter() { return parameter; }
    public String detail() { return getMessage(); }
}
