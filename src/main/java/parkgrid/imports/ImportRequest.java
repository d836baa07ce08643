package parkgrid.imports;

import java.nio.charset.Charset;
import java.util.Map;
import parkgrid.feature.Identifiers;

/**
 * What a client asks of one import.
 *
 * @param layer    the layer to create, or to append to
 * @param append   true to add the features to the existing layer {@code layer} (ids given anew after its highest id);
 *                 false to create it (it must not exist; the file's ids are kept)
 * @param format   the reader's id ({@code geojson}, {@code kml}, {@code txt}, {@code dxf} …); null: chosen by {@code fileName}
 * @param fileName the upload's file name, which picks the reader when {@code format} is null; may be null
 * @param crs      the CRS of the file's positions ({@code EPSG:4547}, {@code GCJ-02}, {@code CGCS2000-GK}); null: what
 *                 the file declares, else lon/lat or Gauss–Krüger by the positions ({@link parkgrid.geo.SourceCoordinates})
 * @param zone     the Gauss–Krüger zone of prefix-less eastings, or null
 * @param cm       the central meridian (°E) of prefix-less eastings, or null
 * @param dryRun   true: check and report, write nothing
 * @param charset  the file's text encoding when the client names it, else null (the reader detects it)
 * @param extra    format-specific reader options
 */
public record ImportRequest(String layer, boolean append, String format, String fileName, String crs, Integer zone, Double cm,
                            boolean dryRun, Charset charset, Map<String, String> extra) {
    public ImportRequest {
        Identifiers.requireValid(layer, "layer");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A new layer from a file, the format and CRS found from the file. */
    public static ImportRequest create(String layer, String fileName) {
        return new ImportRequest(layer, false, null, fileName, null, null, null, false, null, Map.of());
    }

    public ImportRequest appending() {
        return new ImportRequest(layer, true, format, fileName, crs, zone, cm, dryRun, charset, extra);
    }

    public ImportRequest dry() {
        return new ImportRequest(layer, append, format, fileName, crs, zone, cm, true, charset, extra);
    }

    public ImportRequest inCrs(String c, Integer z, Double meridian) {
        return new ImportRequest(layer, append, format, fileName, c, z, meridian, dryRun, charset, extra);
    }

    public ImportRequest withFormat(String f) {
        return new ImportRequest(layer, append, f, fileName, crs, zone, cm, dryRun, charset, extra);
    }
}
