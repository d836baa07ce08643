package parkgrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * One proj4j transformation applied to JTS coordinates and geometries (x, y in each CRS's
 * east/north order as proj4j uses it). Not thread-safe: proj4j keeps state, so make one per computation.
 */
public final class Proj4Transform {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    private final CoordinateTransform transform;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public Proj4Transform(CoordinateReferenceSystem from, CoordinateReferenceSystem to) {
        this.transform = TRANSFORMS.createTransform(from, to);
    }

    /** A CRS by name, e.g. {@code EPSG:4546}. */
    public static CoordinateReferenceSystem crs(String name) {
        return CRS_FACTORY.createFromName(name);
    }

    /** A CRS from PROJ parameters, e.g. {@code +proj=tmerc +lon_0=112 …}. */
    public static CoordinateReferenceSystem crs(String name, String projParameters) {
        return CRS_FACTORY.createFromParameters(name, projParameters);
    }

    /** The transformed position. */
    public Coordinate apply(double x, double y) {
        in.x = x;
        in.y = y;
        transform.transform(in, out);
        return new Coordinate(out.x, out.y);
    }

    /** A transformed copy of {@code g}; {@code g} is not changed. */
    public Geometry applyTo(Geometry g) {
        return ((CoordinateMapping) (x, y, xy) -> {
            in.x = x;
            in.y = y;
            transform.transform(in, out);
            xy[0] = out.x;
            xy[1] = out.y;
        }).applyTo(g);
    }
}
