package parkgrid.io.csv;

import java.math.BigDecimal;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.OrdinateFormat;
import org.locationtech.jts.io.WKTWriter;

/**
 * WKT of a geometry appended to a {@link StringBuilder}, the same text as JTS's 2-D {@link WKTWriter} (ordinates in
 * plain decimal without exponent, integers without a fraction, {@code NaN}/{@code Inf}/{@code -Inf}), written
 * straight from the coordinate sequences: JTS formats each ordinate with a {@code DecimalFormat} and copies the text
 * through a {@code StringWriter}, which was most of a CSV export's time. Geometry collections go to JTS.
 */
final class WktText {
    /** JTS's writer keeps this many fraction digits for a floating precision model (its significant digits). */
    static final int FRACTION_DIGITS = new PrecisionModel().getMaximumSignificantDigits();

    private final WKTWriter fallback = new WKTWriter();
    private final OrdinateFormat rounded = OrdinateFormat.create(FRACTION_DIGITS);

    void append(StringBuilder sb, Geometry g) {
        if (g instanceof Point p) {
            sb.append("POINT ");
            sequence(sb, p.getCoordinateSequence());
        } else if (g instanceof LinearRing r) {
            sb.append("LINEARRING ");
            sequence(sb, r.getCoordinateSequence());
        } else if (g instanceof LineString l) {
            sb.append("LINESTRING ");
            sequence(sb, l.getCoordinateSequence());
        } else if (g instanceof Polygon p) {
            sb.append("POLYGON ");
            polygon(sb, p);
        } else if (g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon) {
            sb.append(g instanceof MultiPoint ? "MULTIPOINT " : g instanceof MultiLineString ? "MULTILINESTRING " : "MULTIPOLYGON ");
            if (g.isEmpty()) {
                sb.append("EMPTY");
                return;
            }
            sb.append('(');
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) sb.append(", ");
                Geometry part = g.getGeometryN(i);
                if (part instanceof Polygon p) polygon(sb, p);
                else sequence(sb, part instanceof Point p ? p.getCoordinateSequence() : ((LineString) part).getCoordinateSequence());
            }
            sb.append(')');
        } else {
            sb.append(fallback.write(g));
        }
    }

    private void polygon(StringBuilder sb, Polygon p) {
        if (p.isEmpty()) {
            sb.append("EMPTY");
            return;
        }
        sb.append('(');
        sequence(sb, p.getExteriorRing().getCoordinateSequence());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            sb.append(", ");
            sequence(sb, p.getInteriorRingN(i).getCoordinateSequence());
        }
        sb.append(')');
    }

    private void sequence(StringBuilder sb, CoordinateSequence s) {
        if (s.size() == 0) {
            sb.append("EMPTY");
            return;
        }
        sb.append('(');
        for (int i = 0; i < s.size(); i++) {
            if (i > 0) sb.append(", ");
            ordinate(sb, s.getX(i));
            sb.append(' ');
            ordinate(sb, s.getY(i));
        }
        sb.append(')');
    }

    /**
     * As JTS's writer: the shortest digits that read back as {@code d} ({@link Double#toString}), in plain notation;
     * one with more than {@value #FRACTION_DIGITS} fraction digits (|d| below 0.01 or so) is rounded by JTS's own
     * {@link OrdinateFormat}, as its writer does for a floating precision model.
     */
    private void ordinate(StringBuilder sb, double d) {
        if (!Double.isFinite(d)) {
            sb.append(rounded.format(d));
            return;
        }
        String s = Double.toString(d);
        if (s.indexOf('E') >= 0) s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        else if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
        int point = s.indexOf('.');
        if (point >= 0 && s.length() - point - 1 > FRACTION_DIGITS) sb.append(rounded.format(d));
        else sb.append(s);
    }
}
