package parkgrid.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import parkgrid.feature.ParkGridException;

/**
 * {@link TokenStore} on the {@code parkgrid_token} table, the same SQL for both stores but for the table's
 * name and how a time is kept ({@link SqlDialect#bindInstant}), as {@link VersionTables} is for versions.
 * The store supplies its connections ({@link Connections}): reads on any connection, writes in one
 * transaction under whatever lock the store's writes take.
 */
public final class TokenTable implements TokenStore {
    /** Longest holder name kept; a name is a person and their office, not a document. */
    static final int MAX_HOLDER_LENGTH = 200;

    /** How a store lends connections for token reads and writes. */
    public interface Connections {
        <T> T read(Work<T> work);

        /** Runs {@code work} in one committed transaction (rolled back when it throws). */
        <T> T write(Work<T> work);
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final SqlDialect dialect;
    private final String table;
    private final Connections connections;

    /** @param table quoted, schema-qualified where the store needs it */
    public TokenTable(SqlDialect dialect, String table, Connections connections) {
        this.dialect = dialect;
        this.table = table;
        this.connections = connections;
    }

    private static final String COLUMNS = "id, holder, role, created_at, created_by, revoked_at";

    @Override
    public Issued issue(String holder, String role, String createdBy) {
        if (holder == null || holder.isBlank()) throw ParkGridException.invalidParameter("name", "a token needs the name of its holder");
        if (holder.length() > MAX_HOLDER_LENGTH) {
            throw ParkGridException.invalidParameter("name", "a holder name has at most " + MAX_HOLDER_LENGTH + " characters");
        }
        if (!ROLES.contains(role)) throw ParkGridException.invalidParameter("role", "role must be one of " + ROLES + ", got '" + role + "'");
        String secret = TokenSecret.generate();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String name = holder.strip();
        long id = connections.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (holder, role, hash, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, role);
                ps.setString(3, TokenSecret.hash(secret));
                dialect.bindInstant(ps, 4, at);
                ps.setString(5, createdBy);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Issued(new Token(id, name, role, at, createdBy, null), secret);
    }

    @Override
    public Optional<Token> active(String secret) {
        if (!TokenSecret.isWellFormed(secret)) return Optional.empty();
        String hash = TokenSecret.hash(secret);
        return connections.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Token> all() {
        return connections.read(c -> {
            List<Token> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(token(rs));
            }
            return out;
        });
    }

    @Override
    public Token revoke(long id) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return connections.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                dialect.bindInstant(ps, 1, at);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw ParkGridException.notFound("tokenId", "no token " + id);
                    return token(rs);
                }
            }
        });
    }

    private Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getLong(1), rs.getString(2), rs.getString(3), dialect.readInstant(rs, 4), rs.getString(5),
                dialect.readInstant(rs, 6));
    }

    /**
     * The table's DDL in a dialect: {@code id} an auto-incremented key, {@code hash} unique (the lookup of
     * every request), times as the dialect keeps them.
     */
    public static List<String> createStatements(SqlDialect dialect, String table, String indexName) {
        String id = dialect.serialKey("id");
        String time = dialect.timeType();
        String roles = String.join(", ", ROLES.stream().map(r -> "'" + r + "'").toList());
        return List.of("CREATE TABLE " + table + " (" + id + ", holder text NOT NULL, role text NOT NULL CHECK (role IN (" + roles + ")), "
                        + "hash text NOT NULL, created_at " + time + " NOT NULL, created_by text NOT NULL, revoked_at " + time + ")",
                "CREATE UNIQUE INDEX " + indexName + " ON " + table + " (hash)");
    }
}
