package parkgrid.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything ParkGrid reads from its environment.
 *
 * @param host             the address to listen on ({@code PARKGRID_HOST}); default {@code 127.0.0.1}, in both
 *                         the embedded and the PostGIS mode: only this machine can connect until an operator
 *                         opens the server on purpose ({@code 0.0.0.0} for every interface, or one address;
 *                         behind a reverse proxy on the same machine the default is already right)
 * @param port             HTTP port ({@code PARKGRID_PORT}, default 7070; 0 picks a free one)
 * @param databaseUrl      {@code PARKGRID_DB}: a {@code jdbc:postgresql://} URL selects the PostGIS store;
 *                         null selects the embedded GeoPackage
 * @param databaseUser     {@code PARKGRID_DB_USER} (default {@code postgres})
 * @param databasePassword {@code PARKGRID_DB_PASSWORD} (default empty: trust auth)
 * @param databaseSchema   {@code PARKGRID_DB_SCHEMA}: the PostgreSQL schema for ParkGrid's tables (default {@code parkgrid})
 * @param geoPackage       {@code PARKGRID_GPKG}: the embedded store's file (default {@code data/parkgrid.gpkg})
 * @param basemap          {@code PARKGRID_BASEMAP}: {@code none} (default, works offline), {@code osm}, {@code tianditu}, or
 *                         {@code mbtiles:/path/file.mbtiles} or {@code pmtiles:/path/file.pmtiles}, a tile package the user
 *                         supplies (raster png/jpg/webp or vector pbf), served by ParkGrid itself under
 *                         {@code /basemap/{z}/{x}/{y}} (offline)
 * @param tiandituKey      {@code PARKGRID_TIANDITU_KEY}: the Tianditu {@code tk}, needed for {@code tianditu}
 * @param analysisTimeLimit {@code PARKGRID_ANALYSIS_SECONDS}: how long one analysis request may run (default 30 s)
 * @param roles            {@code PARKGRID_ROLES}: which layer plays which role ({@code lines=xianlu,demand=cunzhuang}; default
 *                         the seed's names), see {@link LayerRoles}
 * @param readAccess       {@code PARKGRID_READ}: {@code public} (default) or {@code token} (reading needs a viewer token),
 *                         see {@link ReadAccess}
 * @param limits           {@code PARKGRID_MAX_BODY_BYTES}, {@code PARKGRID_MAX_VERTICES}: how large a write may be, see
 *                         {@link RequestLimits}
 * @param imports          {@code PARKGRID_IMPORT_MAX_MB}, {@code PARKGRID_IMPORT_MAX_FEATURES}: how large an import may be,
 *                         see {@link ImportLimits}
 * @param writePrecondition {@code PARKGRID_WRITE_PRECONDITION}: {@code required} (default; a feature change or delete
 *                         without {@code If-Match} is 428) or {@code optional} (for QGIS 3.32+, which sends none), see
 *                         {@link WritePrecondition}
 * @param featureCacheBytes {@code PARKGRID_FEATURE_CACHE_MB}: how much memory the cache of encoded GeoJSON features may use
 *                         (default 64 MB; 0 turns it off), see {@link parkgrid.io.EncodedFeatureCache}
 * @param pageWorkers      {@code PARKGRID_PAGE_WORKERS}: how many item pages and vector tiles are read and encoded at once
 *                         (default: the processors on the GeoPackage store, twice them on PostGIS; the rest wait their
 *                         turn, first come first served; 0: no bound)
 */
public record Settings(String host, int port, String databaseUrl, String databaseUser, String databasePassword, String databaseSchema,
                       Path geoPackage, String basemap, String tiandituKey, Duration analysisTimeLimit,
                       LayerRoles roles, ReadAccess readAccess, RequestLimits limits, ImportLimits imports,
                       WritePrecondition writePrecondition, long featureCacheBytes, int pageWorkers) {

    /** {@code PARKGRID_BASEMAP=mbtiles:<file>}: an MBTiles package on this machine is the basemap. */
    public static final String MBTILES_PREFIX = "mbtiles:";

    /** {@code PARKGRID_BASEMAP=pmtiles:<file>}: a PMTiles v3 archive on this machine is the basemap. */
    public static final String PMTILES_PREFIX = "pmtiles:";

    /** Where ParkGrid listens unless {@code PARKGRID_HOST} says otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    public Settings {
        if (host == null || host.isBlank() || !host.strip().equals(host) || host.contains(" ")) {
            throw new IllegalArgumentException("PARKGRID_HOST must be an address or host name such as 127.0.0.1 or 0.0.0.0, got '"
                    + host + "'");
        }
        if (pageWorkers < 0) throw new IllegalArgumentException("the number of page workers must not be negative, got " + pageWorkers);
        if (featureCacheBytes < 0) throw new IllegalArgumentException("the feature cache size must not be negative, got " + featureCacheBytes);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("PARKGRID_PORT must be 0..65535, got " + port);
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("PARKGRID_DB must be a jdbc:postgresql:// URL, got " + databaseUrl);
        }
        if (basemap.startsWith(MBTILES_PREFIX) || basemap.startsWith(PMTILES_PREFIX)) {
            Path file = Path.of(basemap.substring(basemap.indexOf(':') + 1));
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new IllegalArgumentException("PARKGRID_BASEMAP=" + basemap.substring(0, basemap.indexOf(':') + 1)
                        + " names no readable file: " + file.toAbsolutePath());
            }
        } else if (!basemap.equals("none") && !basemap.equals("osm") && !basemap.equals("tianditu")) {
            throw new IllegalArgumentException("PARKGRID_BASEMAP must be none, osm, tianditu, mbtiles:/path/file.mbtiles or "
                    + "pmtiles:/path/file.pmtiles, got " + basemap);
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
        if (imports == null) throw new IllegalArgumentException("imports must not be null: use ImportLimits.DEFAULT");
        if (roles == null) throw new IllegalArgumentException("roles must not be null: use LayerRoles.seed()");
        if (readAccess == null) throw new IllegalArgumentException("readAccess must not be null: use ReadAccess.PUBLIC");
        if (writePrecondition == null) throw new IllegalArgumentException("writePrecondition must not be null: use WritePrecondition.REQUIRED");
        if (limits == null) throw new IllegalArgumentException("limits must not be null: use RequestLimits.DEFAULTS");
        if (!databaseSchema.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("PARKGRID_DB_SCHEMA must be a lower-case identifier, got " + databaseSchema);
        }
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                env.getOrDefault("PARKGRID_HOST", LOOPBACK),
                Integer.parseInt(env.getOrDefault("PARKGRID_PORT", "7070")),
                blankToNull(env.get("PARKGRID_DB")),
                env.getOrDefault("PARKGRID_DB_USER", "postgres"),
                env.getOrDefault("PARKGRID_DB_PASSWORD", ""),
                env.getOrDefault("PARKGRID_DB_SCHEMA", "parkgrid"),
                Path.of(env.getOrDefault("PARKGRID_GPKG", "data/parkgrid.gpkg")),
                env.getOrDefault("PARKGRID_BASEMAP", "none"),
                blankToNull(env.get("PARKGRID_TIANDITU_KEY")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("PARKGRID_ANALYSIS_SECONDS", "30"))),
                LayerRoles.parse(env.get("PARKGRID_ROLES")),
                ReadAccess.parse(env.get("PARKGRID_READ")),
                RequestLimits.fromEnvironment(env),
                ImportLimits.fromEnvironment(env),
                WritePrecondition.parse(env.get("PARKGRID_WRITE_PRECONDITION")),
                featureCacheBytes(env.get("PARKGRID_FEATURE_CACHE_MB")),
                pageWorkers(env.get("PARKGRID_PAGE_WORKERS"), blankToNull(env.get("PARKGRID_DB")) != null));
    }

    /** The embedded defaults (listening on loopback) with the given GeoPackage file and port: what tests and benchmarks start. */
    public static Settings embedded(Path geoPackage, int port) {
        return new Settings(LOOPBACK, port, null, "postgres", "", "parkgrid", geoPackage, "none", null, Duration.ofSeconds(30),
                LayerRoles.seed(), ReadAccess.PUBLIC, RequestLimits.DEFAULTS, ImportLimits.DEFAULT,
                WritePrecondition.REQUIRED, DEFAULT_FEATURE_CACHE_MB << 20, defaultPageWorkers(false));
    }

    /** The same settings with another analysis time limit. */
    public Settings withAnalysisTimeLimit(Duration limit) {
        return copy(b -> b.analysisTimeLimit = limit);
    }

    /** The same settings listening on another address. */
    public Settings withHost(String address) {
        return copy(b -> b.host = address);
    }

    /** The same settings with other layer roles. */
    public Settings withRoles(LayerRoles other) {
        return copy(b -> b.roles = other);
    }

    /** The same settings with another basemap ({@code none}, {@code osm}, {@code mbtiles:<file>}, {@code pmtiles:<file>}; not tianditu, which needs a key). */
    public Settings withBasemap(String other) {
        return copy(b -> b.basemap = other);
    }

    /** The tile package of {@code PARKGRID_BASEMAP=mbtiles:<file>} or {@code pmtiles:<file>}, else empty. */
    public java.util.Optional<Path> basemapFile() {
        return isBasemapPackage() ? java.util.Optional.of(Path.of(basemap.substring(basemap.indexOf(':') + 1))) : java.util.Optional.empty();
    }

    /** The basemap's kind: {@code none}, {@code osm}, {@code tianditu}, {@code mbtiles} or {@code pmtiles}. */
    public String basemapName() {
        return isBasemapPackage() ? basemap.substring(0, basemap.indexOf(':')) : basemap;
    }

    private boolean isBasemapPackage() {
        return basemap.startsWith(MBTILES_PREFIX) || basemap.startsWith(PMTILES_PREFIX);
    }

    /** The same settings with another read access. */
    public Settings withReadAccess(ReadAccess access) {
        return copy(b -> b.readAccess = access);
    }

    /** The same settings with other request limits. */
    public Settings withLimits(RequestLimits other) {
        return copy(b -> b.limits = other);
    }

    /** The same settings with other import limits. */
    public Settings withImportLimits(ImportLimits other) {
        return copy(b -> b.imports = other);
    }

    /** The same settings with another {@code If-Match} policy for feature writes. */
    public Settings withWritePrecondition(WritePrecondition other) {
        return copy(b -> b.writePrecondition = other);
    }

    /** These settings with one or more of them changed by {@code change} (the {@code with…} methods). */
    private Settings copy(java.util.function.Consumer<Copy> change) {
        Copy b = new Copy(this);
        change.accept(b);
        return b.settings();
    }

    /** A changeable copy of every setting, so that each {@code with…} method names only the one it changes. */
    private static final class Copy {
        String host;
        int port;
        String databaseUrl;
        String databaseUser;
        String databasePassword;
        String databaseSchema;
        Path geoPackage;
        String basemap;
        String tiandituKey;
        Duration analysisTimeLimit;
        LayerRoles roles;
        ReadAccess readAccess;
        RequestLimits limits;
        ImportLimits imports;
        WritePrecondition writePrecondition;
        long featureCacheBytes;
        int pageWorkers;

        Copy(Settings s) {
            host = s.host;
            port = s.port;
            databaseUrl = s.databaseUrl;
            databaseUser = s.databaseUser;
            databasePassword = s.databasePassword;
            databaseSchema = s.databaseSchema;
            geoPackage = s.geoPackage;
            basemap = s.basemap;
            tiandituKey = s.tiandituKey;
            analysisTimeLimit = s.analysisTimeLimit;
            roles = s.roles;
            readAccess = s.readAccess;
            limits = s.limits;
            imports = s.imports;
            writePrecondition = s.writePrecondition;
            featureCacheBytes = s.featureCacheBytes;
            pageWorkers = s.pageWorkers;
        }

        Settings settings() {
            return new Settings(host, port, databaseUrl, databaseUser, databasePassword, databaseSchema, geoPackage, basemap, tiandituKey, analysisTimeLimit, roles, readAccess, limits, imports, writePrecondition,
                    featureCacheBytes, pageWorkers);
        }
    }

    /** The same settings with another size of the encoded-feature cache (0: none). */
    public Settings withFeatureCacheBytes(long bytes) {
        return copy(b -> b.featureCacheBytes = bytes);
    }

    /** {@code PARKGRID_FEATURE_CACHE_MB} when not set. */
    public static final long DEFAULT_FEATURE_CACHE_MB = 64;

    private static long featureCacheBytes(String mb) {
        if (mb == null || mb.isBlank()) return DEFAULT_FEATURE_CACHE_MB << 20;
        return wholeNumber("PARKGRID_FEATURE_CACHE_MB", mb, 1L << 20, "of megabytes from 0 (no cache) to 1048576") << 20;
    }

    /** Setting {@code name}'s {@code value} as a whole number from 0 to {@code max}; {@code range} words the range. */
    private static long wholeNumber(String name, String value, long max, String range) {
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0 && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number " + range + ", got '" + value + "'");
    }

    /** The same settings with another bound on the pages and tiles encoded at once (0: none). */
    public Settings withPageWorkers(int workers) {
        return copy(b -> b.pageWorkers = workers);
    }

    /**
     * {@code PARKGRID_PAGE_WORKERS} when not set: the processors on the GeoPackage store, twice them on PostGIS. A
     * GeoPackage page is CPU in this process from start to end (SQLite, decoding, encoding), so more workers than
     * cores only share them; a PostGIS page waits on the database for part of its time, which a second worker per core
     * fills. Measured on 2 cores at 8 connections (bench/README, session 9, wrk): GeoPackage with 2 workers 759–797
     * req/s and p99 2.3–2.5× the median, with 4 683–812 req/s and 2.6–2.9×, with no bound 2.8–3.0×; PostGIS with 4
     * workers p99 1.9–2.0× the median at the same throughput as without a bound (2.2–2.35×).
     */
    public static int defaultPageWorkers(boolean postGis) {
        int processors = Runtime.getRuntime().availableProcessors();
        return postGis ? 2 * processors : processors;
    }

    private static int pageWorkers(String n, boolean postGis) {
        if (n == null || n.isBlank()) return defaultPageWorkers(postGis);
        return (int) wholeNumber("PARKGRID_PAGE_WORKERS", n, 10_000, "from 0 (no bound) to 10000");
    }

    public boolean usesPostGis() {
        return databaseUrl != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
