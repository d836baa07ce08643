package parkgrid.geo;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateReferenceSystem;

/**
 * A transverse Mercator projection on the WGS84 ellipsoid centred on the longitude of the work at hand,
 * for metric distances, lengths and areas. Within 100 km of the central meridian its scale error is
 * below 0.013 %, so results agree with PostGIS {@code geography} (geodesic on the spheroid) far inside
 * 0.5 %. Input and output of {@link #toMetres} / {@link #toLonLat}: EPSG:4326 lon/lat degrees and metres
 * (x east, y north). Not thread-safe (proj4j transforms keep state): one per computation.
 */
public final class LocalMetricProjection {
    private final double centralMeridian;
    private final Proj4Transform forward;
    private final Proj4Transform inverse;

    private LocalMetricProjection(double centralMeridian) {
        if (!Double.isFinite(centralMeridian) || centralMeridian < -180 || centralMeridian > 180) {
            throw new IllegalArgumentException("central meridian must be within [-180, 180], got " + centralMeridian);
        }
        this.centralMeridian = centralMeridian;
        CoordinateReferenceSystem wgs84 = Proj4Transform.crs("EPSG:4326");
        CoordinateReferenceSystem tmerc = Proj4Transform.crs("local-tmerc", String.format(Locale.ROOT,
                "+proj=tmerc +lat_0=0 +lon_0=%.9f +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs", centralMeridian));
        forward = new Proj4Transform(wgs84, tmerc);
        inverse = new Proj4Transform(tmerc, wgs84);
    }

    /** Centred on {@code longitude} (degrees east). */
    public static LocalMetricProjection centredOn(double longitude) {
        return new LocalMetricProjection(longitude);
    }

    /** Centred on the middle of {@code lonLatExtent}. */
    public static LocalMetricProjection centredOn(Envelope lonLatExtent) {
        return new LocalMetricProjection((lonLatExtent.getMinX() + lonLatExtent.getMaxX()) / 2);
    }

    public double centralMeridian() {
        return centralMeridian;
    }

    /** A copy of a lon/lat geometry in metres. */
    public Geometry toMetres(Geometry lonLat) {
        return forward.applyTo(lonLat);
    }

    /** A copy of a metric geometry in lon/lat. */
    public Geometry toLonLat(Geometry metres) {
        return inverse.applyTo(metres);
    }

    public Coordinate toMetres(Coordinate lonLat) {
        return forward.apply(lonLat.x, lonLat.y);
    }

    /** Shortest distance in metres between two lon/lat geometries (0 when they intersect). */
    public double distanceMetres(Geometry a, Geometry b) {
        return toMetres(a).distance(toMetres(b));
    }

    /** Length in metres of a lon/lat line (perimeter for polygons). */
    public double lengthMetres(Geometry lonLat) {
        return toMetres(lonLat).getLength();
    }

    /** Area in square metres of a lon/lat polygon. */
    public double areaSquareMetres(Geometry lonLat) {
        return toMetres(lonLat).getArea();
    }
}
