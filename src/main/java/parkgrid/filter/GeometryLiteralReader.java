package parkgrid.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/**
 * Reads one CQL2 geometry literal from the token stream: the WKT forms POINT, LINESTRING, POLYGON,
 * MULTIPOINT (with or without parentheses around points), MULTILINESTRING, MULTIPOLYGON and
 * GEOMETRYCOLLECTION, each optionally tagged {@code Z} with a third ordinate that is read and dropped
 * (features here are 2D), and {@code BBOX(min1, min2, max1, max2)} (or the 6-number form, whose heights
 * are ignored) as a rectangle polygon.
 *
 * <p>Coordinates are in the axis order of the literal CRS ({@code filter-crs}, default CRS84 longitude
 * then latitude; EPSG:4326 and EPSG:4490 latitude then longitude; projected CRSs as their authority
 * defines, e.g. EPSG:4546 northing then easting, metres). The result is converted to CRS84 lon/lat with
 * {@link CrsTransformer} and gets SRID 4326. Geographic positions outside lon [-180, 180] / lat [-90, 90]
 * are rejected where they stand, which catches swapped axes; the converted literal is checked for OGC
 * validity by {@link GeometryLiteralCheck}.
 */
final class GeometryLiteralReader {
    /** The keywords that start a geometry literal, in the order error messages list them. */
    static final List<String> TYPES = List.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
            "GEOMETRYCOLLECTION", "BBOX");

    private final Cql2TokenCursor cursor;
    private final SupportedCrs crs;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);

    GeometryLiteralReader(Cql2TokenCursor cursor, SupportedCrs crs) {
        this.cursor = cursor;
        this.crs = crs;
    }

    /** True when the cursor is at a geometry keyword followed by '(' (or by Z and '('). */
    static boolean startsAt(Cql2TokenCursor cursor) {
        Cql2Token t = cursor.peek();
        if (t.kind() != Cql2Token.Kind.WORD || !TYPES.contains(t.text().toUpperCase(Locale.ROOT))) return false;
        Cql2Token next = cursor.peek(1);
        return next.kind() == Cql2Token.Kind.LEFT_PAREN
                || (next.isKeyword("Z") && cursor.peek(2).kind() == Cql2Token.Kind.LEFT_PAREN);
    }

    /** Reads the literal starting at the cursor, in CRS84; @throws ParkGridException (invalid input) naming the position */
    Geometry read() {
        Cql2Token type = cursor.peek();
        Geometry asWritten = readTagged();
        Geometry lonLat = GeometryLiteralCheck.toCrs84(asWritten, crs, type.text().toUpperCase(Locale.ROOT),
                message -> Cql2TextParser.syntaxError(type.position(), message));
        return lonLat;
    }

    /** One tagged literal in the literal CRS's own axis order. */
    private Geometry readTagged() {
        Cql2Token type = cursor.advance();
        String name = type.text().toUpperCase(Locale.ROOT);
        if (cursor.peek().isKeyword("Z")) {
            if (name.equals("BBOX")) throw Cql2TextParser.syntaxError(cursor.peek().position(), "BBOX takes no Z tag; give 6 numbers for heights");
            cursor.advance();
        }
        try {
            return switch (name) {
                case "POINT" -> {
                    cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after POINT");
                    Point p = factory.createPoint(coordinate());
                    cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "')' to close POINT");
                    yield p;
                }
                case "LINESTRING" -> factory.createLineString(coordinates());
                case "POLYGON" -> polygon();
                case "MULTIPOINT" -> factory.createMultiPointFromCoords(multiPointCoordinates());
                case "MULTILINESTRING" -> {
                    List<LineString> lines = new ArrayList<>();
                    cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after MULTILINESTRING");
                    do lines.add(factory.createLineString(coordinates())); while (cursor.acceptComma());
                    cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in MULTILINESTRING");
                    yield factory.createMultiLineString(lines.toArray(new LineString[0]));
                }
                case "MULTIPOLYGON" -> {
                    List<Polygon> polygons = new ArrayList<>();
                    cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after MULTIPOLYGON");
                    do polygons.add(polygon()); while (cursor.acceptComma());
                    cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in MULTIPOLYGON");
                    yield factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
                }
                case "GEOMETRYCOLLECTION" -> {
                    List<Geometry> parts = new ArrayList<>();
                    cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after GEOMETRYCOLLECTION");
                    do {
                        if (!startsAt(cursor) || cursor.peek().isKeyword("BBOX")) {
                            throw Cql2TextParser.syntaxError(cursor.peek().position(), "expected a geometry (POINT, LINESTRING, POLYGON, MULTI..."
                                    + " or GEOMETRYCOLLECTION) in GEOMETRYCOLLECTION but found " + cursor.peek().describe());
                        }
                        parts.add(readTagged());
                    } while (cursor.acceptComma());
                    cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in GEOMETRYCOLLECTION");
                    yield factory.createGeometryCollection(parts.toArray(new Geometry[0]));
                }
                case "BBOX" -> bbox(type);
                default -> throw new AssertionError(name);
            };
        } catch (IllegalArgumentException e) {
            // JTS rejects unclosed rings and one-point lines this way
            throw Cql2TextParser.syntaxError(type.position(), "the " + name + " literal is not a valid geometry: " + e.getMessage());
        }
    }

    private Polygon polygon() {
        cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' to open the polygon's rings");
        List<LinearRing> rings = new ArrayList<>();
        do rings.add(factory.createLinearRing(coordinates())); while (cursor.acceptComma());
        cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' after a polygon ring");
        return factory.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0]));
    }

    /** {@code (x y, x y, ...)} */
    private Coordinate[] coordinates() {
        cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' to open a coordinate list");
        List<Coordinate> list = new ArrayList<>();
        do list.add(coordinate()); while (cursor.acceptComma());
        cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in the coordinate list");
        return list.toArray(new Coordinate[0]);
    }

    /** Both {@code ((x y), (x y))} and {@code (x y, x y)}. */
    private Coordinate[] multiPointCoordinates() {
        cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after MULTIPOINT");
        List<Coordinate> list = new ArrayList<>();
        do {
            if (cursor.peek().kind() == Cql2Token.Kind.LEFT_PAREN) {
                cursor.advance();
                list.add(coordinate());
                cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "')' after the point");
            } else {
                list.add(coordinate());
            }
        } while (cursor.acceptComma());
        cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in MULTIPOINT");
        return list.toArray(new Coordinate[0]);
    }

    /** Two ordinates in the CRS's axis order, and an optional height that is dropped. */
    private Coordinate coordinate() {
        double first = ordinate(0);
        double second = ordinate(1);
        if (cursor.peek().kind() == Cql2Token.Kind.NUMBER) cursor.advance();
        return new Coordinate(first, second);
    }

    private double ordinate(int axis) {
        GeometryLiteralCheck.Axis meaning = GeometryLiteralCheck.axis(crs, axis);
        Cql2Token t = cursor.expect(Cql2Token.Kind.NUMBER, "a " + meaning.noun());
        double v = ((Number) t.value()).doubleValue();
        String problem = meaning.problem(v, crs);
        if (problem != null) throw Cql2TextParser.syntaxError(t.position(), problem);
        return v;
    }

    /** {@code BBOX(min1, min2, max1, max2)} or the 6-number form with heights, in the CRS's axis order. */
    private Geometry bbox(Cql2Token type) {
        cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after BBOX");
        List<Double> n = new ArrayList<>();
        n.add(boxNumber());
        while (cursor.acceptComma()) n.add(boxNumber());
        cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in BBOX");
        try {
            return GeometryLiteralCheck.box(n, crs, factory);
        } catch (IllegalArgumentException e) {
            throw Cql2TextParser.syntaxError(type.position(), e.getMessage());
        }
    }

    private double boxNumber() {
        return ((Number) cursor.expect(Cql2Token.Kind.NUMBER, "a number").value()).doubleValue();
    }
}
