package parkgrid.api;

import io.javalin.http.Context;

/**
 * Who is calling: the holder of the request's bearer token with its role, or {@link #ANONYMOUS}. The access
 * check puts it on the request ({@link #ATTRIBUTE}) before the handler runs; handlers read it with
 * {@link #of} for the audit trail ("who") and for what they offer (e.g. {@code Allow} on OPTIONS).
 *
 * @param name the token's holder as the audit trail names them (e.g. {@code 规划员 王五}); {@code anonymous} without a token
 * @param role what the token grants; {@link Role#PUBLIC} without one
 */
record Caller(String name, Role role) {
    static final String ATTRIBUTE = "parkgrid.caller";
    static final Caller ANONYMOUS = new Caller("anonymous", Role.PUBLIC);

    /** The caller the access check found for this request; anonymous when there was none. */
    static Caller of(Context ctx) {
        Caller c = ctx.attribute(ATTRIBUTE);
        return c == null ? ANONYMOUS : c;
    }

    boolean may(Role needed) {
        return role.grants(needed);
    }
}
