package parkgrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * Converts geometries between storage CRS84 (lon/lat) and one {@link SupportedCrs}, in the CRS's
 * authority axis order (OGC API Part 2 {@code crs}) or, when asked, easting/longitude first (GeoJSON files
 * with a {@code crs} member, as GDAL reads them). Not thread-safe (proj4j transforms keep state): make one
 * per request.
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

    /** Which ordinate comes first in the target CRS's positions. */
    public enum AxisOrder {
        /** The authority's order: northing/latitude first for EPSG:4326, 4490 and the CGCS2000 Gauss–Krüger CRSs. */
        AUTHORITY,
        /** x = easting or longitude, y = northing or latitude, whatever the authority says (GIS order). */
        EAST_NORTH
    }

    public SupportedCrs target() {
        return target;
    }

    /** A copy of {@code lonLat} (CRS84) in the target CRS, in its authority axis order. */
    public Geometry fromCrs84(Geometry lonLat) {
        return fromCrs84(lonLat, AxisOrder.AUTHORITY);
    }

    /** A copy of {@code lonLat} (CRS84) in the target CRS, in the given axis order. */
    public Geometry fromCrs84(Geometry lonLat, AxisOrder order) {
        if (target.isStorageCrs()) return lonLat;
        boolean swap = swaps(order);
        return ((CoordinateMapping) (x, y, xy) -> convert(x, y, true, swap, xy)).applyTo(lonLat);
    }

    /** A copy of {@code g} (target CRS, authority axis order) in CRS84 lon/lat. */
    public Geometry toCrs84(Geometry g) {
        return toCrs84(g, AxisOrder.AUTHORITY);
    }

    /** A copy of {@code g} (target CRS, the given axis order) in CRS84 lon/lat. */
    public Geometry toCrs84(Geometry g, AxisOrder order) {
        if (target.isStorageCrs()) return g;
        boolean swap = swaps(order);
        return ((CoordinateMapping) (x, y, xy) -> convert(x, y, false, swap, xy)).applyTo(g);
    }

    private boolean swaps(AxisOrder order) {
        return order == AxisOrder.AUTHORITY && target.northingFirst();
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
    private void convert(double a, double b, boolean toTarget, boolean swap, double[] xy) {
        if (toTarget) {
            Coordinate c = forward == null ? new Coordinate(a, b) : forward.apply(a, b);
            xy[0] = swap ? c.y : c.x;
            xy[1] = swap ? c.x : c.y;
            return;
        }
        double x = swap ? b : a, y = swap ? a : b;
        Coordinate c = inverse == null ? new Coordinate(x, y) : inverse.apply(x, y);
        xy[0] = c.x;
        xy[1] = c.y;
    }
}
