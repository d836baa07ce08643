package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.filter.FilterBinder;
import parkgrid.io.SeedData;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;

/** The GeoPackage and PostGIS stores, loaded with the same seed, answer the same queries identically. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoresAgreeTest {
    private static final String SCHEMA = "agree_test";
    @TempDir
    static Path dir;
    private String url;
    private FeatureStore geoPackage;
    private FeatureStore postGis;

    @BeforeAll
    void loadBoth() throws Exception {
        url = RequiredServices.postGisUrl();
        dropSchema();
        geoPackage = GeoPackageStore.open(dir.resolve("agree.gpkg"));
        postGis = PostGisStore.open(url, "postgres", "", SCHEMA);
        SeedData.loadIfEmpty(geoPackage);
        SeedData.loadIfEmpty(postGis);
    }

    @AfterAll
    void close() throws Exception {
        if (geoPackage != null) geoPackage.close();
        if (postGis != null) postGis.close();
        if (url != null) dropSchema();
    }

    private void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void sameLayers() {
        assertEquals(geoPackage.layers(), postGis.layers());
    }

    @Test
    void sameAnswersToTheSameQueries() throws IOException {
        List<Envelope> boxes = List.of(new Envelope(112.44, 112.47, 34.16, 34.18), new Envelope(111.9, 112.3, 34.0, 34.3),
                new Envelope(112.3, 112.4, 34.1, 34.2), new Envelope(112.4, 112.45, 34.6, 34.62));
        int compared = 0;
        for (Layer layer : geoPackage.layers()) {
            List<FeatureQuery> queries = new ArrayList<>();
            queries.add(FeatureQuery.all());
            queries.add(new FeatureQuery(null, Map.of(), 5, 3));
            for (Envelope b : boxes) {
                queries.add(new FeatureQuery(b, Map.of(), FeatureQuery.UNLIMITED, 0));
                queries.add(new FeatureQuery(b, Map.of(), 4, 2));
            }
            // CQL2: a spatial predicate (SQL in PostGIS, Java in the GeoPackage), alone and with paging and sorting
            var area = FilterBinder.parseAndBind("S_INTERSECTS(geom, POLYGON((112.1 34.0, 112.5 34.0, 112.5 34.3, 112.1 34.3, 112.1 34.0)))", layer);
            queries.add(new FeatureQuery(null, Map.of(), area, List.of(), FeatureQuery.UNLIMITED, 0));
            if (!layer.properties().isEmpty()) {
                var sort = List.of(new FeatureQuery.SortKey(layer.properties().get(0).name(), false));
                queries.add(new FeatureQuery(null, Map.of(), area, sort, 3, 1));
                queries.add(new FeatureQuery(boxes.get(1), Map.of(), null, sort, FeatureQuery.UNLIMITED, 0));
            }
            // an equality filter on every property, with the value the first feature has
            List<Feature> all = read(geoPackage, layer.name(), FeatureQuery.all());
            if (!all.isEmpty()) {
                all.get(0).properties().forEach((k, v) -> {
                    if (v != null) queries.add(new FeatureQuery(null, Map.of(k, v), FeatureQuery.UNLIMITED, 0));
                });
            }
            for (FeatureQuery q : queries) {
                List<Feature> a = read(geoPackage, layer.name(), q), b = read(postGis, layer.name(), q);
                assertEquals(a.size(), b.size(), layer.name() + " " + q);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).id(), b.get(i).id(), layer.name() + " " + q);
                    assertEquals(a.get(i).properties(), b.get(i).properties());
                    assertEquals(a.get(i).hasGeometry(), b.get(i).hasGeometry(), layer.name() + " " + a.get(i).id() + ": both or neither without a place");
                    if (a.get(i).hasGeometry()) assertTrue(a.get(i).geometry().equalsExact(b.get(i).geometry(), 0));
                }
                assertEquals(geoPackage.count(layer.name(), q.unpaged()), postGis.count(layer.name(), q.unpaged()));
                compared++;
            }
        }
        assertTrue(compared > 100, "compared " + compared + " queries");
    }

    private static List<Feature> read(FeatureStore s, String layer, FeatureQuery q) throws IOException {
        List<Feature> out = new ArrayList<>();
        s.forEach(layer, q, out::add);
        return out;
    }
}
