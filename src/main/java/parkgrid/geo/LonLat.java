package parkgrid.geo;

import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.ParkGridException;

/**
 * The range of EPSG:4326 / CRS84 positions, in degrees: longitude in [-180, 180], latitude in [-90, 90]. The
 * one place that range is written; every lon/lat check (a query point, a query geometry, a bbox, a GeoJSON
 * geometry, a filter literal) asks here. NaN is outside.
 */
public final class LonLat {
    /** Largest absolute longitude, degrees. */
    public static final double MAX_LONGITUDE = 180;
    /** Largest absolute latitude, degrees. */
    public static final double MAX_LATITUDE = 90;
    /** How the range is named in messages. */
    public static final String RANGE = "lon [-180, 180] / lat [-90, 90]";

    private LonLat() {}

    public static boolean isLongitude(double degrees) {
        return degrees >= -MAX_LONGITUDE && degrees <= MAX_LONGITUDE;
    }

    public static boolean isLatitude(double degrees) {
        return degrees >= -MAX_LATITUDE && degrees <= MAX_LATITUDE;
    }

    /** Whether {@code (lon, lat)} is a position on the globe. */
    public static boolean contains(double lon, double lat) {
        return isLongitude(lon) && isLatitude(lat);
    }

    /** Whether the whole box lies in range; a null (empty) envelope does. */
    public static boolean contains(Envelope e) {
        return e.isNull() || (contains(e.getMinX(), e.getMinY()) && contains(e.getMaxX(), e.getMaxY()));
    }

    /**
     * @param subject what the position is, for the message, e.g. {@code "point 200,34"}
     * @throws ParkGridException.InvalidInput naming {@code parameter} when {@code (lon, lat)} is out of range
     */
    public static void require(double lon, double lat, String parameter, String subject) {
        if (!contains(lon, lat)) throw ParkGridException.invalidParameter(parameter, subject + " is outside " + RANGE);
    }

    /**
     * @param subject what the box bounds, for the message, e.g. {@code "the query geometry"}
     * @throws ParkGridException.InvalidInput naming {@code parameter} when part of {@code e} is out of range
     */
    public static void require(Envelope e, String parameter, String subject) {
        if (!contains(e)) throw ParkGridException.invalidParameter(parameter, subject + " is outside " + RANGE);
    }
}
