package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.geo.GeoJsonReader;
import parkgrid.store.geopackage.GeoPackageStore;
import parkgrid.testing.TestServer;

/** The default page is 1 000 features and a larger limit than 10 000 is clamped to 10 000. */
class PageSizeTest {
    private static final int FEATURES = 10_050;
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        GeoPackageStore store = GeoPackageStore.open(dir.resolve("many.gpkg"));
        store.createLayer(new Layer("poles", "Poles", null, null, GeometryKind.POINT, List.of(), null, null));
        List<Feature> poles = new ArrayList<>();
        for (int i = 1; i <= FEATURES; i++) {
            poles.add(new Feature(i, GeoJsonReader.WGS84.createPoint(new Coordinate(112 + i * 1e-5, 34)), Map.of()));
        }
        store.insert("poles", poles);
        server = TestServer.serving(store, dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void defaultLimitIsOneThousand() {
        JsonNode fc = server.get("/collections/poles/items").json();
        assertEquals(FEATURES, fc.get("numberMatched").asInt());
        assertEquals(1000, fc.get("numberReturned").asInt());
        assertEquals(1000, fc.get("features").size());
    }

    @Test
    void limitAboveTheMaximumIsClampedToTenThousand() {
        JsonNode fc = server.get("/collections/poles/items?limit=20000").json();
        assertEquals(10_000, fc.get("numberReturned").asInt());
        assertEquals(10_000, fc.get("features").size());
        JsonNode rest = server.get("/collections/poles/items?limit=20000&offset=10000").json();
        assertEquals(50, rest.get("features").size());
    }
}
