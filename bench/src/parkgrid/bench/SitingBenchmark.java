package parkgrid.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import parkgrid.analysis.siting.CriterionLabel;
import parkgrid.analysis.siting.Exclusion;
import parkgrid.analysis.siting.Preference;
import parkgrid.analysis.siting.SiteSize;
import parkgrid.analysis.siting.SitingAnalysis;
import parkgrid.analysis.siting.SitingOptions;
import parkgrid.analysis.siting.SitingResult;
import parkgrid.geo.MetricProjection;

/**
 * Siting benchmark (issue 9): a 4 km² park (2 km × 2 km) with 100 parcels (half occupied: excluded with buffer 0)
 * and 1 000 more exclusion features (700 dwellings with a 25 m buffer, 300 short 10 kV spans with their 5 m
 * corridor), a 20 000 m² site at least 80 m wide, one preference (near 20 enterprises), 10 m resolution.
 * Times the whole analysis in-process, then the same feasible area (study − ∪ buffered exclusions, with the
 * analysis's widened buffers) in PostGIS in EPSG:4546, and prints both, their ratio and the area difference.
 *
 * <p>Usage: {@code bash bench/siting.sh}; knobs BENCH_DB (default jdbc:postgresql://127.0.0.1:5432/postgres),
 * BENCH_DB_USER, BENCH_DB_PASSWORD, BENCH_RUNS (default 5).
 */
