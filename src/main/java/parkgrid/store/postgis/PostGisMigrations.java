package parkgrid.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import parkgrid.store.ImportJobTable;
import parkgrid.store.SqlDialect;
import parkgrid.store.TokenTable;
import static parkgrid.store.SqlNames.quote;

/**
 * Numbered, forward-only schema migrations, applied on start inside one transaction under an advisory
 * lock (so two servers starting together do not race). Applied versions are recorded in
 * {@code <schema>.schema_migrations}.
 */
final class PostGisMigrations {
    private final String schema;

    PostGisMigrations(String schema) {
        this.schema = schema;
    }

    /** Migration {@code i} (1-based) is {@code steps().get(i - 1)}. Append, never edit. */
    private List<String> steps() {
        String s = quote(schema);
        String schemaLiteral = "'" + schema.replace("'", "''") + "'";
        return List.of(
                "CREATE TABLE " + s + ".parkgrid_layer (table_name text PRIMARY KEY, layer_json jsonb NOT NULL)",
                // features without a place (GeoJSON "geometry": null) are stored with a NULL geom
                "DO $$ DECLARE t text; BEGIN FOR t IN SELECT table_name FROM " + s + ".parkgrid_layer LOOP "
                        + "EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN geom DROP NOT NULL', " + schemaLiteral
                        + ", t); END LOOP; END $$",
                // versions of changed features (absent: version 1) and the audit trail of every change
                "CREATE TABLE " + s + ".parkgrid_feature_version (table_name text NOT NULL, fid bigint NOT NULL, "
                        + "version bigint NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (table_name, fid))",
                "CREATE TABLE " + s + ".parkgrid_audit (id bigserial PRIMARY KEY, table_name text NOT NULL, fid bigint NOT NULL, "
                        + "version bigint NOT NULL, action text NOT NULL, who text NOT NULL, at timestamptz NOT NULL, before text, after text)",
                "CREATE INDEX parkgrid_audit_feature ON " + s + ".parkgrid_audit (table_name, fid, id)",
                // bearer tokens, kept as SHA-256 hashes (store.TokenSecret)
                String.join("; ", TokenTable.createStatements(SqlDialect.POSTGIS, tokenTable(schema), "parkgrid_token_hash")),
                // import jobs, so that a progress poll reaching any instance is answered (store.ImportJobTable)
                String.join("; ", ImportJobTable.createStatements(importJobTable(schema), "parkgrid_import_job_finished")));
    }

    /** The schema-qualified import job table. */
    static String importJobTable(String schema) {
        return quote(schema) + ".parkgrid_import_job";
    }

    /** The schema-qualified token table. */
    static String tokenTable(String schema) {
        return quote(schema) + ".parkgrid_token";
    }

    void apply(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(hashtext('parkgrid-migrations-' || '" + schema + "'))");
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            st.execute("CREATE TABLE IF NOT EXISTS " + quote(schema)
                    + ".schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            int current;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM " + quote(schema) + ".schema_migrations")) {
                rs.next();
                current = rs.getInt(1);
            }
            List<String> steps = steps();
            for (int v = current + 1; v <= steps.size(); v++) {
                st.execute(steps.get(v - 1));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + quote(schema) + ".schema_migrations (version) VALUES (?)")) {
                    ps.setInt(1, v);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
