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
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import parkgrid.feature.ParkGridException;

/**
 * Reads one CQL2 geometry literal from the token stream: the WKT forms POINT, LINESTRING, POLYGON,
 * MULTIPOINT (with or without parentheses around points), MULTILINESTRING, MULTIPOLYGON, 2D only, and
 * {@code BBOX(minlon, minlat, maxlon, maxlat)} (or the 6-number form, whose heights are ignored) as a
 * rectangle polygon. Coordinates are CRS84 longitude then latitude in degrees; the geometry gets SRID 4326.
 *
 * <p>Positions outside lon [-180, 180] / lat [-90, 90] are rejected where they stand, which catches swapped
 * axes; a literal JTS rejects (unclosed ring, one-point line) or that is not OGC-valid (self-intersection)
 * is rejected at the literal's keyword. Boxes across the antimeridian are not supported.
 */
final class GeometryLiteralReader {
    /** The keywords that start a geometry literal, in the order error messages list them. */
    static final List<String> TYPES =
            List.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "BBOX");

    private final Cql2TokenCursor cursor;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);

    GeometryLiteralReader(Cql2TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** True when the cursor is at a geometry keyword followed by '('. */
    static boolean startsAt(Cql2TokenCursor cursor) {
        Cql2Token t = cursor.peek();
        return t.kind() == Cql2Token.Kind.WORD && TYPES.contains(t.text().toUpperCase(Locale.ROOT))
                && cursor.peekSecond().kind() == Cql2Token.Kind.LEFT_PAREN;
    }

    /** Reads the literal starting at the cursor; @throws ParkGridException 400 naming the position */
    Geometry read() {
        Cql2Token type = cursor.advance();
        String name = type.text().toUpperCase(Locale.ROOT);
        Geometry g;
        try {
            g = switch (name) {
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
                case "BBOX" -> bbox(type);
                default -> throw new AssertionError(name);
            };
        } catch (IllegalArgumentException e) {
            // JTS rejects unclosed rings and one-point lines this way
            throw Cql2TextParser.syntaxError(type.position(), "the " + name + " literal is not a valid geometry: " + e.getMessage());
        }
        TopologyValidationError invalid = new IsValidOp(g).getValidationError();
        if (invalid != null) {
            throw Cql2TextParser.syntaxError(type.position(), "the " + name + " literal is not a valid geometry: " + invalid.getMessage()
                    + " at or near (" + invalid.getCoordinate().x + " " + invalid.getCoordinate().y + ")");
        }
        return g;
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

    private Coordinate coordinate() {
        double lon = number("a longitude", -180, 180);
        double lat = number("a latitude", -90, 90);
        return new Coordinate(lon, lat);
    }

    private double number(String what, double min, double max) {
        Cql2Token t = cursor.expect(Cql2Token.Kind.NUMBER, what);
        double v = ((Number) t.value()).doubleValue();
        if (v < min || v > max) {
            throw Cql2TextParser.syntaxError(t.position(), what.substring(what.indexOf(' ') + 1) + " " + t.text() + " is outside [" + (int) min
                    + ", " + (int) max + "]; geometry literals are longitude latitude (CRS84)");
        }
        return v;
    }

    /** {@code BBOX(minlon, minlat, maxlon, maxlat)} or the 6-number form with heights, which are ignored. */
    private Geometry bbox(Cql2Token type) {
        cursor.expect(Cql2Token.Kind.LEFT_PAREN, "'(' after BBOX");
        List<Double> n = new ArrayList<>();
        n.add(boxNumber());
        while (cursor.acceptComma()) n.add(boxNumber());
        cursor.expect(Cql2Token.Kind.RIGHT_PAREN, "',' or ')' in BBOX");
        if (n.size() != 4 && n.size() != 6) {
            throw Cql2TextParser.syntaxError(type.position(), "BBOX needs 4 numbers (minlon, minlat, maxlon, maxlat) or 6, got " + n.size());
        }
        int k = n.size() / 2;
        double minX = n.get(0), minY = n.get(1), maxX = n.get(k), maxY = n.get(k + 1);
        if (Math.abs(minX) > 180 || Math.abs(maxX) > 180 || Math.abs(minY) > 90 || Math.abs(maxY) > 90) {
            throw Cql2TextParser.syntaxError(type.position(), "BBOX longitudes must be within [-180, 180] and latitudes within [-90, 90];"
                    + " the order is minlon, minlat, maxlon, maxlat (CRS84)");
        }
        if (minX > maxX || minY > maxY) {
            throw Cql2TextParser.syntaxError(type.position(), "BBOX minimum is greater than maximum (boxes across the antimeridian are not supported)");
        }
        return factory.toGeometry(new Envelope(minX, maxX, minY, maxY));
    }

    private double boxNumber() {
        return number("a number", -Double.MAX_VALUE, Double.MAX_VALUE);
    }
}
