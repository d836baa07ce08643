package parkgrid.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;

/**
 * The benchmark's generator, one source for both: tests that check province-scale answers against PostGIS
 * use it from here, and {@code bench/run.sh} compiles this file together with {@code bench/src}.
 * A deterministic, province-scale synthetic data set around Luoyang (lon 111.0–113.2, lat 33.6–35.4,
 * about 200 × 200 km): villages clustered around real county seats plus a uniform background, and a
 * grid-like distribution network of 2-point LineString segments (100–2 000 m, log-uniform) that walk
 * out from villages as connected feeders, mostly along the compass axes with occasional right-angle
 * turns. Coordinates are rounded to 7 decimals (what the GeoJSON writer emits). Villages carry a
 * supply-area class (C near a county seat, D elsewhere); 10 kV transformers ("suppliers") sit on feeder
 * vertices, for the coverage step.
 */
public final class SyntheticProvince {
    public static final double MIN_LON = 111.0, MAX_LON = 113.2, MIN_LAT = 33.6, MAX_LAT = 35.4;
    public static final double M_PER_DEG_LAT = 111_320.0;

    public static final Layer VILLAGES = new Layer("villages", "Villages (synthetic)", "村庄（合成）",
            "Synthetic village points for the province-scale benchmark.", GeometryKind.POINT,
            List.of(new PropertyDefinition("name", PropertyType.STRING),
                    new PropertyDefinition("county", PropertyType.STRING),
                    new PropertyDefinition("population", PropertyType.INTEGER),
                    new PropertyDefinition("elevation_m", PropertyType.NUMBER),
                    new PropertyDefinition("supply_class", PropertyType.STRING)),
            "ParkGrid bench generator (synthetic)", "synthetic");

    public static final Layer LINES = new Layer("lines", "Distribution line segments (synthetic)", "配电线路段（合成）",
            "Synthetic 2-point line segments of a grid-like distribution network.", GeometryKind.LINESTRING,
            List.of(new PropertyDefinition("name", PropertyType.STRING),
                    new PropertyDefinition("feeder_id", PropertyType.INTEGER),
                    new PropertyDefinition("voltage_kv", PropertyType.NUMBER),
                    new PropertyDefinition("conductor", PropertyType.STRING),
                    new PropertyDefinition("length_m", PropertyType.NUMBER)),
            "ParkGrid bench generator (synthetic)", "synthetic");

    public static final Layer SUPPLIERS = new Layer("suppliers", "Distribution transformers (synthetic)", "配电变压器（合成）",
            "Synthetic 10/0.4 kV transformers placed on vertices of the synthetic 10 kV feeders.", GeometryKind.POINT,
            List.of(new PropertyDefinition("name", PropertyType.STRING),
                    new PropertyDefinition("feeder_id", PropertyType.INTEGER),
                    new PropertyDefinition("voltage_kv", PropertyType.NUMBER),
                    new PropertyDefinition("capacity_kva", PropertyType.INTEGER),
                    new PropertyDefinition("radius_m", PropertyType.NUMBER)),
            "ParkGrid bench generator (synthetic)", "synthetic");

    /** Villages closer than this to a county seat are supply-area class C (town fringe), the others D (rural). */
    public static final double CLASS_C_METRES = 8_000;
    /** The benchmark's seed (ProvinceBenchmark.SEED). */
    public static final long BENCH_SEED = 20_240_601L;

    /** County seats (approximate real positions) and their relative village weight. */
    private static final Object[][] TOWNS = {
            {"洛阳市区", 112.45, 34.62, 6.0}, {"偃师区", 112.79, 34.73, 2.0}, {"孟津区", 112.44, 34.83, 2.0},
            {"新安县", 112.13, 34.73, 1.5}, {"栾川县", 111.62, 33.79, 1.0}, {"嵩县", 112.09, 34.13, 1.2},
            {"汝阳县", 112.47, 34.15, 1.2}, {"宜阳县", 112.18, 34.52, 1.5}, {"洛宁县", 111.65, 34.39, 1.2},
            {"伊川县", 112.43, 34.42, 1.8}, {"渑池县", 111.76, 34.77, 1.0}, {"汝州市", 112.84, 34.17, 2.0},
            {"登封市", 113.05, 34.45, 1.5}, {"巩义市", 113.02, 34.75, 1.5}, {"义马市", 111.87, 34.75, 0.8},
            {"济源市", 112.60, 35.07, 1.5}, {"孟州市", 112.79, 34.91, 1.2}, {"卢氏县", 111.05, 34.05, 0.6},
            {"鲁山县", 112.91, 33.74, 1.0}};
    private static final String[] SURNAMES = ("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈").split("");
    private static final String[] PLACES = ("家庄沟河坡岭湾营寨店洼岗屯堡园桥").split("");

