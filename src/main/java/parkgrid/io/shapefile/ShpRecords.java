package parkgrid.io.shapefile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The contents of {@code .shp} records (ESRI Shapefile Technical Description, 1998): a JTS geometry to the
 * little-endian record content and back. Outer rings are written clockwise and holes counter-clockwise, as
 * the specification asks; on reading, clockwise rings are shells and each counter-clockwise ring is a hole
 * of the shell that contains it.
 */
final class ShpRecords {
    private final GeometryFactory factory;

    ShpRecords(GeometryFactory factory) {
        this.factory = factory;
    }

    /** The record content of {@code g} as a shape of {@code type}; a null geometry is a null shape. */
    static byte[] encode(Geometry g, ShapeType type) {
        if (g == null || g.isEmpty()) return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
        return switch (type) {
            case POINT -> {
                Point p = (Point) g;
                yield ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(p.getX()).putDouble(p.getY()).array();
            }
            case MULTIPOINT -> {
                Coordinate[] cs = g.getCoordinates();
                ByteBuffer b = ByteBuffer.allocate(40 + 16 * cs.length).order(ByteOrder.LITTLE_ENDIAN);
                box(b.putInt(8), g.getEnvelopeInternal()).putInt(cs.length);
                for (Coordinate c : cs) b.putDouble(c.x).putDouble(c.y);
                yield b.array();
            }
            case POLYLINE -> {
                List<Coordinate[]> parts = new ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) parts.add(g.getGeometryN(i).getCoordinates());
                yield parts(3, g.getEnvelopeInternal(), parts);
            }
            case POLYGON -> {
                List<Coordinate[]> rings = new ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Polygon p = (Polygon) g.getGeometryN(i);
                    rings.add(oriented(p.getExteriorRing().getCoordinates(), false));
                    for (int h = 0; h < p.getNumInteriorRing(); h++) rings.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
                }
                yield parts(5, g.getEnvelopeInternal(), rings);
            }
            case NULL -> throw new IllegalArgumentException("a null shape has no geometry");
        };
    }

    private static byte[] parts(int code, Envelope e, List<Coordinate[]> parts) {
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        box(b.putInt(code), e).putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) for (Coordinate c : p) b.putDouble(c.x).putDouble(c.y);
        return b.array();
    }

    private static ByteBuffer box(ByteBuffer b, Envelope e) {
        return b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring) == counterClockwise) return ring;
        Coordinate[] r = ring.clone();
        Collections.reverse(Arrays.asList(r));
        return r;
    }

    /**
     * The geometry of one record's content: null for a null shape; a Point, a MultiPoint, a LineString (one
     * part) or MultiLineString, a Polygon (one shell) or MultiPolygon.
     *
     * @throws IllegalArgumentException when the content is cut short or its rings are not closed
     */
    Geometry decode(ByteBuffer content) {
        content.order(ByteOrder.LITTLE_ENDIAN);
        ShapeType type = ShapeType.ofCode(content.getInt(0));
        switch (type) {
            case NULL:
                return null;
            case POINT:
                return factory.createPoint(new Coordinate(content.getDouble(4), content.getDouble(12)));
            case MULTIPOINT: {
                int n = content.getInt(36);
                Point[] ps = new Point[n];
                for (int i = 0; i < n; i++) {
                    ps[i] = factory.createPoint(new Coordinate(content.getDouble(40 + 16 * i), content.getDouble(48 + 16 * i)));
                }
                return factory.createMultiPoint(ps);
            }
            default: {
                List<Coordinate[]> parts = readParts(content);
                if (type == ShapeType.POLYLINE) {
                    LineString[] lines = parts.stream().map(factory::createLineString).toArray(LineString[]::new);
                    return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
                }
                return polygons(parts);
            }
        }
    }

    private static List<Coordinate[]> readParts(ByteBuffer b) {
        int numParts = b.getInt(36), numPoints = b.getInt(40);
        int[] starts = new int[numParts + 1];
        for (int i = 0; i < numParts; i++) starts[i] = b.getInt(44 + 4 * i);
        starts[numParts] = numPoints;
        int xy = 44 + 4 * numParts;
        List<Coordinate[]> parts = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            Coordinate[] cs = new Coordinate[starts[p + 1] - starts[p]];
            for (int i = 0; i < cs.length; i++) {
                int at = xy + 16 * (starts[p] + i);
                cs[i] = new Coordinate(b.getDouble(at), b.getDouble(at + 8));
            }
            parts.add(cs);
        }
        return parts;
    }

    private Geometry polygons(List<Coordinate[]> rings) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] r : rings) {
            if (r.length == 0) continue;
            Coordinate[] closed = r[0].equals2D(r[r.length - 1]) ? r : closedCopy(r);
            LinearRing ring = factory.createLinearRing(closed);
            if (closed.length >= 4 && Orientation.isCCW(closed)) holes.add(ring);
            else shells.add(ring);
        }
        if (shells.isEmpty() && !holes.isEmpty()) {
            // a writer that ignored the orientation rule: take each ring as a shell
            shells.addAll(holes);
            holes.clear();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (LinearRing s : shells) {
            holesOf.add(new ArrayList<>());
            locators.add(new IndexedPointInAreaLocator(factory.createPolygon(s)));
        }
        for (LinearRing h : holes) {
            int owner = 0;
            for (int i = 0; i < shells.size(); i++) {
                if (locators.get(i).locate(h.getCoordinateN(0)) != Location.EXTERIOR) {
                    owner = i;
                    break;
                }
            }
            holesOf.get(owner).add(h);
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < polys.length; i++) polys[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        return polys.length == 1 ? polys[0] : factory.createMultiPolygon(polys);
    }

    private static Coordinate[] closedCopy(Coordinate[] r) {
        Coordinate[] c = Arrays.copyOf(r, r.length + 1);
        c[r.length] = r[0];
        return c;
    }

    /** True when {@code g} needs a multi kind: more than one point, line or polygon. */
    static boolean isMulti(Geometry g) {
        return g != null && (g instanceof MultiPoint || g.getNumGeometries() > 1);
    }
}
