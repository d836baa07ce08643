package parkgrid.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas on the WGS84 ellipsoid (GeographicLib {@link PolygonArea}: each ring's edges are geodesics), in m², as
 * PostGIS {@code ST_Area(geom::geography)} computes them. CGCS2000's ellipsoid differs from WGS84's by 0.1 mm
 * in the semi-minor axis, far below any difference that matters here.
 */
public final class EllipsoidalArea {
    private EllipsoidalArea() {}

    /**
     * The area of the polygonal parts of {@code lonLat} (x = longitude, y = latitude): each polygon's shell
     * minus its holes, summed; points and lines count 0.
     */
    public static double squareMetres(Geometry lonLat) {
        double sum = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += ring(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) sum -= ring(p.getInteriorRingN(h));
            } else if (part != lonLat && part.getNumGeometries() > 0) {
                sum += squareMetres(part);
            }
        }
        return sum;
    }

    /** The area a closed ring encloses, whichever way it runs. */
    static double ring(LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        if (c.length < 4) return 0;
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        for (int i = 0; i < c.length - 1; i++) area.AddPoint(c[i].y, c[i].x);
        return Math.abs(area.Compute(false, true).area);
    }
}
