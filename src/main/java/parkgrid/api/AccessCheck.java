package parkgrid.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.security.RouteRole;
import java.util.Set;
import parkgrid.feature.ParkGridException;
import parkgrid.store.TokenStore;

/**
 * Who is calling, and whether they may: a before-handler on every matched operation, driven by the role
 * each {@link Operation} declares (Javalin keeps it with the route). It reads {@code Authorization: Bearer
 * <token>}, finds the token's holder and role in the store and puts the {@link Caller} on the request. A
 * token that is presented must be valid even on a public operation (a revoked token is told so at once);
 * an operation needing more than the caller holds is unauthorised for an anonymous caller (sign in) and
 * forbidden for a token whose role is too low. Static files are not operations and are never checked.
 */
final class AccessCheck {
    private static final String BEARER = "Bearer ";
    private final TokenStore tokens;

    AccessCheck(TokenStore tokens) {
        this.tokens = tokens;
    }

    void register(Javalin app) {
        app.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty()) return; // a static file
        Role needed = (Role) declared.iterator().next();
        Caller caller = caller(ctx);
        ctx.attribute(Caller.ATTRIBUTE, caller);
        if (caller.may(needed)) return;
        String what = ctx.method() + " " + ctx.endpointHandlerPath() + " needs a token of role " + needed.apiName() + " or above";
        if (caller.role() == Role.PUBLIC) throw ParkGridException.unauthorized(what + "; send Authorization: Bearer <token>");
        throw ParkGridException.forbidden(what + "; the token of " + caller.name() + " is " + caller.role().apiName());
    }

    /** The caller the request's Authorization names; anonymous without one. @throws ParkGridException unauthorised for a bad token */
    private Caller caller(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null) return Caller.ANONYMOUS;
        // RFC 6750: the scheme is case-insensitive; the token is one b64token
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ParkGridException.unauthorized("Authorization must be 'Bearer <token>'");
        }
        return tokens.active(header.substring(BEARER.length()).strip())
                .map(t -> new Caller(t.holder(), Role.ofToken(t.role())))
                .orElseThrow(() -> ParkGridException.unauthorized("the bearer token is not valid: unknown or revoked"));
    }
}
