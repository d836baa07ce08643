package parkgrid.analysis.compliance;

import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonReader;
import parkgrid.geo.SupportedCrs;

/**
 * Hand-made rectangles drawn in CGCS2000 / 3° Gauss–Krüger CM 111°E (EPSG:4546, scale 1 on the central meridian)
 * near the meridian, whose planar areas are their ellipsoidal areas to well under 0.01 %: known answers.
 */
public final class GaussKrugerSquares {
    /** Easting of the central meridian (false easting) and a northing near Ruyang (34.15°N). */
    public static final double E0 = 500_000;
    public static final double N0 = 3_780_000;
    private static final GeometryFactory PLANE = new GeometryFactory();

    private GaussKrugerSquares() {}

    /** The rectangle [e1, e2] × [n1, n2] in metres from (E0, N0), densified every 50 m, in lon/lat; holes likewise. */
    public static Geometry rectangle(double e1, double n1, double e2, double n2, double[]... holes) {
        LinearRing shell = ring(e1, n1, e2, n2);
        LinearRing[] h = new LinearRing[holes.length];
        for (int i = 0; i < holes.length; i++) h[i] = ring(holes[i][0], holes[i][1], holes[i][2], holes[i][3]);
        Geometry gk = PLANE.createPolygon(shell, h);
        return GeoJsonReader.WGS84.createGeometry(new CrsTransformer(SupportedCrs.CGCS2000_GK_CM111).toCrs84(gk, CrsTransformer.AxisOrder.EAST_NORTH));
    }

    private static LinearRing ring(double e1, double n1, double e2, double n2) {
        java.util.List<Coordinate> c = new java.util.ArrayList<>();
        double[][] corners = {{e1, n1}, {e2, n1}, {e2, n2}, {e1, n2}, {e1, n1}};
        for (int k = 0; k < 4; k++) {
            double[] a = corners[k];
            double[] b = corners[k + 1];
            int steps = (int) Math.ceil(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / 50);
            for (int s = 0; s < steps; s++) {
                double t = (double) s / steps;
                c.add(new Coordinate(E0 + a[0] + t * (b[0] - a[0]), N0 + a[1] + t * (b[1] - a[1])));
            }
        }
        c.add(c.get(0));
        return PLANE.createLinearRing(c.toArray(Coordinate[]::new));
    }

    public static Feature feature(long id, Geometry g, String dlbm) {
        return new Feature(id, g, dlbm == null ? Map.of() : Map.of("dlbm", dlbm));
    }
}
