package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.Neighbour;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.GeodesicDistance;
import parkgrid.geo.MetricProjection;
import parkgrid.io.SeedData;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeedFixture;

/**
 * ParkGrid's ellipsoidal distances and lengths equal PostGIS {@code geography}'s (spheroid) within a
 * millimetre, and its areas (in the CGCS2000 zone) agree within 0.1 %, asked of PostGIS itself with SQL
 * written here, independently of the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeographyAgreementTest {
    private static final String SCHEMA = "geography_test";
    /** Distances and lengths: 1 mm. */
    private static final double METRE_TOLERANCE = 0.001;
    /** Areas are planar in the GK zone: its scale error near 112.5°E is below 0.05 % in length, 0.1 % in area. */
    private static final double AREA_TOLERANCE = 0.001;
    private String url;
    private Connection sql;
    private PostGisStore store;

    @BeforeAll
    void load() throws Exception {
        url = RequiredServices.postGisUrl();
        sql = DriverManager.getConnection(url, "postgres", "");
        sql.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        store = PostGisStore.open(url, "postgres", "", SCHEMA);
        SeedData.loadIfEmpty(store);
    }

    @AfterAll
    void drop() throws Exception {
        if (store != null) store.close();
        if (sql != null) {
            sql.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.close();
        }
    }

    @Test
    void distancesFromTheRuyangSeatToEveryVillageLineAndParcel() throws Exception {
        Coordinate seat = new Coordinate(112.4669, 34.1540);
        GeodesicDistance fromSeat = new GeodesicDistance(GeoJsonReader.WGS84.createPoint(seat));
        int compared = 0;
        double worst = 0;
        for (String layer : List.of("villages", "power_lines", "parcels", "transformers", "park")) {
            Map<Long, Double> geography = perFeature("SELECT fid, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) FROM "
                    + SCHEMA + "." + layer, seat.x, seat.y);
            for (Feature f : SeedFixture.byName().get(layer).features()) {
                double expected = geography.get(f.id());
                double ours = fromSeat.to(f.geometry());
                worst = Math.max(worst, Math.abs(expected - ours));
                assertEquals(expected, ours, METRE_TOLERANCE, layer + " " + f.id());
                compared++;
            }
        }
        System.out.printf("ellipsoidal distances from 汝阳县城: %d features, max |ParkGrid − PostGIS| = %.6f mm%n", compared, worst * 1000);
        assertTrue(compared > 100);
    }

    @Test
    void distancesBetweenLinesAndParcelsAndFromLinesToVillages() throws Exception {
        List<Feature> lines = SeedFixture.byName().get("power_lines").features();
        int compared = 0;
        double worst = 0;
        for (Feature line : lines.subList(0, Math.min(8, lines.size()))) {
            GeodesicDistance fromLine = new GeodesicDistance(line.geometry());
            for (String layer : List.of("villages", "parcels", "power_lines")) {
                Map<Long, Double> geography = perFeature("SELECT t.fid, ST_Distance(t.geom::geography, l.geom::geography) FROM "
                        + SCHEMA + "." + layer + " t, " + SCHEMA + ".power_lines l WHERE l.fid = " + line.id());
                for (Feature f : SeedFixture.byName().get(layer).features()) {
                    double expected = geography.get(f.id());
                    double ours = fromLine.to(f.geometry());
                    worst = Math.max(worst, Math.abs(expected - ours));
                    assertEquals(expected, ours, METRE_TOLERANCE, "line " + line.id() + " to " + layer + " " + f.id());
                    compared++;
                }
            }
        }
        System.out.printf("ellipsoidal distances from lines: %d pairs, max |ParkGrid − PostGIS| = %.6f mm%n", compared, worst * 1000);
        assertTrue(compared > 100);
    }

    @Test
    void withinDistanceAnswersWhatStDWithinOnGeographyAnswers() throws Exception {
        Feature park = SeedFixture.byName().get("park").features().get(0);
        Feature line = SeedFixture.byName().get("power_lines").features().get(3);
        Map<String, Geometry> queries = new java.util.LinkedHashMap<>();
        queries.put("汝阳县城", GeoJsonReader.WGS84.createPoint(new Coordinate(112.4669, 34.1540)));
        queries.put("产业园", park.geometry());
        queries.put("线路 " + line.properties().get("name"), line.geometry());
        int compared = 0;
        double worst = 0;
        for (Map.Entry<String, Geometry> q : queries.entrySet()) {
            for (String layer : List.of("villages", "power_lines", "parcels")) {
                for (double distance : new double[] {500, 2_000, 8_000}) {
                    parkgrid.query.SpatialQuery query = new parkgrid.query.SpatialQuery(q.getValue(),
                            parkgrid.query.SpatialRelation.WITHIN_DISTANCE, distance);
                    Map<Long, Double> ours = new java.util.TreeMap<>();
                    for (Feature f : SeedFixture.byName().get(layer).features()) {
                        if (!f.geometry().getEnvelopeInternal().intersects(query.candidateEnvelope())) continue;
                        query.test(f).ifPresent(n -> ours.put(f.id(), n.distanceMetres()));
                    }
                    Map<Long, Double> postgis = new java.util.TreeMap<>();
                    try (PreparedStatement ps = sql.prepareStatement("SELECT fid, ST_Distance(geom::geography, ST_GeomFromText(?, 4326)::geography) FROM "
                            + SCHEMA + "." + layer + " WHERE ST_DWithin(geom::geography, ST_GeomFromText(?, 4326)::geography, ?)")) {
                        ps.setString(1, q.getValue().toText());
                        ps.setString(2, q.getValue().toText());
                        ps.setDouble(3, distance);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) postgis.put(rs.getLong(1), rs.getDouble(2));
                        }
                    }
                    String what = q.getKey() + " " + layer + " " + distance + " m";
                    assertEquals(postgis.keySet(), ours.keySet(), what);
                    for (Map.Entry<Long, Double> e : postgis.entrySet()) {
                        assertEquals(e.getValue(), ours.get(e.getKey()), METRE_TOLERANCE, what);
                        worst = Math.max(worst, Math.abs(e.getValue() - ours.get(e.getKey())));
                    }
                    compared += postgis.size();
                }
            }
        }
        System.out.printf("within-distance from a point, the park and a line: %d hits, max |ParkGrid − PostGIS| = %.6f mm%n", compared, worst * 1000);
        assertTrue(compared > 100, "compared " + compared + " hits");
    }

    @Test
    void lengthsOfEveryLineAndAreasOfEveryPolygon() throws Exception {
        Map<Long, Double> lengths = perFeature("SELECT fid, ST_Length(geom::geography) FROM " + SCHEMA + ".power_lines");
        assertTrue(lengths.size() > 10);
        for (Feature f : SeedFixture.byName().get("power_lines").features()) {
            assertEquals(lengths.get(f.id()), GeodesicDistance.lengthMetres(f.geometry()), METRE_TOLERANCE, "line " + f.id());
        }
        for (String layer : List.of("park", "parcels", "wind_farm")) {
            Map<Long, Double> areas = perFeature("SELECT fid, ST_Area(geom::geography) FROM " + SCHEMA + "." + layer);
            for (Feature f : SeedFixture.byName().get(layer).features()) {
                double ours = MetricProjection.forExtent(f.geometry().getEnvelopeInternal()).areaSquareMetres(f.geometry());
                assertEquals(areas.get(f.id()), ours, areas.get(f.id()) * AREA_TOLERANCE, layer + " " + f.id());
            }
        }
    }

    @Test
    void nearestInJavaEqualsNearestInPostGisSql() {
        int compared = 0;
        double worst = 0;
        for (Coordinate p : List.of(new Coordinate(112.4669, 34.1540), new Coordinate(112.22, 34.24), new Coordinate(112.30, 34.20))) {
            for (String layer : List.of("villages", "power_lines", "parcels", "transformers")) {
                List<Neighbour> sqlAnswer = store.nearest(layer, p, 5);
                List<Neighbour> javaAnswer = ExpandingNearestSearch.nearest(store, layer, p, 5);
                assertEquals(sqlAnswer.size(), javaAnswer.size(), layer);
                for (int i = 0; i < sqlAnswer.size(); i++) {
                    assertEquals(sqlAnswer.get(i).feature().id(), javaAnswer.get(i).feature().id(), layer + " rank " + i + " from " + p);
                    assertEquals(sqlAnswer.get(i).distanceMetres(), javaAnswer.get(i).distanceMetres(), METRE_TOLERANCE, layer + " rank " + i);
                    worst = Math.max(worst, Math.abs(sqlAnswer.get(i).distanceMetres() - javaAnswer.get(i).distanceMetres()));
                    compared++;
                }
            }
        }
        System.out.printf("nearest-5 (GeoPackage's Java search vs PostGIS SQL): %d ranks, max |Δ| = %.6f mm%n", compared, worst * 1000);
        assertTrue(compared >= 50);
    }

    @Test
    void nearestUsesGeodesicDistancesInPostGis() throws Exception {
        Coordinate chengcun = new Coordinate(112.22, 34.24);
        List<Neighbour> near = store.nearest("villages", chengcun, 4);
        Map<Long, Double> geography = perFeature("SELECT fid, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) FROM "
                + SCHEMA + ".villages", chengcun.x, chengcun.y);
        List<Double> sorted = geography.values().stream().sorted().limit(4).toList();
        for (int i = 0; i < 4; i++) assertEquals(sorted.get(i), near.get(i).distanceMetres(), 1e-6);
    }

    private Map<Long, Double> perFeature(String query, double... params) throws Exception {
        Map<Long, Double> out = new HashMap<>();
        try (PreparedStatement ps = sql.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) ps.setDouble(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getLong(1), rs.getDouble(2));
            }
        }
        return out;
    }

}
