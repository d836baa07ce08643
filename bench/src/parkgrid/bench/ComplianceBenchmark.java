package parkgrid.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;
import parkgrid.analysis.compliance.ClassOverlap;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.ComplianceReview;
import parkgrid.analysis.compliance.ControlLayer;
import parkgrid.analysis.compliance.ControlRule;
import parkgrid.analysis.compliance.LayerFinding;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.EllipsoidalArea;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.SupportedCrs;

/**
 * Compliance of a 1 km² project boundary (a 64-vertex irregular outline) against 10 000 farmland polygons
 * (irregular 8-vertex patches of ~1 600 m² with dlbm classes, on a 100 × 100 grid of 50 m cells, 5 km × 5 km around it, in
 * CGCS2000 GK CM 111°E near Ruyang), ParkGrid's pure analysis (analysis.compliance.ComplianceReview) side by side with
 * PostGIS over the same polygons: {@code SUM(ST_Area(ST_Intersection(f.geom, b)::geography)) … WHERE ST_Intersects(f.geom, b)
 * GROUP BY dlbm} with a GiST index. Median of BENCH_RUNS runs after warm-up; areas compared class by class.
 */
public final class ComplianceBenchmark {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        int n = Integer.parseInt(System.getenv().getOrDefault("BENCH_FARMLAND", "10000"));
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "10"));
        String url = System.getenv().getOrDefault("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("BENCH_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "");

        GeometryFactory plane = new GeometryFactory();
        CrsTransformer gk = new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111);
        double e0 = 640_000, n0 = 3_782_000; // near the park, 140 km east of CM 111°E
        Random rnd = new Random(20261202);
        int side = (int) Math.ceil(Math.sqrt(n));
        double cell = 5000.0 / side;
        String[] classes = {"0101", "0102", "0103"};
        List<Feature> farmland = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = k % side, j = k / side;
            double cx = e0 - 2500 + (i + 0.5) * cell, cy = n0 - 2500 + (j + 0.5) * cell;
            Coordinate[] c = new Coordinate[9];
            for (int v = 0; v < 8; v++) {
                double a = v * Math.PI / 4 + rnd.nextDouble() * 0.3;
                double r = cell * (0.36 + rnd.nextDouble() * 0.1);
                c[v] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
            }
            c[8] = c[0];
            Geometry g = GeoJsonReader.WGS84.createGeometry(gk.toCrs84(plane.createPolygon(c), CrsTransformer.AxisOrder.EAST_NORTH));
            farmland.add(new Feature(k + 1, g, Map.of("dlbm", classes[(i * 7 + j * 3) % 3])));
        }
        Coordinate[] b = new Coordinate[65];
        for (int v = 0; v < 64; v++) {
            double a = v * 2 * Math.PI / 64;
            double r = 564.19 * (1 + 0.08 * Math.sin(5 * a)); // ≈ 1 km²
            b[v] = new Coordinate(e0 + r * Math.cos(a), n0 + r * Math.sin(a));
        }
        b[64] = b[0];
        Geometry boundary = GeoJsonReader.WGS84.createGeometry(gk.toCrs84(plane.createPolygon(b), CrsTransformer.AxisOrder.EAST_NORTH));
        ControlLayer layer = new ControlLayer("farmland", "永久基本农田", "permanent basic farmland", "dlbm", ControlRule.AVOID, 1.0, farmland);

        ComplianceResult result = null;
        for (int w = 0; w < 3; w++) result = new ComplianceReview(null).review(boundary, List.of(layer));
        double[] ours = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            result = new ComplianceReview(null).review(boundary, List.of(layer));
            ours[r] = (System.nanoTime() - t) / 1e6;
        }
        LayerFinding f = result.findings().get(0);
        Map<String, Double> ourByClass = new TreeMap<>();
        for (ClassOverlap c : f.classes()) ourByClass.put(c.classValue(), c.area().squareMetres());

        Map<String, Double> pgByClass = new TreeMap<>();
        double[] pg = new double[runs];
        double loadSeconds;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS bench_compliance CASCADE");
            c.createStatement().execute("CREATE SCHEMA bench_compliance");
            c.createStatement().execute("CREATE TABLE bench_compliance.farmland (fid bigint PRIMARY KEY, dlbm text, geom geometry(Polygon, 4326))");
            long t0 = System.nanoTime();
            WKTWriter wkt = new WKTWriter();
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO bench_compliance.farmland VALUES (?, ?, ST_GeomFromText(?, 4326))")) {
                for (Feature x : farmland) {
                    ins.setLong(1, x.id());
                    ins.setString(2, (String) x.properties().get("dlbm"));
                    ins.setString(3, wkt.write(x.geometry()));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            c.createStatement().execute("CREATE INDEX ON bench_compliance.farmland USING gist (geom)");
            c.createStatement().execute("ANALYZE bench_compliance.farmland");
            loadSeconds = (System.nanoTime() - t0) / 1e9;
            String q = "SELECT f.dlbm, SUM(ST_Area(ST_Intersection(f.geom, b.g)::geography)) FROM bench_compliance.farmland f, "
                    + "(SELECT ST_GeomFromText(?, 4326) AS g) b WHERE ST_Intersects(f.geom, b.g) GROUP BY f.dlbm";
            String boundaryWkt = wkt.write(boundary);
            try (PreparedStatement ps = c.prepareStatement(q)) {
                ps.setString(1, boundaryWkt);
                for (int w = 0; w < 3; w++) try (ResultSet rs = ps.executeQuery()) { while (rs.next()) { } }
                for (int r = 0; r < runs; r++) {
                    long t = System.nanoTime();
                    pgByClass.clear();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) pgByClass.put(rs.getString(1), rs.getDouble(2));
                    }
                    pg[r] = (System.nanoTime() - t) / 1e6;
                }
            }
            c.createStatement().execute("DROP SCHEMA bench_compliance CASCADE");
        }
        double ourTotal = f.overlap().squareMetres();
        double pgTotal = pgByClass.values().stream().mapToDouble(Double::doubleValue).sum();
        double worstClass = 0;
        for (String k : pgByClass.keySet()) worstClass = Math.max(worstClass, Math.abs(ourByClass.getOrDefault(k, 0.0) / pgByClass.get(k) - 1));
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "compliance benchmark: boundary %.0f m² (64 vertices), %d farmland polygons (8 vertices), %d overlapping%n",
                EllipsoidalArea.squareMetres(boundary), n, f.pieces().size()));
        t.append(String.format(Locale.ROOT, "| step | median ms | min ms | max ms |%n|---|---|---|---|%n"));
        t.append(row("ParkGrid ComplianceReview (JTS intersection + GeographicLib area)", ours));
        t.append(row("PostGIS ST_Intersects + ST_Area(ST_Intersection()::geography), GiST", pg));
        t.append(String.format(Locale.ROOT, "ratio PostGIS / ParkGrid (median): %.2f%n", median(pg) / median(ours)));
        t.append(String.format(Locale.ROOT, "overlap: ParkGrid %.3f m², PostGIS %.3f m², difference %.3e relative (worst class %.3e); %s%n",
                ourTotal, pgTotal, Math.abs(ourTotal / pgTotal - 1), worstClass, f.conclusionZh()));
        t.append(String.format(Locale.ROOT, "PostGIS load + index of the %d polygons: %.1f s (not in the timings)%n", n, loadSeconds));
        System.out.print(t);
        Files.createDirectories(out);
        Files.writeString(out.resolve("compliance.txt"), t.toString(), StandardCharsets.UTF_8);
    }

    private static String row(String name, double[] ms) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, median(ms), Arrays.stream(ms).min().orElse(0), Arrays.stream(ms).max().orElse(0));
    }

    private static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
