package parkgrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Converts geometries between storage CRS84 (lon/lat) and one {@link SupportedCrs}, applying the CRS's
 * authority axis order. Not thread-safe (proj4j transforms keep state): make one per request.
 */
public final class CrsTransformer {
    private final SupportedCrs target;
    private final Proj4Transform forward;
    private final Proj4Transform inverse;

    public CrsTransformer(SupportedCrs target) {
        this.target = target;
        if (target.geographic()) {
            forward = null;
            inverse = null;
        } else {
            CoordinateReferenceSystem wgs84 = Proj4Transform.crs("EPSG:4326");
            CoordinateReferenceSystem crs = Proj4Transform.crs("EPSG:" + target.epsg());
            forward = new Proj4Transform(wgs84, crs);
            inverse = new Proj4Transform(crs, wgs84);
        }
    }

    public SupportedCrs target() {
        return target;
    }

    /** A copy of {@code lonLat} (CRS84) in the target CRS, in its authority axis order. */
    public Geometry fromCrs84(Geometry lonLat) {
        if (target.isStorageCrs()) return lonLat;
        return ((CoordinateMapping) (x, y, xy) -> convert(x, y, true, xy)).applyTo(lonLat);
    }

    /** A copy of {@code g} (target CRS, authority axis order) in CRS84 lon/lat. */
    public Geometry toCrs84(Geometry g) {
        if (target.isStorageCrs()) return g;
        return ((CoordinateMapping) (x, y, xy) -> convert(x, y, false, xy)).applyTo(g);
    }

    /**
     * The CRS84 envelope of a box in the target CRS given as x = east (lon or easting), y = north (lat or
     * northing), whatever the CRS's axis order: the box's edges are densified before transforming, so a
     * projected box maps to the lon/lat box containing it.
     */
    public Envelope envelopeToCrs84(Envelope box) {
        if (target.isStorageCrs()) return box;
        Envelope result = new Envelope();
        int steps = 16;
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            double x = box.getMinX() + t * box.getWidth(), y = box.getMinY() + t * box.getHeight();
            result.expandToInclude(toLonLat(x, box.getMinY()));
            result.expandToInclude(toLonLat(x, box.getMaxY()));
            result.expandToInclude(toLonLat(box.getMinX(), y));
            result.expandToInclude(toLonLat(box.getMaxX(), y));
        }
        return result;
    }

    private Coordinate toLonLat(double east, double north) {
        return inverse == null ? new Coordinate(east, north) : inverse.apply(east, north);
    }

    /** One position: forward takes lon/lat and gives the target axis order; inverse the other way. */
    private void convert(double a, double b, boolean toTarget, double[] xy) {
        if (toTarget) {
            Coordinate c = forward == null ? new Coordinate(a, b) : forward.apply(a, b);
            xy[0] = target.northingFirst() ? c.y : c.x;
            xy[1] = target.northingFirst() ? c.x : c.y;
            return;
        }
        double x = target.northingFirst() ? b : a, y = target.northingFirst() ? a : b;
        Coordinate c = inverse == null ? new Coordinate(x, y) : inverse.apply(x, y);
        xy[0] = c.x;
        xy[1] = c.y;
    }
}
