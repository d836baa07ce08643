package parkgrid.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens of a store ({@code parkgrid_token}), kept only as hashes ({@link TokenSecret}): the
 * token text is shown once by {@link #issue} and never stored, so a copy of the database or of the
 * GeoPackage file grants nothing. Both stores implement it with the one SQL of {@link TokenTable}.
 * A role is one of {@link #ROLES}; the API decides what each may do.
 */
public interface TokenStore {
    /** The roles a token can hold, lowest first (as the API names them). */
    List<String> ROLES = List.of("viewer", "editor", "admin");

    /** A token as stored, without its secret. {@code revokedAt} is null while the token is valid. */
    record Token(long id, String holder, String role, Instant createdAt, String createdBy, Instant revokedAt) {
        public boolean isRevoked() {
            return revokedAt != null;
        }
    }

    /** A new token and its text, which exists only in this answer. */
    record Issued(Token token, String secret) {}

    /**
     * Makes a new token for {@code holder} (e.g. {@code 规划员 王五}) with {@code role}.
     *
     * @param createdBy who made it, as the audit trail names them
     * @throws parkgrid.feature.ParkGridException invalid input for a blank holder or a role not in {@link #ROLES}
     */
    Issued issue(String holder, String role, String createdBy);

    /** The unrevoked token whose text is {@code secret}; empty for an unknown or revoked one. */
    Optional<Token> active(String secret);

    /** Every token, revoked ones included, oldest first. */
    List<Token> all();

    /**
     * Revokes token {@code id} from now on; revoking a revoked token keeps its first revocation time.
     *
     * @return the token as revoked
     * @throws parkgrid.feature.ParkGridException not found when there is no such token
     */
    Token revoke(long id);

    /** Whether some unrevoked token holds {@code role}. */
    default boolean hasActive(String role) {
        return all().stream().anyMatch(t -> !t.isRevoked() && t.role().equals(role));
    }
}
