package parkgrid.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything ParkGrid reads from its environment.
 *
 * @param port             HTTP port ({@code PARKGRID_PORT}, default 7070; 0 picks a free one)
 * @param databaseUrl      {@code PARKGRID_DB}: a {@code jdbc:postgresql://} URL selects the PostGIS store;
 *                         null selects the embedded GeoPackage
 * @param databaseUser     {@code PARKGRID_DB_USER} (default {@code postgres})
 * @param databasePassword {@code PARKGRID_DB_PASSWORD} (default empty: trust auth)
 * @param databaseSchema   {@code PARKGRID_DB_SCHEMA}: the PostgreSQL schema for ParkGrid's tables (default {@code parkgrid})
 * @param geoPackage       {@code PARKGRID_GPKG}: the embedded store's file (default {@code data/parkgrid.gpkg})
 * @param basemap          {@code PARKGRID_BASEMAP}: {@code none} (default, works offline), {@code osm} or {@code tianditu}
 * @param tiandituKey      {@code PARKGRID_TIANDITU_KEY}: the Tianditu {@code tk}, needed for {@code tianditu}
 * @param analysisTimeLimit {@code PARKGRID_ANALYSIS_SECONDS}: how long one analysis request may run (default 30 s)
 */
public record Settings(int port, String databaseUrl, String databaseUser, String databasePassword, String databaseSchema,
                       Path geoPackage, String basemap, String tiandituKey, Duration analysisTimeLimit) {

    public Settings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("PARKGRID_PORT must be 0..65535, got " + port);
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("PARKGRID_DB must be a jdbc:postgresql:// URL, got " + databaseUrl);
        }
        if (!basemap.equals("none") && !basemap.equals("osm") && !basemap.equals("tianditu")) {
            throw new IllegalArgumentException("PARKGRID_BASEMAP must be none, osm or tianditu, got " + basemap);
        }
        if (basemap.equals("tianditu") && (tiandituKey == null || tiandituKey.isBlank())) {
            throw new IllegalArgumentException("PARKGRID_BASEMAP=tianditu needs PARKGRID_TIANDITU_KEY");
        }
        if (analysisTimeLimit.isNegative() || analysisTimeLimit.isZero()) {
            throw new IllegalArgumentException("PARKGRID_ANALYSIS_SECONDS must be more than 0, got " + analysisTimeLimit.toSeconds());
        }
        if (!geoPackage.getFileName().toString().endsWith(".gpkg")) {
            throw new IllegalArgumentException("PARKGRID_GPKG must name a .gpkg file, got " + geoPackage);
        }
        if (!databaseSchema.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("PARKGRID_DB_SCHEMA must be a lower-case identifier, got " + databaseSchema);
        }
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                Integer.parseInt(env.getOrDefault("PARKGRID_PORT", "7070")),
                blankToNull(env.get("PARKGRID_DB")),
                env.getOrDefault("PARKGRID_DB_USER", "postgres"),
                env.getOrDefault("PARKGRID_DB_PASSWORD", ""),
                env.getOrDefault("PARKGRID_DB_SCHEMA", "parkgrid"),
                Path.of(env.getOrDefault("PARKGRID_GPKG", "data/parkgrid.gpkg")),
                env.getOrDefault("PARKGRID_BASEMAP", "none"),
                blankToNull(env.get("PARKGRID_TIANDITU_KEY")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("PARKGRID_ANALYSIS_SECONDS", "30"))));
    }

    /** The embedded defaults with the given GeoPackage file and port: what tests and benchmarks start. */
    public static Settings embedded(Path geoPackage, int port) {
        return new Settings(port, null, "postgres", "", "parkgrid", geoPackage, "none", null, Duration.ofSeconds(30));
    }

    /** The same settings with another analysis time limit. */
    public Settings withAnalysisTimeLimit(Duration limit) {
        return new Settings(port, databaseUrl, databaseUser, databasePassword, databaseSchema, geoPackage, basemap, tiandituKey, limit);
    }

    public boolean usesPostGis() {
        return databaseUrl != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
