package parkgrid.geo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The one place an imported file's positions become storage lon/lat (CRS84). Readers give positions as
 * x = easting or longitude, y = northing or latitude (GIS order, as GDAL does; a reader whose format writes
 * northing first, like the TXT 电子报盘, swaps them) and the CRS the file declares; the client may name one.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>{@code GCJ-02} (also {@code gcj02}, {@code amap}, {@code tencent}): positions picked from AMap or Tencent
 *       maps; turned into WGS84 by {@link Gcj02#toWgs84} (iterative inverse).</li>
 *   <li>CRS84, EPSG:4326 and EPSG:4490 (CGCS2000, taken as WGS84: they differ by under a metre): lon/lat as they are.</li>
 *   <li>A served projected EPSG code (every CGCS2000 Gauss–Krüger zone EPSG:4491–4554, UTM 49N/50N, 3857):
 *       projected with proj4j.</li>
 *   <li>{@code CGCS2000-GK}, or no CRS at all and positions that are not lon/lat: CGCS2000 Gauss–Krüger with the
 *       zone found per geometry. An easting of 8 digits carries the zone (38 456 789 → 3° zone 38, EPSG:4526; zones
 *       13–23 are 6° zones, EPSG:4491–4501). A 6-digit easting needs the central meridian: the {@code zone} option (a 3°
 *       zone 25–45, CM = 3·zone; a 6° zone 13–23, CM = 6·zone − 3), else the {@code cm} option (degrees east, a multiple
 *       of 3), else the 3° zone of the area the layer already covers (an append), else it is an error naming the
 *       options.</li>
 * </ol>
 * Not thread-safe (proj4j transforms keep state): one per import.
 */
public final class SourceCoordinates {
    /** How the positions are given. */
    private enum Kind { LON_LAT, GCJ02, PROJECTED, GAUSS_KRUGER_DETECTED }

    private final Kind kind;
    private final SupportedCrs projected;
    private final Integer centralMeridian;
    private final Map<Integer, CrsTransformer> transformers = new HashMap<>();
    /** True when no CRS was named: lon/lat positions pass, others are taken as Gauss–Krüger. */
    private final boolean guessed;

    private SourceCoordinates(Kind kind, SupportedCrs projected, Integer centralMeridian, boolean guessed) {
        this.kind = kind;
        this.projected = projected;
        this.centralMeridian = centralMeridian;
        this.guessed = guessed;
    }

    /**
     * @param crs           what the client named, else what the file declares; null when neither says
     * @param zone          the {@code zone} option (Gauss–Krüger zone number) or null
     * @param cm            the {@code cm} option (central meridian, degrees east) or null
     * @param areaLongitude the longitude of the area the target layer covers (its extent's centre) or null
     * @throws IllegalArgumentException naming the CRS, zone or cm that cannot be used
     */
    public static SourceCoordinates of(String crs, Integer zone, Double cm, Double areaLongitude) {
        Integer meridian = centralMeridian(zone, cm, areaLongitude);
        if (crs == null || crs.isBlank()) return new SourceCoordinates(Kind.GAUSS_KRUGER_DETECTED, null, meridian, true);
        String t = crs.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        if (t.equals("gcj-02") || t.equals("gcj02") || t.equals("amap") || t.equals("tencent")) {
            return new SourceCoordinates(Kind.GCJ02, null, null, false);
        }
        if (t.equals("cgcs2000-gk") || t.equals("gauss-kruger") || t.equals("gk")) {
            return new SourceCoordinates(Kind.GAUSS_KRUGER_DETECTED, null, meridian, false);
        }
        SupportedCrs found = SupportedCrs.find(crs).orElseThrow(() -> new IllegalArgumentException(
                "crs '" + crs + "' is not one ParkGrid reads: use GCJ-02, CGCS2000-GK (zone from the easting) or one of "
                        + SupportedCrs.supportedList()));
        if (found.geographic()) return new SourceCoordinates(Kind.LON_LAT, null, null, false);
        return new SourceCoordinates(Kind.PROJECTED, found, null, false);
    }

    /** What the positions were taken as, for the import report: {@code EPSG:4547}, {@code GCJ-02}, {@code CGCS2000-GK (zone from easting)}. */
    public String describe() {
        return switch (kind) {
            case LON_LAT -> "CRS84";
            case GCJ02 -> "GCJ-02";
            case PROJECTED -> "EPSG:" + projected.epsg();
            case GAUSS_KRUGER_DETECTED -> (guessed ? "CRS84, or " : "") + "CGCS2000-GK (zone from the easting"
                    + (centralMeridian == null ? "" : ", else CM " + centralMeridian + "°E") + ")";
        };
    }

    /**
     * A copy of {@code g} in CRS84 lon/lat; null stays null.
     *
     * @throws IllegalArgumentException when the zone of a Gauss–Krüger geometry cannot be told
     */
    public Geometry toLonLat(Geometry g) {
        if (g == null || g.isEmpty()) return g;
        switch (kind) {
            case LON_LAT:
                return g;
            case GCJ02:
                return ((CoordinateMapping) Gcj02::toWgs84).applyTo(g);
            case PROJECTED:
                return transformer(projected.epsg()).toCrs84(g, CrsTransformer.AxisOrder.EAST_NORTH);
            default:
                if (guessed && isLonLat(g.getEnvelopeInternal())) return g;
                return transformer(gaussKrugerCode(g.getCoordinate())).toCrs84(g, CrsTransformer.AxisOrder.EAST_NORTH);
        }
    }

    private CrsTransformer transformer(int epsg) {
        return transformers.computeIfAbsent(epsg, c -> new CrsTransformer(SupportedCrs.forEpsg(c).orElseThrow()));
    }

    private static boolean isLonLat(Envelope e) {
        return e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90;
    }

    /** The EPSG code of the CGCS2000 Gauss–Krüger CRS of a position given easting (x), northing (y). */
    int gaussKrugerCode(Coordinate c) {
        double easting = c.x;
        if (easting >= 1_000_000) {
            int zone = (int) Math.floor(easting / 1_000_000);
            if (zone >= 25 && zone <= 45) return 4513 + zone - 25;
            if (zone >= 13 && zone <= 23) return 4491 + zone - 13;
            throw new IllegalArgumentException("easting " + easting + " starts with " + zone
                    + ", which is no CGCS2000 Gauss–Krüger zone (3° zones 25–45, 6° zones 13–23)");
        }
        if (easting < 0) throw new IllegalArgumentException("easting " + easting + " is negative: not a Gauss–Krüger position");
        if (centralMeridian == null) {
            throw new IllegalArgumentException("position (" + c.x + ", " + c.y + ") is neither lon/lat nor a Gauss–Krüger easting with its "
                    + "zone prefix: give crs (e.g. EPSG:4547), zone (e.g. 38) or cm (e.g. 114)");
        }
        return 4534 + (centralMeridian - 75) / 3;
    }

    /** The central meridian the options give, or the 3° zone's around {@code areaLongitude}; null when none says. */
    private static Integer centralMeridian(Integer zone, Double cm, Double areaLongitude) {
        if (zone != null) {
            if (zone >= 25 && zone <= 45) return 3 * zone;
            if (zone >= 13 && zone <= 23) return 6 * zone - 3; // same projection as the 3° zone of that meridian
            throw new IllegalArgumentException("zone " + zone + " is no CGCS2000 Gauss–Krüger zone (3° zones 25–45, 6° zones 13–23)");
        }
        if (cm != null) {
            if (cm != Math.rint(cm) || cm % 3 != 0 || cm < 75 || cm > 135) {
                throw new IllegalArgumentException("cm " + cm + " must be a central meridian of a 3° zone, 75 … 135 in steps of 3");
            }
            return cm.intValue();
        }
        if (areaLongitude != null && areaLongitude >= 73.5 && areaLongitude <= 136.5) return (int) (3 * Math.round(areaLongitude / 3));
        return null;
    }
}
