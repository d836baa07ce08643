package parkgrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Converts geometries between storage CRS84 (lon/lat) and one {@link SupportedCrs}, applying the CRS's
 * authority axis order. Not thread-safe (proj4j transforms keep state): make one per request.
 */
public final class CrsTransformer {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private final SupportedCrs target;
    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public CrsTransformer(SupportedCrs target) {
        this.target = target;
        if (target.geographic()) {
            forward = null;
            inverse = null;
        } else {
            CoordinateReferenceSystem wgs84 = CRS_FACTORY.createFromName("EPSG:4326");
            CoordinateReferenceSystem crs = CRS_FACTORY.createFromName("EPSG:" + target.epsg());
            forward = TRANSFORMS.createTransform(wgs84, crs);
            inverse = TRANSFORMS.createTransform(crs, wgs84);
        }
    }

    public SupportedCrs target() {
        return target;
    }

    /** A copy of {@code lonLat} (CRS84) in the target CRS, in its authority axis order. */
    public Geometry fromCrs84(Geometry lonLat) {
        if (target.isStorageCrs()) return lonLat;
        Geometry g = lonLat.copy();
        g.apply(new Filter(true));
        g.geometryChanged();
        return g;
    }

    /** A copy of {@code g} (target CRS, authority axis order) in CRS84 lon/lat. */
    public Geometry toCrs84(Geometry g) {
        if (target.isStorageCrs()) return g;
        Geometry copy = g.copy();
        copy.apply(new Filter(false));
        copy.geometryChanged();
        return copy;
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
        if (inverse == null) return new Coordinate(east, north);
        in.x = east;
        in.y = north;
        inverse.transform(in, out);
        return new Coordinate(out.x, out.y);
    }

    /** One position: forward takes lon/lat and returns target axis order; inverse the other way. */
    private double[] convert(double a, double b, boolean toTarget) {
        if (toTarget) {
            double x = a, y = b;
            if (forward != null) {
                in.x = a;
                in.y = b;
                forward.transform(in, out);
                x = out.x;
                y = out.y;
            }
            return target.northingFirst() ? new double[] {y, x} : new double[] {x, y};
        }
        double x = target.northingFirst() ? b : a, y = target.northingFirst() ? a : b;
        if (inverse != null) {
            in.x = x;
            in.y = y;
            inverse.transform(in, out);
            return new double[] {out.x, out.y};
        }
        return new double[] {x, y};
    }

    private final class Filter implements CoordinateSequenceFilter {
        private final boolean toTarget;

        Filter(boolean toTarget) {
            this.toTarget = toTarget;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double[] xy = convert(seq.getX(i), seq.getY(i), toTarget);
            seq.setOrdinate(i, CoordinateSequence.X, xy[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, xy[1]);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
