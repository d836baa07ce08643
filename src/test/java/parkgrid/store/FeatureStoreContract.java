package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.Neighbour;
import parkgrid.filter.FilterBinder;
import parkgrid.geo.GeoJsonReader;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.feature.LayerData;
import parkgrid.io.SeedData;
import parkgrid.testing.SeedFixture;

/**
 * The behaviour every {@link FeatureStore} must have, checked against answers computed independently
 * from the seed files with plain JTS. Subclasses supply a fresh, empty store.
 */
abstract class FeatureStoreContract {
    protected FeatureStore store;

    /** A new, empty store. */
    protected abstract FeatureStore openEmptyStore() throws Exception;

    /** The same store's data opened again, as after a restart. */
    protected abstract FeatureStore reopen() throws Exception;

    @BeforeEach
    void seed() throws Exception {
        store = openEmptyStore();
        assertTrue(SeedData.loadIfEmpty(store));
    }

    @AfterEach
    void closeStore() {
        if (store != null) store.close();
    }

    @Test
    void listsEverySeedLayerWithItsSchema() {
        for (LayerData d : SeedFixture.layers()) {
            Layer stored = store.layer(d.layer().name()).orElseThrow();
            assertEquals(d.layer(), stored);
        }
        assertEquals(SeedFixture.layers().size(), store.layers().size());
    }

    @Test
    void countsEqualTheSeedFiles() {
        for (LayerData d : SeedFixture.layers()) {
            assertEquals(d.features().size(), store.count(d.layer().name(), FeatureQuery.all()), d.layer().name());
        }
    }

    @Test
    void returnsEveryFeatureUnchanged() throws IOException {
        for (LayerData d : SeedFixture.layers()) {
            List<Feature> read = read(d.layer().name(), FeatureQuery.all());
            assertEquals(d.features().size(), read.size());
            for (int i = 0; i < read.size(); i++) {
                Feature expected = d.features().get(i), actual = read.get(i);
                assertEquals(expected.id(), actual.id());
                assertEquals(expected.properties(), actual.properties(), d.layer().name() + " " + expected.id());
                if (!expected.hasGeometry()) {
                    assertFalse(actual.hasGeometry(), d.layer().name() + " " + expected.id() + " has no place and comes back without one");
                    continue;
                }
                assertTrue(expected.geometry().equalsExact(actual.geometry(), 0), d.layer().name() + " " + expected.id());
            }
        }
    }

    @Test
    void bboxReturnsExactlyTheFeaturesThatIntersectIt() throws IOException {
        Envelope[] boxes = {
            new Envelope(112.44, 112.46, 34.16, 34.175),   // inside the park
            new Envelope(112.20, 112.24, 34.22, 34.26),    // around Chengcun
            new Envelope(111.0, 113.5, 33.5, 35.0),        // everything
            new Envelope(100.0, 100.1, 10.0, 10.1),        // nothing
        };
        GeometryFactory gf = new GeometryFactory();
        for (LayerData d : SeedFixture.layers()) {
            for (Envelope box : boxes) {
                Geometry boxGeometry = gf.toGeometry(box);
                List<Long> expected = d.features().stream().filter(f -> f.hasGeometry() && f.geometry().intersects(boxGeometry))
                        .map(Feature::id).toList();
                FeatureQuery q = new FeatureQuery(box, Map.of(), FeatureQuery.UNLIMITED, 0);
                assertEquals(expected, ids(read(d.layer().name(), q)), d.layer().name() + " " + box);
                assertEquals(expected.size(), store.count(d.layer().name(), q));
            }
        }
    }

    @Test
    void bboxOnALineCrossingTheBoxButWithNoVertexInsideFindsIt() throws Exception {
        Layer layer = new Layer("crossing", "Crossing", null, null, GeometryKind.LINESTRING, List.of(), null, null);
        store.createLayer(layer);
        Geometry line = new WKTReader().read("LINESTRING (112.0 34.0, 113.0 35.0)");
        Geometry far = new WKTReader().read("LINESTRING (112.0 34.9, 112.1 35.0)");
        store.insert("crossing", List.of(new Feature(1, line, Map.of()), new Feature(2, far, Map.of())));
        FeatureQuery q = new FeatureQuery(new Envelope(112.45, 112.55, 34.45, 34.55), Map.of(), 10, 0);
        assertEquals(List.of(1L), ids(read("crossing", q)));
    }