public final class SitingBenchmark {
    private static final GeometryFactory LONLAT = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "5"));
        MetricProjection plane = new MetricProjection(4546);
        Coordinate o = plane.project(LONLAT.createPoint(new Coordinate(112.44, 34.16))).getCoordinate();
        GeometryFactory m = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4546);
        Random rnd = new Random(42);
        Geometry park = plane.unproject(rect(m, o.x, o.y, 2000, 2000));
        List<Geometry> occupied = new ArrayList<>(), dwellings = new ArrayList<>(), spans = new ArrayList<>(), enterprises = new ArrayList<>();
        int parcels = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                parcels++;
                Geometry p = plane.unproject(rect(m, o.x + i * 200 + 10, o.y + j * 200 + 10, 180, 180));
                if (rnd.nextBoolean()) occupied.add(p);
            }
        }
        // 700 dwellings in 10 hamlets (σ 60 m), 300 spans of 10 kV line along the 20 m roads between the parcels
        for (int h = 0; h < 10; h++) {
            double cx = o.x + rnd.nextDouble() * 2000, cy = o.y + rnd.nextDouble() * 2000;
            for (int k = 0; k < 70; k++) dwellings.add(plane.unproject(m.createPoint(new Coordinate(cx + rnd.nextGaussian() * 60, cy + rnd.nextGaussian() * 60))));
        }
        for (int k = 0; k < 300; k++) {
            boolean eastWest = rnd.nextBoolean();
            double along = rnd.nextInt(25) * 80, across = rnd.nextInt(11) * 200;
            Coordinate a = eastWest ? new Coordinate(o.x + along, o.y + across) : new Coordinate(o.x + across, o.y + along);
            Coordinate b = eastWest ? new Coordinate(a.x + 80, a.y) : new Coordinate(a.x, a.y + 80);
            spans.add(plane.unproject(m.createLineString(new Coordinate[] {a, b})));
        }
        for (int k = 0; k < 20; k++) enterprises.add(plane.unproject(m.createPoint(new Coordinate(o.x + rnd.nextDouble() * 2000, o.y + rnd.nextDouble() * 2000))));
        List<Exclusion> exclusions = List.of(
                new Exclusion(new CriterionLabel("occupied parcel", "已占用地块"), occupied, 0, null),
                new Exclusion(new CriterionLabel("dwelling", "居民点"), dwellings, 25, null),
                new Exclusion(new CriterionLabel("10 kV line", "10千伏线路"), spans, 5, null));
        List<Preference> preferences = List.of(new Preference(new CriterionLabel("enterprise", "企业"), enterprises, Preference.Direction.NEAR, 1));
        SiteSize size = new SiteSize(20_000, 80);
        SitingOptions options = new SitingOptions(5, 10, null);

        System.out.printf(Locale.ROOT, "1-minute load average at start %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "siting benchmark: park %.0f m², %d parcels (%d occupied), exclusion features %d (+%d occupied parcels), site %.0f m² × ≥ %.0f m, %.0f m grid%n",
                plane.areaSquareMetres(park), parcels, occupied.size(), dwellings.size() + spans.size(), occupied.size(),
                size.areaSquareMetres(), size.minWidthMetres(), options.resolutionMetres());
        SitingResult last = null;
        double afterExclusions = 0;
        double[] seconds = new double[runs];
        for (int w = 0; w < 2; w++) SitingAnalysis.run(park, size, exclusions, List.of(), preferences, options); // warm-up
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            SitingAnalysis a = new SitingAnalysis(park, size, exclusions, List.of(), preferences, options);
            last = a.getResult();
            seconds[r] = (System.nanoTime() - t) / 1e9;
            afterExclusions = a.getAfterExclusionsSquareMetres();
        }
        double javaSeconds = median(seconds);
        System.out.printf(Locale.ROOT, "  ParkGrid analysis (whole siting): median %.3f s of %d runs (min %.3f, max %.3f); target < 2 s: %s%n",
                javaSeconds, runs, Arrays.stream(seconds).min().orElse(0), Arrays.stream(seconds).max().orElse(0), javaSeconds < 2 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "    study − exclusions %.1f m², feasible (after width) %.1f m², positions %d, candidates %d, best score %.3f%n",
                afterExclusions, last.feasibleSquareMetres(), last.positionsTested(), last.candidates().size(),
                last.candidates().isEmpty() ? 0 : last.candidates().get(0).score());

        // the feasible area alone, in-process: what PostGIS computes below
        double[] feasibleOnly = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            new parkgrid.analysis.siting.FeasibleArea(plane.project(park), exclusions, List.of(), 0, new MetricProjection(4546), options).getFeasible();
            feasibleOnly[r] = (System.nanoTime() - t) / 1e9;
        }
        double javaFeasible = median(feasibleOnly);
        System.out.printf(Locale.ROOT, "  ParkGrid feasible area only (study − ∪ buffered exclusions): median %.3f s%n", javaFeasible);

        String url = System.getenv().getOrDefault("BENCH_DB", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("BENCH_DB_USER", "postgres"),
                System.getenv().getOrDefault("BENCH_DB_PASSWORD", ""))) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS bench_siting CASCADE");
                s.execute("CREATE SCHEMA bench_siting");
                s.execute("CREATE TABLE bench_siting.exclusion (id serial PRIMARY KEY, buffer_m double precision, geom geometry(Geometry, 4326))");
                s.execute("CREATE TABLE bench_siting.study (geom geometry(Polygon, 4326))");
            }
            WKBWriter wkb = new WKBWriter(2, true);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_siting.exclusion (buffer_m, geom) VALUES (?, ST_GeomFromEWKB(?))")) {
                for (Exclusion e : exclusions) {
                    for (Geometry g : e.geometries()) {
                        g.setSRID(4326);
                        ps.setDouble(1, e.plannedBufferMetres());
                        ps.setBytes(2, wkb.write(g));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_siting.study VALUES (ST_GeomFromEWKB(?))")) {
                park.setSRID(4326);
                ps.setBytes(1, wkb.write(park));
                ps.execute();
            }
            String sql = "SELECT ST_Area(ST_Difference(ST_Transform(s.geom, 4546), (SELECT ST_Union(ST_Buffer(ST_Transform(e.geom, 4546), e.buffer_m)) "
                    + "FROM bench_siting.exclusion e))) FROM bench_siting.study s";
            double pgArea = 0;
            double[] pg = new double[runs];
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.executeQuery().close(); // warm-up
                for (int r = 0; r < runs; r++) {
                    long t = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        pgArea = rs.getDouble(1);
                    }
                    pg[r] = (System.nanoTime() - t) / 1e9;
                }
            }
            double pgSeconds = median(pg);
            String version;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT postgis_full_version()")) {
                rs.next();
                version = rs.getString(1).replaceAll("^POSTGIS=\"([^ \"]*).*", "$1");
            }
            System.out.printf(Locale.ROOT, "  PostGIS %s (ST_Difference of ST_Union of ST_Buffer in EPSG:4546, same widened buffers): median %.3f s%n", version, pgSeconds);
            System.out.printf(Locale.ROOT, "  ratio PostGIS / ParkGrid feasible area: %.2f; PostGIS / whole ParkGrid siting: %.2f%n", pgSeconds / javaFeasible, pgSeconds / javaSeconds);
            System.out.printf(Locale.ROOT, "  area: ParkGrid %.1f m², PostGIS %.1f m², difference %.1f m² (%.4f %%)%n",
                    afterExclusions, pgArea, afterExclusions - pgArea, 100 * (afterExclusions - pgArea) / pgArea);
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA bench_siting CASCADE");
            }
            System.out.printf(Locale.ROOT, "1-minute load average at end %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Geometry rect(GeometryFactory f, double x, double y, double w, double h) {
        return f.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y), new Coordinate(x + w, y + h),
                new Coordinate(x, y + h), new Coordinate(x, y)});
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
