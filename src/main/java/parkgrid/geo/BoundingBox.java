package parkgrid.geo;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Parses an OGC API {@code bbox} parameter in CRS84: {@code minLon,minLat,maxLon,maxLat}, or the 6-number
 * 3D form {@code minLon,minLat,minZ,maxLon,maxLat,maxZ} whose heights are ignored (the data is 2D).
 * Longitudes must lie in [-180, 180], latitudes in [-90, 90] and minLat must not exceed maxLat. A
 * geographic box with minLon greater than maxLon crosses the antimeridian (OGC API – Features Part 1,
 * 7.15.3): {@link #parseParts} returns its two halves, east of minLon and west of maxLon.
 */
public final class BoundingBox {
    private BoundingBox() {}

    /** @throws IllegalArgumentException with the reason, for the caller to attach to the parameter */
    public static Envelope parse(String text) {
        return parse(text, SupportedCrs.CRS84);
    }

    /**
     * Parses a bbox that does not cross the antimeridian.
     *
     * @throws IllegalArgumentException also when minLon is greater than maxLon
     * @see #parseParts(String, SupportedCrs)
     */
    public static Envelope parse(String text, SupportedCrs crs) {
        List<Envelope> parts = parseParts(text, crs);
        if (parts.size() > 1) {
            throw new IllegalArgumentException("minLon " + parts.get(0).getMinX() + " is greater than maxLon " + parts.get(1).getMaxX());
        }
        return parts.get(0);
    }

    /**
     * Parses a bbox given in {@code crs} (OGC API Part 2 {@code bbox-crs}) in that CRS's axis order and
     * returns it in that CRS with x = east (lon or easting), y = north; geographic boxes are range-checked.
     * One envelope, or two for a geographic box across the antimeridian ({@code 177,65,-177,70} →
     * [177, 180] and [-180, -177] × [65, 70]).
     *
     * @throws IllegalArgumentException with the reason, for the caller to attach to the parameter
     */
    public static List<Envelope> parseParts(String text, SupportedCrs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw new IllegalArgumentException("expected 4 numbers minLon,minLat,maxLon,maxLat but got " + parts.length + " values");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value " + (i + 1) + " '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("value " + (i + 1) + " is not finite");
        }
        boolean threeD = v.length == 6;
        double minA = v[0], minB = v[1], maxA = threeD ? v[3] : v[2], maxB = threeD ? v[4] : v[3];
        if (threeD && v[2] > v[5]) throw new IllegalArgumentException("minimum height " + v[2] + " is greater than maximum " + v[5]);
        boolean swap = crs.northingFirst();
        double minX = swap ? minB : minA, minY = swap ? minA : minB, maxX = swap ? maxB : maxA, maxY = swap ? maxA : maxB;
        if (!crs.geographic()) {
            if (minX > maxX) throw new IllegalArgumentException("minimum easting " + minX + " is greater than maximum " + maxX);
            if (minY > maxY) throw new IllegalArgumentException("minimum northing " + minY + " is greater than maximum " + maxY);
            return List.of(new Envelope(minX, maxX, minY, maxY));
        }
        for (double lon : new double[] {minX, maxX}) {
            if (!LonLat.isLongitude(lon)) throw new IllegalArgumentException("longitude " + lon + " is outside [-180, 180]");
        }
        for (double lat : new double[] {minY, maxY}) {
            if (!LonLat.isLatitude(lat)) throw new IllegalArgumentException("latitude " + lat + " is outside [-90, 90]");
        }
        if (minY > maxY) throw new IllegalArgumentException("minLat " + minY + " is greater than maxLat " + maxY);
        if (minX > maxX) return List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
        return List.of(new Envelope(minX, maxX, minY, maxY));
    }
}
