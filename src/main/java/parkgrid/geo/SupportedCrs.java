package parkgrid.geo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coordinate reference systems ParkGrid serves (OGC API – Features Part 2). Storage is always CRS84
 * (WGS84 lon/lat). CGCS2000 (EPSG:4490) is treated as identical to WGS84: they differ by well under a
 * metre, far below the positional accuracy of any data here.
 *
 * @param uri           the OGC CRS URI
 * @param epsg          EPSG code used with proj4j, or 0 for CRS84
 * @param northingFirst true when the authority axis order puts latitude/northing first (EPSG:4326, 4490, 4546)
 * @param geographic    true for lon/lat degrees, false for projected metres
 */
public record SupportedCrs(String uri, int epsg, boolean northingFirst, boolean geographic) {
    public static final SupportedCrs CRS84 = new SupportedCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 0, false, true);
    public static final SupportedCrs WGS84_LAT_LON = new SupportedCrs(epsgUri(4326), 4326, true, true);
    public static final SupportedCrs CGCS2000 = new SupportedCrs(epsgUri(4490), 4490, true, true);
    /** CGCS2000 / 3-degree Gauss–Krüger CM 111°E: northing (X), easting (Y), metres. */
    public static final SupportedCrs CGCS2000_GK_CM111 = new SupportedCrs(epsgUri(4546), 4546, true, false);
    public static final SupportedCrs WEB_MERCATOR = new SupportedCrs(epsgUri(3857), 3857, false, false);

    public static final List<SupportedCrs> ALL = List.of(CRS84, WGS84_LAT_LON, CGCS2000, CGCS2000_GK_CM111, WEB_MERCATOR);

    public static String epsgUri(int code) {
        return "http://www.opengis.net/def/crs/EPSG/0/" + code;
    }

    /** Decimals worth writing: 7 for degrees (~1 cm), 3 for metres (1 mm). */
    public int decimals() {
        return geographic ? 7 : 3;
    }

    /** True when coordinates need no change from storage (CRS84 lon/lat). */
    public boolean isStorageCrs() {
        return this.equals(CRS84);
    }

    /**
     * Finds a CRS by OGC URI, safe CURIE ({@code [EPSG:4326]}) or short form ({@code EPSG:4326}, {@code CRS84}).
     */
    public static Optional<SupportedCrs> find(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        String upper = t.toUpperCase(Locale.ROOT);
        for (SupportedCrs c : ALL) {
            if (c.uri.equalsIgnoreCase(t)) return Optional.of(c);
            if (c.epsg == 0 && (upper.equals("CRS84") || upper.equals("OGC:CRS84"))) return Optional.of(c);
            if (c.epsg != 0 && upper.equals("EPSG:" + c.epsg)) return Optional.of(c);
        }
        return Optional.empty();
    }

    public static String supportedList() {
        return String.join(", ", ALL.stream().map(SupportedCrs::uri).toList());
    }
}
