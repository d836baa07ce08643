package parkgrid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.LayerData;
import parkgrid.feature.LayerSource;
import parkgrid.feature.PropertyDefinition;
import parkgrid.store.FeatureChecks;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.TestServer;

/** Export through the real route, read back with our reader, compare with the seed feature by feature. */
public final class RoundTrip {
    private RoundTrip() {}

    /** GETs {@code pathAndQuery} and saves the body as {@code file}, failing on a status other than 200. */
    public static Path download(TestServer server, String pathAndQuery, Path file) throws IOException {
        TestServer.RawReply r = server.send("GET", pathAndQuery, "*/*", null);
        assertEquals(200, r.status(), pathAndQuery + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        Files.write(file, r.body());
        return file;
    }

    /** The seed layer as a store holds it (checked and typed). */
    public static LayerData seed(String layer) {
        return FeatureChecks.checked(SeedFixture.byName().get(layer));
    }

    /** Every feature of a source, in order. */
    public static List<Feature> features(LayerSource source) throws IOException {
        List<Feature> all = new ArrayList<>();
        source.forEach(all::add);
        return all;
    }

    /**
     * Same ids, geometries (within {@code tolerance}, ring orientation and start aside), property types and
     * values; {@code rename} maps a seed property name to the name the format gives back.
     */
    public static void assertSame(LayerData expected, LayerSource actual, UnaryOperator<String> rename, double tolerance)
            throws IOException {
        assertSame(expected, actual, rename, tolerance, false);
    }

    /**
     * As {@link #assertSame(LayerData, LayerSource, UnaryOperator, double)}; with {@code nullColumnsAreText} a
     * property without any value may come back as a string (a CSV cannot tell the type of an empty column).
     */
    public static void assertSame(LayerData expected, LayerSource actual, UnaryOperator<String> rename, double tolerance,
                                  boolean nullColumnsAreText) throws IOException {
        Map<String, PropertyDefinition> types = new HashMap<>();
        for (PropertyDefinition p : actual.layer().properties()) types.put(p.name(), p);
        for (PropertyDefinition p : expected.layer().properties()) {
            PropertyDefinition back = types.get(rename.apply(p.name()));
            assertNotNull(back, p.name() + " (as " + rename.apply(p.name()) + ") missing in " + actual.layer().properties());
            boolean empty = expected.features().stream().allMatch(f -> f.properties().get(p.name()) == null);
            if (!(nullColumnsAreText && empty)) assertEquals(p.type(), back.type(), p.name());
        }
        assertEquals(expected.layer().properties().size(), actual.layer().properties().size(), "" + actual.layer().properties());
        List<Feature> got = features(actual);
        assertEquals(expected.features().size(), got.size(), "feature count");
        for (int i = 0; i < got.size(); i++) {
            Feature e = expected.features().get(i), a = got.get(i);
            assertEquals(e.id(), a.id(), "id of feature " + i);
            assertGeometry(e.geometry(), a.geometry(), tolerance, "feature " + e.id());
            for (Map.Entry<String, Object> p : e.properties().entrySet()) {
                Object back = a.properties().get(rename.apply(p.getKey()));
                if (p.getValue() instanceof Double d && back instanceof Double b) {
                    assertEquals(d, b, Math.abs(d) * 1e-12, "feature " + e.id() + " " + p.getKey());
                } else {
                    assertEquals(p.getValue(), back, "feature " + e.id() + " " + p.getKey());
                }
            }
        }
    }

    public static void assertGeometry(Geometry expected, Geometry actual, double tolerance, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what);
        Geometry e = expected.norm(), a = actual.norm();
        assertTrue(e.equalsExact(a, tolerance), what + ": expected " + e + " got " + a);
    }
}