    @Test
    void propertyFiltersAreTypedEqualities() throws IOException {
        LayerData villages = SeedFixture.byName().get("villages");
        List<Long> song = villages.features().stream().filter(f -> "Song".equals(f.properties().get("county"))).map(Feature::id).toList();
        assertFalse(song.isEmpty());
        assertEquals(song, ids(read("villages", new FeatureQuery(null, Map.of("county", "Song"), FeatureQuery.UNLIMITED, 0))));

        LayerData lines = SeedFixture.byName().get("power_lines");
        List<Long> tenKv = lines.features().stream().filter(f -> Double.valueOf(10.0).equals(f.properties().get("voltage_kv")))
                .map(Feature::id).toList();
        assertFalse(tenKv.isEmpty());
        FeatureQuery q = new FeatureQuery(null, Map.of("voltage_kv", 10.0), FeatureQuery.UNLIMITED, 0);
        assertEquals(tenKv, ids(read("power_lines", q)));
        assertEquals(tenKv.size(), store.count("power_lines", q));
    }

    @Test
    void cql2FiltersSelectWhatAHandWrittenPredicateSelects() throws Exception {
        Geometry area = new WKTReader().read("POLYGON ((112.1 34.1, 112.4 34.1, 112.4 34.3, 112.1 34.3, 112.1 34.1))");
        Map<String, java.util.function.Predicate<Feature>> cases = new java.util.LinkedHashMap<>();
        cases.put("county = 'Song'", f -> "Song".equals(f.properties().get("county")));
        cases.put("upgrade_year >= 2021 AND upgrade_status = 'planned'", f -> f.properties().get("upgrade_year") instanceof Long y
                && y >= 2021 && "planned".equals(f.properties().get("upgrade_status")));
        cases.put("name_en LIKE 'D%'", f -> f.properties().get("name_en") instanceof String n && n.startsWith("D"));
        cases.put("county IN ('Song') OR upgrade_year IS NULL", f -> "Song".equals(f.properties().get("county"))
                || f.properties().get("upgrade_year") == null);
        cases.put("upgrade_year BETWEEN 2019 AND 2020", f -> f.properties().get("upgrade_year") instanceof Long y && y >= 2019 && y <= 2020);
        cases.put("NOT (county = 'Ruyang')", f -> f.properties().get("county") != null && !"Ruyang".equals(f.properties().get("county")));
        cases.put("S_INTERSECTS(geom, " + area + ")", f -> f.geometry().intersects(area));
        cases.put("S_WITHIN(geom, " + area + ") AND county = 'Ruyang'", f -> f.geometry().within(area)
                && "Ruyang".equals(f.properties().get("county")));
        cases.put("S_INTERSECTS(geom, " + area + ") OR county = 'Song'", f -> f.geometry().intersects(area)
                || "Song".equals(f.properties().get("county")));
        Layer villages = store.layer("villages").orElseThrow();
        for (Map.Entry<String, java.util.function.Predicate<Feature>> c : cases.entrySet()) {
            List<Long> expected = SeedFixture.byName().get("villages").features().stream().filter(c.getValue()).map(Feature::id).toList();
            FeatureQuery q = new FeatureQuery(null, Map.of(), FilterBinder.parseAndBind(c.getKey(), villages), List.of(), FeatureQuery.UNLIMITED, 0);
            assertEquals(expected, ids(read("villages", q)), c.getKey());
            assertEquals(expected.size(), store.count("villages", q), c.getKey());
            FeatureQuery page = new FeatureQuery(null, Map.of(), q.filter(), List.of(), 2, 1);
            assertEquals(expected.stream().skip(1).limit(2).toList(), ids(read("villages", page)), c.getKey() + " page");
        }
    }

    /** Chinese names with pinyin, a Danish capital for Ø, RFC 3339 survey times; one has no county, one no time. */
    private void createPlaces() throws Exception {
        Layer places = new Layer("places", "地名", null, null, GeometryKind.POINT, List.of(
                new PropertyDefinition("name_zh", PropertyType.STRING), new PropertyDefinition("name_pinyin", PropertyType.STRING),
                new PropertyDefinition("county", PropertyType.STRING), new PropertyDefinition("surveyed", PropertyType.STRING)), null, null);
        store.createLayer(places);
        WKTReader wkt = new WKTReader();
        store.insert("places", List.of(
                place(1, wkt.read("POINT (112.214 34.246)"), "程村", "Chéngcūn", "嵩县", "2024-05-01T08:30:00Z"),
                place(2, wkt.read("POINT (112.004 34.289)"), "东源头村", "Dōngyuántóu", "嵩县", "2024-06-01T00:00:00Z"),
                place(3, wkt.read("POINT (112.4669 34.154)"), "汝阳县城", "RǓYÁNG", "汝阳", "2023-12-31T23:59:59Z"),
                place(4, wkt.read("POINT (112.2 34.05)"), "三合村", "Sānhé", "嵩县", null),
                place(5, wkt.read("POINT (112.1 34.1)"), "哥本哈根", "KØBENHAVN", null, "2024-05-01T08:29:59Z")));
    }