    public final List<Feature> villages;
    public final List<Feature> lines;
    public final List<Feature> suppliers;
    /** Village coordinates, for computing the expected answer of a bbox window. */
    final double[] vx, vy;

    private SyntheticProvince(List<Feature> villages, List<Feature> lines, List<Feature> suppliers, double[] vx, double[] vy) {
        this.villages = villages;
        this.lines = lines;
        this.suppliers = suppliers;
        this.vx = vx;
        this.vy = vy;
    }

    public static SyntheticProvince generate(int villageCount, int segmentCount, int supplierCount, long seed) {
        GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
        Random rnd = new Random(seed);
        double totalWeight = 0;
        for (Object[] t : TOWNS) totalWeight += (double) t[3];

        List<Feature> villages = new ArrayList<>(villageCount);
        double[] vx = new double[villageCount], vy = new double[villageCount];
        String[] villageNames = new String[villageCount];
        for (int i = 0; i < villageCount; i++) {
            double lon, lat;
            if (rnd.nextDouble() < 0.65) { // around a county seat, sigma 12 km
                Object[] town = pickTown(rnd, totalWeight);
                do {
                    lat = (double) town[2] + rnd.nextGaussian() * 12_000 / M_PER_DEG_LAT;
                    lon = (double) town[1] + rnd.nextGaussian() * 12_000 / mPerDegLon(lat);
                } while (!inside(lon, lat));
            } else {
                lon = MIN_LON + rnd.nextDouble() * (MAX_LON - MIN_LON);
                lat = MIN_LAT + rnd.nextDouble() * (MAX_LAT - MIN_LAT);
            }
            lon = round7(lon);
            lat = round7(lat);
            vx[i] = lon;
            vy[i] = lat;
            String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + PLACES[rnd.nextInt(PLACES.length)] + "村";
            villageNames[i] = name;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("county", nearestTown(lon, lat));
            p.put("population", Math.max(50L, Math.min(20_000L, Math.round(Math.exp(6.3 + 0.7 * rnd.nextGaussian())))));
            // mountains in the south-west, plain to the north-east
            double relief = Math.max(0, (113.2 - lon) / 2.2 * 0.5 + (35.4 - lat) / 1.8 * 0.5);
            p.put("elevation_m", Math.round((120 + 1400 * relief * relief + 40 * rnd.nextGaussian()) * 10) / 10.0);
            // derived from the position only (draws nothing from rnd, so the rest of the data set is unchanged)
            p.put("supply_class", nearestTownMetres(lon, lat) < CLASS_C_METRES ? "C" : "D");
            villages.add(new Feature(i + 1, gf.createPoint(new Coordinate(lon, lat)), p));
        }

        List<Feature> lines = new ArrayList<>(segmentCount);
        List<Integer> heads10 = new ArrayList<>(), segments10 = new ArrayList<>(); // indices of 10 kV segments
        long feederId = 0;
        double minLog = Math.log(100), maxLog = Math.log(2000);
        while (lines.size() < segmentCount) {
            feederId++;
            int start = rnd.nextInt(villageCount);
            double lon = vx[start], lat = vy[start];
            double r = rnd.nextDouble();
            double kv = r < 0.70 ? 10 : r < 0.90 ? 0.4 : r < 0.98 ? 35 : 110;
            String conductor = kv == 0.4 ? "JKLYJ-1kV-120" : kv == 10 ? (rnd.nextBoolean() ? "JKLYJ-10kV-240" : "LGJ-150")
                    : kv == 35 ? "LGJ-240" : "LGJ-300/40";
            String feederName = (kv == 0.4 ? "0.4kV " : (int) kv + "kV ") + villageNames[start].replace("村", "") + "线";
            double heading = rnd.nextInt(4) * 90 + rnd.nextGaussian() * 3; // degrees clockwise from north
            int segments = 10 + rnd.nextInt(51);
            for (int s = 1; s <= segments && lines.size() < segmentCount; s++) {
                double r2 = rnd.nextDouble();
                if (r2 < 0.08) heading += 90;
                else if (r2 < 0.16) heading -= 90;
                double len = Math.exp(minLog + rnd.nextDouble() * (maxLog - minLog));
                double[] end = step(lon, lat, heading, len);
                if (!inside(end[0], end[1])) {
                    heading += 180;
                    end = step(lon, lat, heading, len);
                }
                double elon = round7(end[0]), elat = round7(end[1]);
                if (kv == 10) (s == 1 ? heads10 : segments10).add(lines.size());
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", feederName + " #" + s);
                p.put("feeder_id", feederId);
                p.put("voltage_kv", kv);
                p.put("conductor", conductor);
                p.put("length_m", Math.round(distanceM(lon, lat, elon, elat) * 10) / 10.0);
                lines.add(new Feature(lines.size() + 1,
                        gf.createLineString(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(elon, elat)}), p));
                lon = elon;
                lat = elat;
            }
        }
        return new SyntheticProvince(villages, lines, suppliers(lines, heads10, segments10, supplierCount, seed + 7, gf), vx, vy);
    }

    /**
     * Distribution transformers on vertices of the 10 kV feeders, so that network mode attaches them with
     * no access distance: a third at feeder heads (which lie on a village), the rest at the start vertex of
     * a random 10 kV segment; at most one per position. Drawn from a random stream of their own, after the
     * lines, so villages and lines do not depend on the supplier count.
     */
    private static List<Feature> suppliers(List<Feature> lines, List<Integer> heads, List<Integer> segments, int count, long seed,
                                           GeometryFactory gf) {
        Random rnd = new Random(seed);
        int[] kva = {100, 200, 315, 400, 630};
        java.util.Set<Coordinate> used = new java.util.HashSet<>();
        List<Feature> out = new ArrayList<>(count);
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 100) {
            List<Integer> from = rnd.nextInt(3) == 0 && !heads.isEmpty() ? heads : segments;
            if (from.isEmpty()) from = heads;
            Feature line = lines.get(from.get(rnd.nextInt(from.size())));
            Coordinate c = line.geometry().getCoordinates()[0];
            if (!used.add(new Coordinate(c.x, c.y))) continue;
            int capacity = kva[rnd.nextInt(kva.length)];
            // radius a transformer is planned to serve: log-uniform 600–3 000 m, larger for larger units
            double radius = Math.round(Math.exp(Math.log(600) + rnd.nextDouble() * (Math.log(3000) - Math.log(600)))
                    * (0.8 + capacity / 1575.0) / 10) * 10.0;
            Map<String, Object> p = new LinkedHashMap<>();
            String lineName = (String) line.properties().get("name");
            p.put("name", lineName.substring(lineName.indexOf(' ') + 1).replaceAll(" #\\d+$", "") + (out.size() + 1) + "号配变");
            p.put("feeder_id", line.properties().get("feeder_id"));
            p.put("voltage_kv", 10.0);
            p.put("capacity_kva", (long) capacity);
            p.put("radius_m", radius);
            out.add(new Feature(out.size() + 1, gf.createPoint(new Coordinate(c.x, c.y)), p));
        }
        return out;
    }

    /** Villages inside the closed box (the server's bbox test for points is the same). */
    public int villagesIn(double minX, double minY, double maxX, double maxY) {
        int n = 0;
        for (int i = 0; i < vx.length; i++) {
            if (vx[i] >= minX && vx[i] <= maxX && vy[i] >= minY && vy[i] <= maxY) n++;
        }
        return n;
    }

    public static double mPerDegLon(double lat) {
        return M_PER_DEG_LAT * Math.cos(Math.toRadians(lat));
    }

    static boolean inside(double lon, double lat) {
        return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
    }

    private static double[] step(double lon, double lat, double headingDeg, double meters) {
        double h = Math.toRadians(headingDeg);
        double nlat = lat + meters * Math.cos(h) / M_PER_DEG_LAT;
        double nlon = lon + meters * Math.sin(h) / mPerDegLon((lat + nlat) / 2);
        return new double[] {nlon, nlat};
    }

    static double distanceM(double lon1, double lat1, double lon2, double lat2) {
        double dx = (lon2 - lon1) * mPerDegLon((lat1 + lat2) / 2);
        double dy = (lat2 - lat1) * M_PER_DEG_LAT;
        return Math.hypot(dx, dy);
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static Object[] pickTown(Random rnd, double totalWeight) {
        double w = rnd.nextDouble() * totalWeight;
        for (Object[] t : TOWNS) {
            w -= (double) t[3];
            if (w <= 0) return t;
        }
        return TOWNS[TOWNS.length - 1];
    }

    private static double nearestTownMetres(double lon, double lat) {
        double best = Double.MAX_VALUE;
        for (Object[] t : TOWNS) best = Math.min(best, distanceM(lon, lat, (double) t[1], (double) t[2]));
        return best;
    }

    private static String nearestTown(double lon, double lat) {
        String best = null;
        double bestD = Double.MAX_VALUE;
        for (Object[] t : TOWNS) {
            double d = distanceM(lon, lat, (double) t[1], (double) t[2]);
            if (d < bestD) {
                bestD = d;
                best = (String) t[0];
            }
        }
        return best;
    }
}
