package parkgrid.io;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parkgrid.geo.SupportedCrs;

/**
 * The ESRI WKT of a CRS, as a Shapefile's {@code .prj} (and a GeoPackage's {@code gpkg_spatial_ref_sys}) carries
 * it, written the way {@code gdalsrsinfo -o wkt_esri} does so that GDAL, QGIS and ArcGIS recognise the EPSG code;
 * and the way back, from a {@code .prj} to the EPSG code of a {@link SupportedCrs}.
 */
public final class EsriWkt {
    private static final String WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private EsriWkt() {}

    /** The ESRI WKT of {@code crs} (CRS84 as EPSG:4326, whose files store longitude first anyway). */
    public static String of(SupportedCrs crs) {
        int code = crs.epsg() == 0 ? 4326 : crs.epsg();
        if (code == 4326) return WGS84;
        if (code == 4490) return CGCS2000;
        if (code >= 4491 && code <= 4554) {
            GaussKruger gk = GaussKruger.of(code);
            return "PROJCS[\"" + gk.esriName() + "\"," + CGCS2000 + ",PROJECTION[\"Gauss_Kruger\"],"
                    + "PARAMETER[\"False_Easting\"," + gk.falseEasting() + ".0],PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\"," + gk.centralMeridian() + ".0],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        }
        if (code == 32649 || code == 32650) {
            int zone = code - 32600;
            return "PROJCS[\"WGS_1984_UTM_Zone_" + zone + "N\"," + WGS84 + ",PROJECTION[\"Transverse_Mercator\"],"
                    + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\"," + (zone * 6 - 183) + ".0],PARAMETER[\"Scale_Factor\",0.9996],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        }
        if (code == 3857) {
            return "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + WGS84 + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],"
                    + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                    + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]";
        }
        throw new IllegalArgumentException("no ESRI WKT for EPSG:" + code);
    }

    private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\"?(\\d+)\"?\\]\\]\\s*$");
    private static final Pattern ID = Pattern.compile("ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$");

    /**
     * The EPSG code a {@code .prj} (ESRI or OGC WKT 1, or WKT 2 with a top-level ID) names, when it is one
     * ParkGrid serves: an explicit EPSG authority of the whole CRS first; else WGS 84 or CGCS2000
     * geographic; else a CGCS2000 Gauss–Krüger or WGS 84 UTM projection recognised from its central
     * meridian and false easting; else Web Mercator.
     */
    public static Optional<Integer> epsg(String wkt) {
        if (wkt == null || wkt.isBlank()) return Optional.empty();
        String t = wkt.trim();
        for (Pattern p : new Pattern[] {AUTHORITY, ID}) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                int code = Integer.parseInt(m.group(1));
                if (SupportedCrs.forEpsg(code).isPresent()) return Optional.of(code);
            }
        }
        String u = t.toUpperCase(Locale.ROOT);
        boolean cgcs = u.contains("CHINA_2000") || u.contains("CGCS2000") || u.contains("CHINA GEODETIC COORDINATE SYSTEM 2000")
                || u.contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000") || u.contains("298.257222101");
        boolean projected = u.startsWith("PROJCS") || u.startsWith("PROJCRS");
        if (!projected) {
            if (u.startsWith("GEOGCS") || u.startsWith("GEOGCRS") || u.startsWith("GEODCRS")) return Optional.of(cgcs ? 4490 : 4326);
            return Optional.empty();
        }
        if (u.contains("MERCATOR_AUXILIARY_SPHERE") || u.contains("PSEUDO-MERCATOR") || u.contains("POPULAR VISUALISATION")) {
            return Optional.of(3857);
        }
        Double cm = parameter(u, "CENTRAL_MERIDIAN", "LONGITUDE OF NATURAL ORIGIN");
        Double fe = parameter(u, "FALSE_EASTING", "FALSE EASTING");
        Double k = parameter(u, "SCALE_FACTOR", "SCALE FACTOR AT NATURAL ORIGIN");
        if (cm == null || fe == null) return Optional.empty();
        if (cgcs) {
            // CM 111°E without zone prefix is both a 6° (EPSG:4508) and a 3° (EPSG:4546) CRS: the name decides,
            // and without a "6 degree" hint the 3° one, which county surveys use
            String name = u.substring(0, Math.max(0, u.indexOf(',')));
            boolean sixDegree = !name.matches(".*3[_ -]DEGREE.*") && name.matches(".*(GK_CM|GK_ZONE|GAUSS-KRUGER CM|GAUSS-KRUGER ZONE|6[_ -]DEGREE).*");
            int[][] ranges = sixDegree ? new int[][] {{4491, 4512}, {4513, 4554}} : new int[][] {{4513, 4554}, {4491, 4512}};
            for (int[] range : ranges) {
                for (int code = range[0]; code <= range[1]; code++) {
                    GaussKruger gk = GaussKruger.of(code);
                    if (gk.centralMeridian() == cm && gk.falseEasting() == fe) return Optional.of(code);
                }
            }
            return Optional.empty();
        }
        if (k != null && Math.abs(k - 0.9996) < 1e-9 && fe == 500000) {
            if (cm == 111) return Optional.of(32649);
            if (cm == 117) return Optional.of(32650);
        }
        return Optional.empty();
    }

    private static Double parameter(String upperWkt, String... names) {
        for (String n : names) {
            Matcher m = Pattern.compile("PARAMETER\\[\"" + Pattern.quote(n) + "\",\\s*(-?[0-9.]+(?:E[+-]?\\d+)?)").matcher(upperWkt);
            if (m.find()) return Double.parseDouble(m.group(1));
        }
        return null;
    }

    /** One CGCS2000 Gauss–Krüger CRS, EPSG:4491–4554. */
    private record GaussKruger(int code, String esriName, int centralMeridian, long falseEasting) {
        static GaussKruger of(int code) {
            if (code >= 4491 && code <= 4501) {
                int zone = code - 4491 + 13;
                return new GaussKruger(code, "CGCS2000_GK_Zone_" + zone, 6 * zone - 3, zone * 1_000_000L + 500_000);
            }
            if (code >= 4502 && code <= 4512) {
                int cm = 75 + 6 * (code - 4502);
                return new GaussKruger(code, "CGCS2000_GK_CM_" + cm + "E", cm, 500_000);
            }
            if (code >= 4513 && code <= 4533) {
                int zone = code - 4513 + 25;
                return new GaussKruger(code, "CGCS2000_3_Degree_GK_Zone_" + zone, 3 * zone, zone * 1_000_000L + 500_000);
            }
            if (code >= 4534 && code <= 4554) {
                int cm = 75 + 3 * (code - 4534);
                return new GaussKruger(code, "CGCS2000_3_Degree_GK_CM_" + cm + "E", cm, 500_000);
            }
            throw new IllegalArgumentException("EPSG:" + code + " is no CGCS2000 Gauss–Krüger CRS");
        }
    }
}
