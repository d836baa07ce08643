package parkgrid.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;
import parkgrid.feature.ParkGridException;
import parkgrid.store.TokenStore;

/**
 * {@code /admin/tokens}: an admin makes a token for a holder and role (its text is in that one answer and
 * nowhere else), lists the tokens without their secrets, and revokes one.
 */
final class TokensHandler {
    private static final Set<String> MEMBERS = Set.of("name", "role");
    private final TokenStore tokens;

    TokensHandler(TokenStore tokens) {
        this.tokens = tokens;
    }

    void create(Context ctx) {
        JsonNode body = JsonBody.object(ctx);
        body.fieldNames().forEachRemaining(k -> {
            if (!MEMBERS.contains(k)) throw ParkGridException.invalidParameter(k, "unknown member '" + k + "': a token has name and role");
        });
        TokenStore.Issued issued = tokens.issue(text(body, "name"), text(body, "role"), Caller.of(ctx).name());
        ObjectNode out = json(issued.token()).put("token", issued.secret())
                .put("note", "the token is shown only this once; ParkGrid keeps only its hash");
        // the answer carries a secret: no cache may keep it (RFC 6749 §5.1)
        ctx.header("Cache-Control", "no-store").status(HttpStatus.CREATED).contentType(OgcVocabulary.JSON).result(out.toString());
    }

    void list(Context ctx) {
        ObjectNode out = Responses.JSON.createObjectNode();
        ArrayNode list = out.putArray("tokens");
        tokens.all().forEach(t -> list.add(json(t)));
        ctx.contentType(OgcVocabulary.JSON).result(out.toString());
    }

    void revoke(Context ctx) {
        String raw = ctx.pathParam("tokenId");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ParkGridException.invalidParameter("tokenId", "a token id is an integer, got '" + raw + "'");
        }
        tokens.revoke(id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static String text(JsonNode body, String member) {
        JsonNode v = body.get(member);
        if (v == null || !v.isTextual()) throw ParkGridException.invalidParameter(member, member + " is required, as a string");
        return v.asText();
    }

    private static ObjectNode json(TokenStore.Token t) {
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("id", t.id()).put("name", t.holder()).put("role", t.role()).put("created_at", t.createdAt().toString())
                .put("created_by", t.createdBy());
        if (t.isRevoked()) o.put("revoked_at", t.revokedAt().toString());
        else o.putNull("revoked_at");
        return o;
    }
}
