package parkgrid.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinate reference systems ParkGrid serves and accepts (OGC API – Features Part 2 {@code crs} and
 * {@code bbox-crs}, GeoJSON {@code crs} members of process inputs). Storage is always CRS84 (WGS84
 * lon/lat). CGCS2000 (EPSG:4490 and the Gauss–Krüger CRSs on it) is treated as identical to WGS84: the two
 * differ by well under a metre, far below the positional accuracy of any data here.
 *
 * <p>Served: CRS84; EPSG:4326 (WGS84, lat/lon); EPSG:4490 (CGCS2000, lat/lon); every CGCS2000 Gauss–Krüger
 * CRS — 6° zones with zone prefix EPSG:4491–4501 (zones 13–23, false easting zone·10⁶ + 500 000 m) and
 * without EPSG:4502–4512 (CM 75°E … 135°E), 3° zones with prefix EPSG:4513–4533 (zones 25–45) and without
 * EPSG:4534–4554 (CM 75°E … 135°E) — EPSG:3857 and WGS84 / UTM 49N, 50N (EPSG:32649, 32650).
 *
 * <p><b>Axis order</b> is the authority's, as OGC API Part 2 requires: EPSG:4326 and 4490 latitude first;
 * every CGCS2000 Gauss–Krüger CRS northing (X) first, easting (Y) second; 3857 and UTM easting first.
 *
 * @param uri           the OGC CRS URI
 * @param epsg          EPSG code used with proj4j, or 0 for CRS84
 * @param northingFirst true when the authority axis order puts latitude/northing first
 * @param geographic    true for lon/lat degrees, false for projected metres
 */
public record SupportedCrs(String uri, int epsg, boolean northingFirst, boolean geographic) {
    public static final SupportedCrs CRS84 = new SupportedCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 0, false, true);
    public static final SupportedCrs WGS84_LAT_LON = new SupportedCrs(epsgUri(4326), 4326, true, true);
    public static final SupportedCrs CGCS2000 = new SupportedCrs(epsgUri(4490), 4490, true, true);
    /** CGCS2000 / 3-degree Gauss–Krüger CM 111°E (Ruyang, Song, western Luoyang): northing (X), easting (Y), metres. */
    public static final SupportedCrs CGCS2000_GK_CM111 = gaussKruger(4546);
    /** CGCS2000 / 3-degree Gauss–Krüger CM 114°E (eastern Luoyang, east of 112.5°E). */
    public static final SupportedCrs CGCS2000_GK_CM114 = gaussKruger(4547);
    public static final SupportedCrs WEB_MERCATOR = new SupportedCrs(epsgUri(3857), 3857, false, false);
    public static final SupportedCrs UTM_49N = new SupportedCrs(epsgUri(32649), 32649, false, false);
    public static final SupportedCrs UTM_50N = new SupportedCrs(epsgUri(32650), 32650, false, false);

    /** First CRS84 and the ones most used here, then every CGCS2000 Gauss–Krüger CRS by code. */
    public static final List<SupportedCrs> ALL;
    private static final Map<Integer, SupportedCrs> BY_EPSG;

    static {
        Map<Integer, SupportedCrs> byEpsg = new LinkedHashMap<>();
        for (SupportedCrs c : List.of(WGS84_LAT_LON, CGCS2000, CGCS2000_GK_CM111, CGCS2000_GK_CM114, WEB_MERCATOR, UTM_49N, UTM_50N)) {
            byEpsg.put(c.epsg, c);
        }
        for (int code = 4491; code <= 4554; code++) byEpsg.putIfAbsent(code, gaussKruger(code));
        List<SupportedCrs> all = new ArrayList<>();
        all.add(CRS84);
        all.addAll(byEpsg.values());
        ALL = List.copyOf(all);
        BY_EPSG = Collections.unmodifiableMap(byEpsg);
    }

    private static final Pattern EPSG_CODE = Pattern.compile(
            "(?:EPSG:{1,2}|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)(\\d{1,6})");
    private static final Pattern CRS84_NAME = Pattern.compile(
            "CRS84|OGC:CRS84|URN:OGC:DEF:CRS:OGC:[0-9.]*:CRS84|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/[0-9.]+/CRS84");

    private static SupportedCrs gaussKruger(int code) {
        return new SupportedCrs(epsgUri(code), code, true, false);
    }

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
     * The name GeoJSON's legacy {@code crs} member uses ({@code {"type":"name","properties":{"name":…}}}):
     * {@code urn:ogc:def:crs:EPSG::4546}, {@code urn:ogc:def:crs:OGC:1.3:CRS84}. GDAL and QGIS read it.
     */
    public String urn() {
        return epsg == 0 ? "urn:ogc:def:crs:OGC:1.3:CRS84" : "urn:ogc:def:crs:EPSG::" + epsg;
    }

    /** The EPSG name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 111E" (as {@code ogrinfo} prints it). */
    public String title() {
        if (epsg == 0) return "WGS 84 (CRS84, lon/lat)";
        if (epsg >= 4491 && epsg <= 4501) return "CGCS2000 / Gauss-Kruger zone " + (epsg - 4491 + 13);
        if (epsg >= 4502 && epsg <= 4512) return "CGCS2000 / Gauss-Kruger CM " + (75 + 6 * (epsg - 4502)) + "E";
        if (epsg >= 4513 && epsg <= 4533) return "CGCS2000 / 3-degree Gauss-Kruger zone " + (epsg - 4513 + 25);
        if (epsg >= 4534 && epsg <= 4554) return "CGCS2000 / 3-degree Gauss-Kruger CM " + (75 + 3 * (epsg - 4534)) + "E";
        return switch (epsg) {
            case 4326 -> "WGS 84";
            case 4490 -> "China Geodetic Coordinate System 2000";
            case 3857 -> "WGS 84 / Pseudo-Mercator";
            case 32649 -> "WGS 84 / UTM zone 49N";
            case 32650 -> "WGS 84 / UTM zone 50N";
            default -> "EPSG:" + epsg;
        };
    }

    /** The CRS with this EPSG code, if served. */
    public static Optional<SupportedCrs> forEpsg(int code) {
        return Optional.ofNullable(BY_EPSG.get(code));
    }

    /**
     * Finds a CRS by OGC URI ({@code http://www.opengis.net/def/crs/EPSG/0/4546}), safe CURIE
     * ({@code [EPSG:4326]}), short form ({@code EPSG:4326}, {@code CRS84}, {@code OGC:CRS84}) or URN
     * ({@code urn:ogc:def:crs:EPSG::4546}, {@code urn:ogc:def:crs:OGC:1.3:CRS84}), case-insensitively.
     */
    public static Optional<SupportedCrs> find(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1).trim();
        String upper = t.toUpperCase(Locale.ROOT);
        if (CRS84_NAME.matcher(upper).matches()) return Optional.of(CRS84);
        Matcher m = EPSG_CODE.matcher(upper);
        if (!m.matches()) return Optional.empty();
        return forEpsg(Integer.parseInt(m.group(1)));
    }

    /** The served CRSs in words, for error messages and the API description. */
    public static String supportedList() {
        return CRS84.uri + " (default), EPSG:4326, EPSG:4490 (CGCS2000), EPSG:4491–4554 (CGCS2000 Gauss–Krüger 6° and 3° zones, "
                + "with and without zone prefix), EPSG:3857, EPSG:32649, EPSG:32650 — as OGC URIs " + epsgUri(4546).replace("4546", "{code}")
                + ", EPSG:{code} or urn:ogc:def:crs:EPSG::{code}";
    }
}
