package parkgrid.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * Parses an OGC API {@code bbox} parameter in CRS84: {@code minLon,minLat,maxLon,maxLat} (a 6-number
 * 3D box keeps its horizontal part). Longitudes must lie in [-180, 180], latitudes in [-90, 90] and
 * the minimum must not exceed the maximum (boxes across the antimeridian are not supported here).
 */
public final class BoundingBox {
    private BoundingBox() {}

    /** @throws IllegalArgumentException with the reason, for the caller to attach to the parameter */
    public static Envelope parse(String text) {
        return parse(text, SupportedCrs.CRS84);
    }

    /**
     * Parses a bbox given in {@code crs} (OGC API Part 2 {@code bbox-crs}) in that CRS's axis order and
     * returns it in that CRS with x = east (lon or easting), y = north; geographic boxes are range-checked.
     */
    public static Envelope parse(String text, SupportedCrs crs) {
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
        boolean swap = crs.northingFirst();
        double minX = swap ? minB : minA, minY = swap ? minA : minB, maxX = swap ? maxB : maxA, maxY = swap ? maxA : maxB;
        if (!crs.geographic()) {
            if (minX > maxX) throw new IllegalArgumentException("minimum easting " + minX + " is greater than maximum " + maxX);
            if (minY > maxY) throw new IllegalArgumentException("minimum northing " + minY + " is greater than maximum " + maxY);
            return new Envelope(minX, maxX, minY, maxY);
        }
        for (double lon : new double[] {minX, maxX}) {
            if (lon < -180 || lon > 180) throw new IllegalArgumentException("longitude " + lon + " is outside [-180, 180]");
        }
        for (double lat : new double[] {minY, maxY}) {
            if (lat < -90 || lat > 90) throw new IllegalArgumentException("latitude " + lat + " is outside [-90, 90]");
        }
        if (minX > maxX) throw new IllegalArgumentException("minLon " + minX + " is greater than maxLon " + maxX);
        if (minY > maxY) throw new IllegalArgumentException("minLat " + minY + " is greater than maxLat " + maxY);
        return new Envelope(minX, maxX, minY, maxY);
    }
}
