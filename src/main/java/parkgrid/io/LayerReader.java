package parkgrid.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import parkgrid.feature.LayerSource;

/**
 * Reads one input format (GeoJSON, zipped Shapefile, CSV, KML, GeoPackage, TXT 电子报盘, DXF …) from a file
 * into a streaming {@link LayerSource}: it parses and nothing more. Coordinates come as the file gives them,
 * in {@link Read#crs()}; the import turns them into lon/lat in one place, and {@link parkgrid.store.FeatureChecks}
 * checks every feature once as a store writes it. A new import format is one reader class and one
 * {@code register} line in {@link LayerReaders#standard()}.
 */
public interface LayerReader {

    /** The {@code format} value that picks this reader, e.g. {@code shapefile}. */
    String id();

    /** File name endings this reader takes when no format is named, lower case with the dot, e.g. {@code .zip}. */
    List<String> extensions();

    /**
     * Opens {@code file} (an upload spooled to disk, read as often as the source needs).
     *
     * @throws IllegalArgumentException naming the feature, line or member the file gets wrong
     */
    Read read(Path file, ReadOptions options) throws IOException;

    /**
     * What a reader found.
     *
     * @param source the layer and its features in the file's coordinates
     * @param crs    the CRS those coordinates are in, as an EPSG/OGC URI or code the file declares
     *               ({@code .prj}, a GeoJSON {@code crs} member); null when the file does not say (lon/lat
     *               unless the client names one)
     */
    record Read(LayerSource source, String crs) {}
}
