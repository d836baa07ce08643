package parkgrid.filter;

import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.SupportedCrs;

/**
 * What the CQL2 text and JSON geometry readers share: the meaning and range of each ordinate in the
 * literal CRS, the BBOX rectangle, and the conversion of a literal to CRS84 lon/lat followed by the OGC
 * validity check. Geographic ordinates must lie in lon [-180, 180] / lat [-90, 90]; projected ones (metres)
 * must be finite and convert to such a position.
 */
final class GeometryLiteralCheck {
    private GeometryLiteralCheck() {}

    /** What one ordinate of a position is. */
    enum Axis {
        LONGITUDE("longitude", parkgrid.geo.LonLat.MAX_LONGITUDE), LATITUDE("latitude", parkgrid.geo.LonLat.MAX_LATITUDE), EASTING("easting", 0), NORTHING("northing", 0);

        private final String noun;
        private final double limit;

        Axis(String noun, double limit) {
            this.noun = noun;
            this.limit = limit;
        }

        String noun() { return noun; }

        /** Why {@code v} cannot be this ordinate in {@code crs}, or null when it can. */
        String problem(double v, SupportedCrs crs) {
            if (!Double.isFinite(v)) return noun + " " + v + " is not a finite number";
            if (limit == 0 || Math.abs(v) <= limit) return null;
            return noun + " " + number(v) + " is outside [" + (int) -limit + ", " + (int) limit + "]; geometry literals are "
                    + order(crs);
        }
    }

    /** The meaning of ordinate {@code index} (0 or 1) in {@code crs}. */
    static Axis axis(SupportedCrs crs, int index) {
        boolean first = index == 0;
        boolean north = crs.northingFirst() == first;
        if (crs.geographic()) return north ? Axis.LATITUDE : Axis.LONGITUDE;
        return north ? Axis.NORTHING : Axis.EASTING;
    }

    /** How the axis order is named in messages, e.g. {@code longitude latitude (CRS84)}. */
    static String order(SupportedCrs crs) {
        String name = crs.isStorageCrs() ? "CRS84" : crs.epsg() == 0 ? crs.uri() : "EPSG:" + crs.epsg();
        return axis(crs, 0).noun() + " " + axis(crs, 1).noun() + " (" + name + ")";
    }

    /**
     * The rectangle of a BBOX's 4 numbers (or 6 with heights) in {@code crs}'s axis order, as a polygon
     * in that same order.
     *
     * @throws IllegalArgumentException with the reason
     */
    static Geometry box(List<Double> n, SupportedCrs crs, GeometryFactory factory) {
        if (n.size() != 4 && n.size() != 6) {
            throw new IllegalArgumentException("BBOX needs 4 numbers (" + boxOrder(crs) + ") or 6, got " + n.size());
        }
        int k = n.size() / 2;
        double min1 = n.get(0), min2 = n.get(1), max1 = n.get(k), max2 = n.get(k + 1);
        for (double v : new double[] {min1, max1}) {
            if (axis(crs, 0).problem(v, crs) != null) throw new IllegalArgumentException("BBOX " + axis(crs, 0).problem(v, crs) + "; the order is " + boxOrder(crs));
        }
        for (double v : new double[] {min2, max2}) {
            if (axis(crs, 1).problem(v, crs) != null) throw new IllegalArgumentException("BBOX " + axis(crs, 1).problem(v, crs) + "; the order is " + boxOrder(crs));
        }
        if (min1 > max1 || min2 > max2) {
            throw new IllegalArgumentException("BBOX minimum is greater than maximum (the order is " + boxOrder(crs)
                    + "; boxes across the antimeridian are not supported)");
        }
        return factory.toGeometry(new Envelope(min1, max1, min2, max2));
    }

    private static String boxOrder(SupportedCrs crs) {
        String a = axis(crs, 0).noun(), b = axis(crs, 1).noun();
        return "min " + a + ", min " + b + ", max " + a + ", max " + b;
    }

    /**
     * {@code asWritten} (ordinates in {@code crs}'s axis order) in CRS84 lon/lat with SRID 4326, checked
     * for range and OGC validity.
     *
     * @param what  how the message names the literal, e.g. {@code POLYGON}
     * @param error makes the exception for a message
     */
    static Geometry toCrs84(Geometry asWritten, SupportedCrs crs, String what, Function<String, ParkGridException> error) {
        Geometry g;
        try {
            g = crs.isStorageCrs() ? asWritten : new CrsTransformer(crs).toCrs84(asWritten);
        } catch (RuntimeException e) {
            throw error.apply("the " + what + " literal cannot be converted from " + order(crs) + " to CRS84: " + e.getMessage());
        }
        g.setSRID(4326);
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                throw error.apply("the " + what + " literal lies outside the area of " + order(crs) + ": a position converts to ("
                        + c.x + " " + c.y + ") in CRS84");
            }
        }
        TopologyValidationError invalid = new IsValidOp(g).getValidationError();
        if (invalid != null) {
            throw error.apply("the " + what + " literal is not a valid geometry: " + invalid.getMessage()
                    + " at or near (" + number(invalid.getCoordinate().x) + " " + number(invalid.getCoordinate().y) + ")");
        }
        return g;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