    private static Feature place(long id, Geometry g, String zh, String pinyin, String county, String surveyed) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("name_zh", zh);
        p.put("name_pinyin", pinyin);
        if (county != null) p.put("county", county);
        if (surveyed != null) p.put("surveyed", surveyed);
        return new Feature(id, g, p);
    }

    /** Squares: 1 = BBOX(112.4, 34.1, 112.5, 34.2); 2 touches it on the east; 3 overlaps its NE quarter; 4 is far away. */
    private void createPlots() throws Exception {
        store.createLayer(new Layer("plots", "地块", null, null, GeometryKind.POLYGON, List.of(new PropertyDefinition("parcel", PropertyType.STRING)), null, null));
        WKTReader wkt = new WKTReader();
        store.insert("plots", List.of(
                new Feature(1, wkt.read("POLYGON ((112.4 34.1, 112.5 34.1, 112.5 34.2, 112.4 34.2, 112.4 34.1))"), Map.of("parcel", "甲")),
                new Feature(2, wkt.read("POLYGON ((112.5 34.1, 112.6 34.1, 112.6 34.2, 112.5 34.2, 112.5 34.1))"), Map.of("parcel", "乙")),
                new Feature(3, wkt.read("POLYGON ((112.45 34.15, 112.55 34.15, 112.55 34.25, 112.45 34.25, 112.45 34.15))"), Map.of("parcel", "丙")),
                new Feature(4, wkt.read("POLYGON ((113 35, 113.1 35, 113.1 35.1, 113 35.1, 113 35))"), Map.of("parcel", "丁"))));
    }

    private void assertFilterSelects(String layer, String cql2, List<Long> expected) throws IOException {
        FeatureQuery q = new FeatureQuery(null, Map.of(), FilterBinder.parseAndBind(cql2, store.layer(layer).orElseThrow()), List.of(), FeatureQuery.UNLIMITED, 0);
        assertEquals(expected, ids(read(layer, q)), cql2);
        assertEquals(expected.size(), store.count(layer, q), cql2 + " count");
        FeatureQuery page = new FeatureQuery(null, Map.of(), q.filter(), List.of(), 2, 1);
        assertEquals(expected.stream().skip(1).limit(2).toList(), ids(read(layer, page)), cql2 + " page");
    }

    @Test
    void caseiAndAccentiFoldTextAsTheStandardSaysAndLeaveChineseAlone() throws Exception {
        createPlaces();
        assertFilterSelects("places", "CASEI(name_pinyin) = casei('RǔYáng')", List.of(3L));
        assertFilterSelects("places", "ACCENTI(name_pinyin) = 'Dongyuantou'", List.of(2L));
        assertFilterSelects("places", "ACCENTI(name_pinyin) = accenti('Dōngyuántóu')", List.of(2L));
        assertFilterSelects("places", "name_pinyin = 'Dongyuantou'", List.of());
        assertFilterSelects("places", "ACCENTI(CASEI(name_pinyin)) LIKE accenti(casei('%Ó%'))", List.of(2L, 5L));
        assertFilterSelects("places", "ACCENTI(CASEI(name_pinyin)) = accenti(casei('kobenhavn'))", List.of(5L));
        assertFilterSelects("places", "CASEI(name_zh) = CASEI('程村')", List.of(1L));
        assertFilterSelects("places", "ACCENTI(name_zh) IN ('程村', '东源头村')", List.of(1L, 2L));
        assertFilterSelects("places", "CASEI(county) <> casei('嵩县')", List.of(3L));
        assertFilterSelects("places", "NOT (ACCENTI(name_pinyin) LIKE 'S%')", List.of(1L, 2L, 3L, 5L));
        assertFilterSelects("places", "CASEI(name_pinyin) > 'd'", List.of(2L, 3L, 4L, 5L));
        assertFilterSelects("places", "ACCENTI(CASEI(name_pinyin)) BETWEEN 'c' AND 'l'", List.of(1L, 2L, 5L));
        assertFilterSelects("places", "county = '嵩县' AND ACCENTI(name_pinyin) LIKE '%n'", List.of(1L));
        assertFilterSelects("places", "ACCENTI(name_pinyin) LIKE 'Ch%' OR S_INTERSECTS(geom, BBOX(112.4, 34.1, 112.5, 34.2))", List.of(1L, 3L));
    }

    @Test
    void booleansAndTemporalLiteralsCompareAsTheStandardSays() throws Exception {
        createPlaces();
        assertFilterSelects("places", "TRUE", List.of(1L, 2L, 3L, 4L, 5L));
        assertFilterSelects("places", "FALSE", List.of());
        assertFilterSelects("places", "FALSE OR county = '汝阳'", List.of(3L));
        assertFilterSelects("places", "surveyed >= TIMESTAMP('2024-05-01T08:30:00Z')", List.of(1L, 2L));
        assertFilterSelects("places", "surveyed < TIMESTAMP('2024-05-01T08:30:00Z')", List.of(3L, 5L));
        assertFilterSelects("places", "surveyed = TIMESTAMP('2024-05-01T08:30:00.000Z')", List.of(1L));
        assertFilterSelects("places", "surveyed < DATE('2024-01-01')", List.of(3L));
        assertFilterSelects("places", "surveyed IS NULL OR surveyed > DATE('2024-05-31')", List.of(2L, 4L));
    }

    @Test
    void everySpatialFunctionSelectsWhatDe9imSays() throws Exception {
        createPlots();
        String a = "BBOX(112.4, 34.1, 112.5, 34.2)";
        assertFilterSelects("plots", "S_EQUALS(geom, " + a + ")", List.of(1L));
        assertFilterSelects("plots", "S_EQUALS(geom, POLYGON((112.5 34.2, 112.4 34.2, 112.4 34.1, 112.5 34.1, 112.5 34.2)))", List.of(1L));
        assertFilterSelects("plots", "S_TOUCHES(geom, " + a + ")", List.of(2L));
        assertFilterSelects("plots", "S_OVERLAPS(geom, " + a + ")", List.of(3L));
        assertFilterSelects("plots", "S_OVERLAPS(" + a + ", geom)", List.of(3L));
        assertFilterSelects("plots", "S_CROSSES(geom, LINESTRING(112.35 34.15, 112.65 34.15))", List.of(1L, 2L));
        assertFilterSelects("plots", "S_CROSSES(LINESTRING(112.35 34.15, 112.65 34.15), geom)", List.of(1L, 2L));
        assertFilterSelects("plots", "S_DISJOINT(geom, POINT(112.45 34.15))", List.of(2L, 4L));
        assertFilterSelects("plots", "S_WITHIN(geom, BBOX(112.35, 34.05, 112.65, 34.25))", List.of(1L, 2L, 3L));
        assertFilterSelects("plots", "S_CONTAINS(geom, POINT(112.45 34.15))", List.of(1L));
        assertFilterSelects("plots", "S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(113.05 35.05), LINESTRING(112.58 34.12, 112.59 34.13)))", List.of(2L, 4L));
        assertFilterSelects("plots", "S_INTERSECTS(geom, MULTIPOLYGON(((112.41 34.11, 112.42 34.11, 112.42 34.12, 112.41 34.11)),"
                + " ((113.01 35.01, 113.02 35.01, 113.02 35.02, 113.01 35.01))))", List.of(1L, 4L));
        assertFilterSelects("plots", "NOT S_TOUCHES(geom, " + a + ") AND parcel <> '丁'", List.of(1L, 3L));
        assertFilterSelects("plots", "S_INTERSECTS(POINT(1 1), POINT(2 2)) OR parcel = '甲'", List.of(1L));
    }

    @Test
    void sortsByPropertiesWithNullsLastThenById() throws IOException {
        List<FeatureQuery.SortKey> keys = List.of(new FeatureQuery.SortKey("county", true), new FeatureQuery.SortKey("upgrade_year", false));
        List<Feature> sorted = read("villages", new FeatureQuery(null, Map.of(), null, keys, FeatureQuery.UNLIMITED, 0));
        java.util.Comparator<Feature> byCounty = java.util.Comparator.comparing(f -> (String) f.properties().get("county"),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        java.util.Comparator<Feature> byYearDesc = java.util.Comparator.comparing(f -> (Long) f.properties().get("upgrade_year"),
                java.util.Comparator.nullsLast(java.util.Comparator.<Long>reverseOrder()));
        List<Long> expected = SeedFixture.byName().get("villages").features().stream()
                .sorted(byCounty.thenComparing(byYearDesc).thenComparingLong(Feature::id)).map(Feature::id).toList();
        assertEquals(expected, ids(sorted));
    }

    @Test
    void pagesAreOrderedByIdAndTogetherCoverTheLayerOnce() throws IOException {
        long total = store.count("power_lines", FeatureQuery.all());
        List<Long> all = new ArrayList<>();
        for (long offset = 0; offset < total; offset += 7) {
            List<Long> page = ids(read("power_lines", new FeatureQuery(null, Map.of(), 7, offset)));
            assertTrue(page.size() <= 7);
            all.addAll(page);
        }
        assertEquals(ids(read("power_lines", FeatureQuery.all())), all);
        assertTrue(read("power_lines", new FeatureQuery(null, Map.of(), 5, total)).isEmpty());

        Envelope everything = new Envelope(111, 114, 33, 36);
        List<Long> pagedWithBox = new ArrayList<>();
        for (long offset = 0; offset < total; offset += 10) {
            pagedWithBox.addAll(ids(read("power_lines", new FeatureQuery(everything, Map.of(), 10, offset))));
        }
        assertEquals(all, pagedWithBox);
    }

    @Test
    void nearestFeaturesComeInOrderOfEllipsoidalDistance() {
        LayerData villages = SeedFixture.byName().get("villages");
        for (Coordinate p : List.of(new Coordinate(112.4669, 34.1540), new Coordinate(112.22, 34.24), new Coordinate(111.5, 33.8))) {
            List<Double> expected = villages.features().stream().map(f -> vincenty(p, f.geometry())).sorted().limit(5).toList();
            List<Neighbour> found = store.nearest("villages", p, 5);
            assertEquals(5, found.size());
            for (int i = 0; i < 5; i++) {
                // both stores measure on the ellipsoid (GeographicLib / PostGIS geography): equal to Vincenty within 1 mm
                assertEquals(expected.get(i), found.get(i).distanceMetres(), 0.001, "rank " + i + " from " + p);
                assertEquals(vincenty(p, found.get(i).feature().geometry()), found.get(i).distanceMetres(), 0.001);
            }
        }
        Coordinate onLine = new Coordinate(112.30, 34.20);
        List<Neighbour> lines = store.nearest("power_lines", onLine, 3);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).distanceMetres() <= lines.get(1).distanceMetres());
        assertTrue(store.nearest("projects", onLine, 3).isEmpty());
    }

    @Test
    void featuresWithoutGeometryAreStoredCountedAndListedButNeverMatchASpatialTest() throws Exception {
        Layer ledger = new Layer("ledger", "台账", "台账", null, GeometryKind.POINT,
                List.of(new PropertyDefinition("name_zh", PropertyType.STRING)), null, null);
        store.createLayer(ledger);
        Geometry chengcun = new WKTReader().read("POINT (112.214 34.246)");
        store.insert("ledger", List.of(new Feature(1, null, Map.of("name_zh", "台账项目 001（待补充）")),
                new Feature(2, chengcun, Map.of("name_zh", "程村台区")), new Feature(3, null, Map.of("name_zh", "台账项目 003"))));
        assertEquals(3, store.count("ledger", FeatureQuery.all()), "counts without a bbox include features without a place");
        List<Feature> all = read("ledger", FeatureQuery.all());
        assertEquals(List.of(1L, 2L, 3L), ids(all));
        assertFalse(all.get(0).hasGeometry());
        assertEquals("台账项目 001（待补充）", all.get(0).properties().get("name_zh"));
        assertTrue(all.get(1).geometry().equalsExact(chengcun, 0));
        assertFalse(store.feature("ledger", 3).orElseThrow().hasGeometry());

        FeatureQuery world = new FeatureQuery(new Envelope(-180, 180, -90, 90), Map.of(), FeatureQuery.UNLIMITED, 0);
        assertEquals(List.of(2L), ids(read("ledger", world)), "a bbox never matches a feature without a place");
        assertEquals(1, store.count("ledger", world));
        Geometry area = new WKTReader().read("POLYGON ((112 34, 112.5 34, 112.5 34.5, 112 34.5, 112 34))");
        for (String cql : List.of("S_INTERSECTS(geom, " + area + ")", "S_INTERSECTS(geom, " + area + ") OR name_zh = '程村台区'")) {
            FeatureQuery q = new FeatureQuery(null, Map.of(), FilterBinder.parseAndBind(cql, ledger), List.of(), FeatureQuery.UNLIMITED, 0);
            assertEquals(List.of(2L), ids(read("ledger", q)), cql);
            assertEquals(1, store.count("ledger", q), cql);
        }
        FeatureQuery not = new FeatureQuery(null, Map.of(), FilterBinder.parseAndBind("NOT S_INTERSECTS(geom, " + area + ")", ledger),
                List.of(), FeatureQuery.UNLIMITED, 0);
        assertEquals(List.of(), ids(read("ledger", not)), "as in SQL, a spatial test on a NULL geometry is unknown, also negated");
        FeatureQuery byName = new FeatureQuery(null, Map.of("name_zh", "台账项目 003"), FeatureQuery.UNLIMITED, 0);
        assertEquals(List.of(3L), ids(read("ledger", byName)), "property filters still find them");

        List<Neighbour> nearest = store.nearest("ledger", new Coordinate(112.2, 34.2), 3);
        assertEquals(List.of(2L), nearest.stream().map(n -> n.feature().id()).toList(), "nearest only ranks features with a place");
        Envelope extent = store.extent("ledger").orElseThrow();
        assertEquals(112.214, extent.getMinX(), 1e-4);
        assertEquals(112.214, extent.getMaxX(), 1e-4);

        store.close();
        store = reopen();
        assertEquals(3, store.count("ledger", FeatureQuery.all()));
        assertFalse(store.feature("ledger", 1).orElseThrow().hasGeometry(), "a NULL geometry survives a restart");
    }

    @Test
    void theSeedLedgerHasNoPlacesAndItsFiguresAreKeptWithTheLayer() throws IOException {
        LayerData projects = SeedFixture.byName().get("projects");
        assertEquals(144, projects.features().size());
        assertEquals(144, store.count("projects", FeatureQuery.all()));
        assertEquals(0, store.count("projects", new FeatureQuery(new Envelope(-180, 180, -90, 90), Map.of(), FeatureQuery.UNLIMITED, 0)));
        assertTrue(store.extent("projects").isEmpty());
        assertEquals(36, store.count("projects", new FeatureQuery(null, Map.of("category", "industrial"), FeatureQuery.UNLIMITED, 0)));
        assertEquals(76, store.count("projects", new FeatureQuery(null, Map.of("category", "industry_finance"), FeatureQuery.UNLIMITED, 0)));
        Layer stored = store.layer("projects").orElseThrow();
        assertEquals(projects.layer().figures(), stored.figures());
        assertEquals(12_730_000_000.0, stored.figures().stream().filter(f -> f.key().equals("ledger_investment")).findFirst()
                .orElseThrow().value());
        List<Feature> enterprises = read("enterprises", FeatureQuery.all());
        assertEquals(24, enterprises.size());
        assertEquals(14, enterprises.stream().filter(Feature::hasGeometry).count());
    }

    @Test
    void findsOneFeatureById() {
        Feature expected = SeedFixture.byName().get("enterprises").features().get(0);
        Feature f = store.feature("enterprises", expected.id()).orElseThrow();
        assertEquals(expected.properties(), f.properties());
        assertTrue(store.feature("enterprises", 999_999).isEmpty());
    }

    @Test
    void extentCoversEveryFeature() {
        for (LayerData d : SeedFixture.layers()) {
            if (d.features().stream().noneMatch(Feature::hasGeometry)) {
                assertTrue(store.extent(d.layer().name()).isEmpty(), d.layer().name() + ": no feature has a place");
                continue;
            }
            Envelope e = store.extent(d.layer().name()).orElseThrow();
            Envelope expected = new Envelope();
            d.features().stream().filter(Feature::hasGeometry).forEach(f -> expected.expandToInclude(f.geometry().getEnvelopeInternal()));
            assertEquals(expected.getMinX(), e.getMinX(), 1e-4);
            assertEquals(expected.getMaxY(), e.getMaxY(), 1e-4);
        }
    }

    @Test
    void aBatchWithOneBadFeatureWritesNothing() throws Exception {
        long before = store.count("villages", FeatureQuery.all());
        Geometry p = new WKTReader().read("POINT (112.3 34.2)");
        Map<String, Object> props = Map.of("name_en", "Test village");
        // second feature reuses an existing id: the whole batch must roll back
        List<Feature> batch = List.of(new Feature(90_001, p, props), new Feature(1, p, props));
        ParkGridException e = assertThrows(ParkGridException.class, () -> store.insert("villages", batch));
        assertInstanceOf(ParkGridException.Conflict.class, e);
        assertEquals(before, store.count("villages", FeatureQuery.all()));
        assertTrue(store.feature("villages", 90_001).isEmpty());
    }

    @Test
    void rejectsWrongGeometryTypesUnknownPropertiesAndBadValues() throws Exception {
        Geometry line = new WKTReader().read("LINESTRING (112.3 34.2, 112.4 34.3)");
        Geometry point = new WKTReader().read("POINT (112.3 34.2)");
        assertEquals("geometry", assertThrows(ParkGridException.class,
                () -> store.insert("villages", List.of(new Feature(90_002, line, Map.of())))).parameter());
        assertEquals("colour", assertThrows(ParkGridException.class,
                () -> store.insert("villages", List.of(new Feature(90_003, point, Map.of("colour", "red"))))).parameter());
        assertEquals("population", assertThrows(ParkGridException.class,
                () -> store.insert("villages", List.of(new Feature(90_004, point, Map.of("population", "many"))))).parameter());
        Geometry bowtie = new WKTReader().read("POLYGON ((112 34, 112.1 34.1, 112.1 34, 112 34.1, 112 34))");
        assertEquals("geometry", assertThrows(ParkGridException.class,
                () -> store.insert("parcels", List.of(new Feature(90_005, bowtie, Map.of())))).parameter());
        assertEquals(SeedFixture.byName().get("villages").features().size(), store.count("villages", FeatureQuery.all()));
    }

    @Test
    void anImportWithOneBadLayerCreatesNoLayerEvenAfterARestart() throws Exception {
        Layer roads = new Layer("roads", "Roads", null, null, GeometryKind.LINESTRING, List.of(), null, null);
        Layer wells = new Layer("wells", "Wells", null, null, GeometryKind.POINT, List.of(), null, null);
        Geometry line = new WKTReader().read("LINESTRING (112.45 34.16, 112.46 34.17)");
        Geometry point = new WKTReader().read("POINT (112.45 34.16)");
        List<LayerData> batch = List.of(new LayerData(roads, List.of(new Feature(1, line, Map.of()))),
                new LayerData(wells, List.of(new Feature(1, point, Map.of()), new Feature(2, line, Map.of()))));
        assertThrows(ParkGridException.class, () -> store.importLayers(batch));
        assertTrue(store.layer("roads").isEmpty());
        assertTrue(store.layer("wells").isEmpty());
        // a layer that already exists makes the whole batch fail before anything is written
        List<LayerData> clash = List.of(new LayerData(roads, List.of()), new LayerData(store.layer("park").orElseThrow(), List.of()));
        assertThrows(ParkGridException.Conflict.class, () -> store.importLayers(clash));
        store.close();
        store = reopen();
        assertTrue(store.layer("roads").isEmpty(), "nothing of the failed imports is stored");
        store.importLayers(List.of(new LayerData(roads, List.of(new Feature(1, line, Map.of())))));
        assertEquals(1, store.count("roads", FeatureQuery.all()));
    }

    /** {@code n} points generated one at a time (never a list): what a big file's reader hands a store. */
    private static parkgrid.feature.LayerSource generated(Layer layer, long n, java.util.function.LongFunction<Feature> feature) {
        return new parkgrid.feature.LayerSource() {
            @Override public Layer layer() { return layer; }
            @Override public void forEach(parkgrid.feature.FeatureSink sink) throws IOException {
                for (long i = 1; i <= n; i++) sink.accept(feature.apply(i));
            }
        };
    }

    private static final Layer WELLS = new Layer("wells", "Wells", "水井", null, GeometryKind.POINT,
            List.of(new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("depth", PropertyType.INTEGER)), null, null);
    private static final GeometryFactory GF = new GeometryFactory();

    private static Feature well(long i) {
        return new Feature(i, GF.createPoint(new Coordinate(112.0 + (i % 1000) * 1e-4, 34.0 + (i / 1000) * 1e-4)),
                Map.of("name", "井" + i, "depth", i % 97));
    }

    @Test
    void importsAStreamLongerThanOneBatchWithProgressAfterEachBatch() {
        long n = 3 * ImportBatches.SIZE + 17;
        List<Long> reported = new ArrayList<>();
        store.importLayers(List.of(generated(WELLS, n, FeatureStoreContract::well)), (layer, written) -> {
            assertEquals("wells", layer);
            reported.add(written);
        });
        assertEquals(List.of(1000L, 2000L, 3000L, n), reported);
        assertEquals(n, store.count("wells", FeatureQuery.all()));
        Feature last = store.feature("wells", n).orElseThrow();
        assertEquals("井" + n, last.properties().get("name"));
        assertEquals(n % 97, last.properties().get("depth"));
    }

    /** PostGIS imports by COPY text, where tab, newline, CR and backslash are delimiters or escapes. */
    @Test
    void importedTextWithDelimitersAndAPolygonInAMultiPolygonLayerReadBackAsWritten() throws Exception {
        Layer parcels = new Layer("plots", "Plots", "地块", null, GeometryKind.MULTIPOLYGON,
                List.of(new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("area", PropertyType.NUMBER),
                        new PropertyDefinition("owner", PropertyType.STRING)), null, null);
        String odd = "东\t区\t一号\n第二行\r\\反斜杠\\N 末尾\\";
        Geometry polygon = new WKTReader().read("POLYGON ((112.4 34.1, 112.5 34.1, 112.5 34.2, 112.4 34.1))");
        Map<String, Object> first = new java.util.HashMap<>(Map.of("name", odd, "area", 1.5e-7));
        first.put("owner", null);
        store.importLayers(List.of(new LayerData(parcels, List.of(new Feature(1, polygon, first),
                new Feature(2, new WKTReader().read("MULTIPOLYGON (((112.6 34.1, 112.7 34.1, 112.7 34.2, 112.6 34.1)))"),
                        Map.of("name", "\\N", "area", 2.0, "owner", "张三"))))));
        Feature one = store.feature("plots", 1).orElseThrow();
        assertEquals(odd, one.properties().get("name"));
        assertEquals(1.5e-7, one.properties().get("area"));
        assertNull(one.properties().get("owner"));
        assertEquals(polygon.getArea(), one.geometry().getArea(), 1e-12);
        assertEquals("\\N", store.feature("plots", 2).orElseThrow().properties().get("name"), "the text \\N, not NULL");
        assertEquals("张三", store.feature("plots", 2).orElseThrow().properties().get("owner"));
    }

    @Test
    void aBadFeatureDeepInAStreamLeavesNoLayer() throws Exception {
        long bad = 2 * ImportBatches.SIZE + 5;
        var e = assertThrows(ParkGridException.InvalidInput.class, () -> store.importLayers(List.of(generated(WELLS, 4000,
                i -> i == bad ? new Feature(i, well(i).geometry(), Map.of("name", "井", "depth", "深")) : well(i)))));
        assertEquals("depth", e.parameter());
        assertTrue(e.getMessage().contains("feature " + bad), e.getMessage());
        assertTrue(store.layer("wells").isEmpty());
        store.close();
        store = reopen();
        assertTrue(store.layer("wells").isEmpty(), "nothing of the failed import is stored");
    }

    @Test
    void anIdRepeatedInALaterBatchIsNamedAndLeavesNoLayer() {
        long repeatedAt = ImportBatches.SIZE + 10; // the feature there has id 3, written in the first batch
        var e = assertThrows(ParkGridException.InvalidInput.class, () -> store.importLayers(List.of(generated(WELLS, 2500,
                i -> i == repeatedAt ? well(3) : well(i)))));
        assertEquals("id", e.parameter());
        assertTrue(e.getMessage().contains("feature 3: id appears twice"), e.getMessage());
        assertTrue(store.layer("wells").isEmpty());
    }

    @Test
    void aSourceThatFailsToReadLeavesNoLayer() {
        parkgrid.feature.LayerSource broken = new parkgrid.feature.LayerSource() {
            @Override public Layer layer() { return WELLS; }
            @Override public void forEach(parkgrid.feature.FeatureSink sink) throws IOException {
                for (long i = 1; i <= 1500; i++) sink.accept(well(i));
                throw new IOException("connection reset while reading the upload");
            }
        };
        var e = assertThrows(java.io.UncheckedIOException.class, () -> store.importLayers(List.of(broken)));
        assertTrue(e.getMessage().contains("wells"), e.getMessage());
        assertTrue(store.layer("wells").isEmpty());
        store.importLayers(List.of(generated(WELLS, 10, FeatureStoreContract::well)));
        assertEquals(10, store.count("wells", FeatureQuery.all()), "the failed import left nothing in the way");
    }

    @Test
    void creatingAnExistingLayerConflicts() {
        Layer park = store.layer("park").orElseThrow();
        assertThrows(ParkGridException.Conflict.class, () -> store.createLayer(park));
    }

    @Test
    void unknownLayerIsNotFound() {
        assertThrows(ParkGridException.NotFound.class, () -> store.count("roads", FeatureQuery.all()));
    }

    @Test
    void keepsDataAndLayersAcrossARestart() throws Exception {
        Layer roads = new Layer("roads", "Roads", "道路", "test layer", GeometryKind.LINESTRING,
                List.of(new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("lanes", PropertyType.INTEGER)),
                null, null);
        store.createLayer(roads);
        Geometry line = new WKTReader().read("LINESTRING (112.45 34.16, 112.46 34.17)");
        store.insert("roads", List.of(new Feature(1, line, Map.of("name", "Park road", "lanes", 4L))));
        store.close();
        store = reopen();
        assertEquals(roads, store.layer("roads").orElseThrow());
        Feature f = store.feature("roads", 1).orElseThrow();
        assertEquals(4L, f.properties().get("lanes"));
        assertFalse(SeedData.loadIfEmpty(store));
        assertEquals(SeedFixture.layers().size() + 1, store.layers().size());
    }

    protected List<Feature> read(String layer, FeatureQuery q) throws IOException {
        List<Feature> out = new ArrayList<>();
        store.forEach(layer, q, out::add);
        return out;
    }

    private static List<Long> ids(List<Feature> fs) {
        return fs.stream().map(Feature::id).toList();
    }

    private static double vincenty(Coordinate p, Geometry point) {
        return parkgrid.testing.Vincenty.metres(p.x, p.y, point.getCoordinate().x, point.getCoordinate().y);
    }
}
