package parkgrid.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of feature-collection formats: which {@code f} value and which Accept media type picks
 * which {@link FeatureFormat}. {@link #STANDARD} holds what ParkGrid serves; a new export format is one
 * encoder class and one {@code register} line in {@link #standard()}. The first format registered is
 * the default (GeoJSON).
 */
public final class FeatureFormats {
    public static final FeatureFormat GEOJSON = new FeatureFormat("geojson",
            List.of("json", "application/json"), "application/geo+json", "geojson", GeoJsonEncoder::new);
    public static final FeatureFormat HTML = new FeatureFormat("html", List.of(), "text/html", null, HtmlEncoder::new);
    public static final FeatureFormat SHAPEFILE = new FeatureFormat("shapefile", List.of("shp"), "application/x-zipped-shp", "zip",
            parkgrid.io.shapefile.ShapefileEncoder::new);
    public static final FeatureFormat FLATGEOBUF = new FeatureFormat("flatgeobuf", List.of("fgb"), "application/flatgeobuf", "fgb",
            parkgrid.io.flatgeobuf.FlatGeobufEncoder::new);
    public static final FeatureFormat GEOPACKAGE = new FeatureFormat("geopackage", List.of("gpkg"), "application/geopackage+sqlite3", "gpkg",
            parkgrid.io.geopackage.GeoPackageEncoder::new);
    public static final FeatureFormat CSV = new FeatureFormat("csv", List.of(), "text/csv", "csv", parkgrid.io.csv.CsvEncoder::new);
    /** KML 2.2, WGS84 lon/lat whatever CRS is asked ({@link KmlEncoder}). */
    public static final FeatureFormat KML = new FeatureFormat("kml", List.of(), "application/vnd.google-earth.kml+xml", "kml", KmlEncoder::new);
    /**
     * The land-approval boundary file TXT 电子报盘, polygon layers only ({@link LandApprovalTxtEncoder}). Its media type is
     * its own: clients such as GDAL send {@code Accept: text/plain} and must not get survey files for it.
     */
    public static final FeatureFormat LAND_TXT = new FeatureFormat("txt", List.of("landtxt"), "text/x-land-approval-txt", "txt",
            (out, options) -> new LandApprovalTxtEncoder(out, options));

    /** The formats ParkGrid serves. */
    public static final FeatureFormats STANDARD = standard();

    private final List<FeatureFormat> formats = new ArrayList<>();

    private FeatureFormats() {}

    private static FeatureFormats standard() {
        return new FeatureFormats()
                .register(GEOJSON)
                .register(HTML)
                .register(SHAPEFILE)
                .register(CSV)
                .register(FLATGEOBUF)
                .register(GEOPACKAGE)
                .register(KML)
                .register(LAND_TXT);
    }

    /** An empty registry to fill with {@link #register}; the first format registered is the default. */
    public static FeatureFormats empty() {
        return new FeatureFormats();
    }

    /** @throws IllegalArgumentException when a name or alias is taken already */
    public FeatureFormats register(FeatureFormat format) {
        for (FeatureFormat f : formats) {
            for (String n : names(format)) {
                if (f.isNamed(n)) throw new IllegalArgumentException("format '" + n + "' is registered already (as " + f.name() + ")");
            }
        }
        formats.add(format);
        return this;
    }

    private static List<String> names(FeatureFormat f) {
        List<String> n = new ArrayList<>(f.aliases());
        n.add(f.name());
        n.add(f.mediaType());
        return n;
    }

    /** The format an {@code f} value names (its name, an alias or its media type), exact and case-sensitive. */
    public Optional<FeatureFormat> byName(String f) {
        return formats.stream().filter(x -> x.isNamed(f)).findFirst();
    }

    /**
     * The registered format an Accept header prefers: the highest {@code q} among the media types offered,
     * the first listed on a tie; empty when it offers none of ours (wildcards choose nothing).
     */
    public Optional<FeatureFormat> byAccept(String accept) {
        if (accept == null || accept.isBlank()) return Optional.empty();
        FeatureFormat best = null;
        double bestQ = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            Optional<FeatureFormat> f = formats.stream().filter(x -> x.mediaType().equals(type)).findFirst();
            if (f.isPresent() && q > bestQ) {
                best = f.get();
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The format answers have when neither {@code f} nor Accept picks one. */
    public FeatureFormat defaultFormat() {
        if (formats.isEmpty()) throw new IllegalStateException("no format is registered");
        return formats.get(0);
    }

    /** Every registered format, the default first. */
    public List<FeatureFormat> all() {
        return List.copyOf(formats);
    }

    /** The {@code f} names, the default first: "geojson, html". */
    public List<String> names() {
        return formats.stream().map(FeatureFormat::name).toList();
    }

    /** The formats {@code /export} writes as files. */
    public List<FeatureFormat> files() {
        return formats.stream().filter(FeatureFormat::isFile).toList();
    }
}
