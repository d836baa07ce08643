package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                List<Long> expected = d.features().stream().filter(f -> f.geometry().intersects(boxGeometry)).map(Feature::id).toList();
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
    void findsOneFeatureById() {
        Feature expected = SeedFixture.byName().get("enterprises").features().get(0);
        Feature f = store.feature("enterprises", expected.id()).orElseThrow();
        assertEquals(expected.properties(), f.properties());
        assertTrue(store.feature("enterprises", 999_999).isEmpty());
    }

    @Test
    void extentCoversEveryFeature() {
        for (LayerData d : SeedFixture.layers()) {
            if (d.features().isEmpty()) {
                assertTrue(store.extent(d.layer().name()).isEmpty());
                continue;
            }
            Envelope e = store.extent(d.layer().name()).orElseThrow();
            Envelope expected = new Envelope();
            d.features().forEach(f -> expected.expandToInclude(f.geometry().getEnvelopeInternal()));
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
        assertEquals(409, e.status());
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
        assertEquals(409, assertThrows(ParkGridException.class, () -> store.importLayers(clash)).status());
        store.close();
        store = reopen();
        assertTrue(store.layer("roads").isEmpty(), "nothing of the failed imports is stored");
        store.importLayers(List.of(new LayerData(roads, List.of(new Feature(1, line, Map.of())))));
        assertEquals(1, store.count("roads", FeatureQuery.all()));
    }

    @Test
    void creatingAnExistingLayerConflicts() {
        Layer park = store.layer("park").orElseThrow();
        assertEquals(409, assertThrows(ParkGridException.class, () -> store.createLayer(park)).status());
    }

    @Test
    void unknownLayerIsNotFound() {
        assertEquals(404, assertThrows(ParkGridException.class, () -> store.count("roads", FeatureQuery.all())).status());
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
