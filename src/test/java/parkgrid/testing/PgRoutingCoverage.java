package parkgrid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ParkGrid's network coverage computed by PostGIS + pgRouting alone, for comparison: {@code pgrouting/pgrouting-network-prep.sql}
 * builds the graph and the attachments from the stored layers with the definition of {@code LineNetwork} (same snap
 * tolerance, T-junctions, metric CRS, nearest-edge attachment), {@code pgrouting/pgrouting-network-covered.sql} runs one
 * {@code pgr_drivingDistance} and returns the covered demand ids. Shared by {@code bench/network-vs-pgrouting.sh} and
 * {@code PgRoutingCoverageAgreementTest}. The SQL is read from the class path ({@code src/test/resources}).
 *
 * @param workSchema schema for the pgr_* work tables (quoted identifier or plain lower-case name)
 * @param lines      the line table, schema-qualified
 * @param supply     the supplier (Point) table, schema-qualified
 * @param demand     the demand table, schema-qualified
 * @param srid       the metric CRS ParkGrid used (its summary's {@code epsg})
 * @param snapMetres vertex merge / T-junction tolerance, metres
 * @param accessMetres longest access leg, metres
 * @param radiusMetres the constant coverage radius, metres
 */
public record PgRoutingCoverage(String workSchema, String lines, String supply, String demand, int srid, double snapMetres,
                                double accessMetres, double radiusMetres) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    /** Graph and attachments: every statement of the prep script, in order. */
    public void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements(script("pgrouting-network-prep.sql"))) s.execute(sql);
        }
    }

    /** The covered demand ids, ascending (after {@link #prepare}). */
    public List<Long> covered(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(statements(script("pgrouting-network-covered.sql")).get(0))) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        return ids;
    }

    /** Number of edges and nodes of the graph built by {@link #prepare}, and how many T-junction splits it made. */
    public long[] graphSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + workSchema
                + ".pgr_edge), (SELECT count(*) FROM " + workSchema + ".pgr_node), (SELECT count(*) FROM " + workSchema + ".pgr_split)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /**
     * pgRouting's distance to one demand (access + path + access, metres) and its access leg, for explaining a
     * difference; {@code [∞, access]} when no supplier reaches it within the radius.
     */
    public double[] distance(Connection c, long demandId) throws SQLException {
        String covered = statements(script("pgrouting-network-covered.sql")).get(0);
        // the same query without the radius test on the demand: the distance itself
        String reach = covered.substring(0, covered.indexOf("SELECT d.fid"));
        String sql = reach + "SELECT least(ru.agg_cost + d.fraction * e.cost, rv.agg_cost + (1 - d.fraction) * e.cost,"
                + " (SELECT min(s.access + abs(s.fraction - d.fraction) * e.cost) FROM " + workSchema + ".pgr_supplier_at s"
                + " WHERE s.edge = d.edge AND s.access <= " + num(accessMetres) + ")) + d.access, d.access FROM " + workSchema
                + ".pgr_demand_at d JOIN " + workSchema + ".pgr_edge e ON e.id = d.edge LEFT JOIN reach ru ON ru.node = e.source"
                + " LEFT JOIN reach rv ON rv.node = e.target WHERE d.fid = " + demandId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) return new double[] {Double.NaN, Double.NaN};
            double d = rs.getDouble(1);
            return new double[] {rs.wasNull() ? Double.POSITIVE_INFINITY : d, rs.getDouble(2)};
        }
    }

    /** Drops the work tables. */
    public void dropWorkTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statements(script("pgrouting-network-prep.sql")).get(0));
        }
    }

    private String script(String name) {
        String text;
        try (InputStream in = PgRoutingCoverage.class.getResourceAsStream("/pgrouting/" + name)) {
            if (in == null) throw new IllegalStateException("/pgrouting/" + name + " is not on the class path (src/test/resources)");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> values = Map.of("schema", workSchema, "lines", lines, "supply", supply, "demand", demand,
                "srid", Integer.toString(srid), "snap", num(snapMetres), "access", num(accessMetres), "radius", num(radiusMetres));
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalStateException("unknown placeholder ${" + m.group(1) + "} in " + name);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Statements end with ";" at the end of a line; "--" comment lines are dropped. */
    private static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            cur.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = cur.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
