package parkgrid.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** {@link WktText} writes what JTS's {@link WKTWriter} writes, ordinate for ordinate, for every kind a layer holds. */
class WktTextTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void sameTextAsJtsForRandomGeometriesOfEveryKind() {
        Random random = new Random(20261202);
        WktText ours = new WktText();
        WKTWriter jts = new WKTWriter();
        for (int i = 0; i < 20_000; i++) {
            Geometry g = switch (i % 6) {
                case 0 -> GF.createPoint(coordinate(random));
                case 1 -> GF.createLineString(coordinates(random, 2 + random.nextInt(5)));
                case 2 -> polygon(random);
                case 3 -> GF.createMultiPointFromCoords(coordinates(random, 1 + random.nextInt(4)));
                case 4 -> GF.createMultiLineString(new org.locationtech.jts.geom.LineString[] {
                    GF.createLineString(coordinates(random, 2)), GF.createLineString(coordinates(random, 3))});
                default -> GF.createMultiPolygon(new Polygon[] {polygon(random), polygon(random)});
            };
            StringBuilder sb = new StringBuilder();
            ours.append(sb, g);
            assertEquals(jts.write(g), sb.toString());
        }
    }

    @Test
    void sameTextAsJtsForEmptyPartsZAndCollections() throws Exception {
        WktText ours = new WktText();
        WKTWriter jts = new WKTWriter();
        WKTReader reader = new WKTReader();
        for (String wkt : List.of("POINT EMPTY", "LINESTRING EMPTY", "POLYGON EMPTY", "MULTIPOINT EMPTY", "MULTILINESTRING EMPTY",
                "MULTIPOLYGON EMPTY", "MULTILINESTRING (EMPTY, (1 2, 3 4))", "MULTIPOLYGON (EMPTY, ((0 0, 1 0, 1 1, 0 0)))",
                "POINT Z (112.47 34.15 100.5)", "LINESTRING Z (1 2 3, 4 5 6)", "POLYGON ((0 0, 10 0, 10 10, 0 0), (1 1, 2 1, 2 2, 1 1))",
                "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))", "LINEARRING (0 0, 1 0, 1 1, 0 0)",
                "POINT (-0 0.000001)", "POINT (1e21 -1e-7)", "POINT (38358614.25 3787123.5)")) {
            Geometry g = reader.read(wkt);
            StringBuilder sb = new StringBuilder();
            ours.append(sb, g);
            assertEquals(jts.write(g), sb.toString(), wkt);
        }
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE,
            1e-3, 1e-4, 1e7, 1e16, 123456789012345678.0, 0.1 + 0.2}) {
            Geometry g = GF.createPoint(new Coordinate(d, 1));
            StringBuilder sb = new StringBuilder();
            ours.append(sb, g);
            assertEquals(jts.write(g), sb.toString(), Double.toString(d));
        }
    }

    private static Polygon polygon(Random random) {
        Coordinate[] ring = coordinates(random, 4);
        ring[3] = ring[0].copy();
        LinearRing shell = GF.createLinearRing(ring);
        return GF.createPolygon(shell);
    }

    private static Coordinate[] coordinates(Random random, int n) {
        List<Coordinate> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(coordinate(random));
        return list.toArray(Coordinate[]::new);
    }

    /** Lon/lat of 河南 with full precision, rounded ones, Gauss–Krüger eastings, tiny and huge values with exponents. */
    private static Coordinate coordinate(Random random) {
        return new Coordinate(ordinate(random), ordinate(random));
    }

    private static double ordinate(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> 110 + random.nextDouble() * 6;
            case 1 -> Math.round((31 + random.nextDouble() * 6) * 1e6) / 1e6;
            case 2 -> 38_000_000 + random.nextDouble() * 1_000_000;
            case 3 -> (random.nextDouble() - 0.5) * 1e-6;
            case 4 -> random.nextInt(2000) - 1000;
            default -> (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(40) - 10);
        };
    }
}
