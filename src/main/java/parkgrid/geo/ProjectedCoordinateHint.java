package parkgrid.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * Says what positions that are not lon/lat probably are, and which {@code crs} member to declare: Chinese
 * projected data is mostly CGCS2000 Gauss–Krüger, written northing (7 digits) and easting (6 digits, or 8
 * with the zone number in front). The zone prefix gives the CRS exactly; without it the zone is unknown,
 * so the hint names the zones of Luoyang (EPSG:4546 for CM 111°E, west of 112.5°E; EPSG:4547 for CM 114°E).
 */
final class ProjectedCoordinateHint {
    private ProjectedCoordinateHint() {}

    /** A sentence for a box of positions as the client wrote them (x = first ordinate, y = second). */
    static String describe(Envelope e) {
        double x = mid(e.getMinX(), e.getMaxX()), y = mid(e.getMinY(), e.getMaxY());
        boolean northingFirst = isNorthing(x) && (isEasting(y) || isPrefixedEasting(y));
        boolean eastingFirst = isNorthing(y) && (isEasting(x) || isPrefixedEasting(x));
        if (!northingFirst && !eastingFirst) {
            return "if they are projected metres, declare their CRS with a GeoJSON crs member, e.g. \"crs\": \"EPSG:4546\", "
                    + "and give positions as [easting, northing]";
        }
        double easting = northingFirst ? y : x;
        String order = northingFirst ? "they look like Gauss–Krüger northing, easting in metres" : "they look like projected easting, northing in metres";
        String swap = northingFirst ? " and write each position as [easting, northing] (under a crs member x is the easting, as GDAL reads it)" : "";
        if (isPrefixedEasting(easting)) {
            int zone = (int) Math.floor(easting / 1_000_000);
            int code = zone >= 25 && zone <= 45 ? 4513 + zone - 25 : zone >= 13 && zone <= 23 ? 4491 + zone - 13 : 0;
            if (code != 0) {
                return order + " with zone prefix " + zone + ": declare \"crs\": \"EPSG:" + code + "\" ("
                        + SupportedCrs.forEpsg(code).map(SupportedCrs::title).orElse("") + ")" + swap;
            }
        }
        return order + ": declare the CRS with a GeoJSON crs member, e.g. \"crs\": \"EPSG:4546\" (CGCS2000 3° Gauss–Krüger CM 111°E, "
                + "Ruyang, Song, west of 112.5°E) or \"EPSG:4547\" (CM 114°E)" + swap;
    }

    private static double mid(double a, double b) {
        return (a + b) / 2;
    }

    /** Northings of China: 2 000 – 6 000 km from the equator. */
    private static boolean isNorthing(double v) {
        return v >= 1_500_000 && v <= 6_500_000;
    }

    private static boolean isEasting(double v) {
        return v >= 0 && v < 1_000_000;
    }

    private static boolean isPrefixedEasting(double v) {
        return v >= 13_000_000 && v < 46_000_000;
    }
}
