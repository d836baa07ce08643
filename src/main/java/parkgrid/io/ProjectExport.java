package parkgrid.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.io.geopackage.GeoPackageEncoder;

/**
 * Every layer of a project in one download: a GeoPackage with one table per layer, or, for the other file
 * formats, a zip with one file per layer ({@code villages.geojson}, …) — for Shapefiles the {@code .shp .shx
 * .dbf .prj .cpg} of every layer side by side, so {@code ogrinfo /vsizip/…} lists them as layers. Layers are
 * streamed one after the other with the format's own encoder, so memory is that of one feature (a Shapefile
 * layer passes through a temporary file, its zip being written only at its end).
 */
public final class ProjectExport {
    private final FeatureFormat format;
    private final EncodingOptions options;

    /**
     * The formats a project is exported in: every file format that takes any layer (the land-approval TXT
     * holds parcels only, so it is not among them).
     */
    public static List<FeatureFormat> formats() {
        return FeatureFormats.STANDARD.files().stream().filter(f -> f != FeatureFormats.LAND_TXT).toList();
    }

    /** @throws IllegalArgumentException for a format not in {@link #formats()} */
    public ProjectExport(FeatureFormat format, EncodingOptions options) {
        if (!formats().contains(format)) throw new IllegalArgumentException("not a project export format: " + format.name());
        this.format = format;
        this.options = options;
    }

    /** True when the download is the format's own file (a GeoPackage), false when it is a zip of files. */
    public boolean isSingleFile() {
        return format == FeatureFormats.GEOPACKAGE;
    }

    /** The download's media type: the GeoPackage's, else {@code application/zip}. */
    public String contentType() {
        return isSingleFile() ? format.contentType() : "application/zip";
    }

    /** The download's file name for a project called {@code base}: {@code base.gpkg}, {@code base-geojson.zip}, …. */
    public String fileName(String base) {
        return isSingleFile() ? base + "." + format.fileExtension() : base + "-" + format.name() + ".zip";
    }

    /** Writes every layer, in the order given, to {@code out}, and closes it. */
    public void write(List<? extends LayerSource> layers, OutputStream out) throws IOException {
        if (isSingleFile()) {
            try (GeoPackageEncoder gpkg = GeoPackageEncoder.project(out, options)) {
                for (LayerSource layer : layers) encode(gpkg, layer);
                gpkg.finish();
            }
            return;
        }
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (LayerSource layer : layers) {
                if (format == FeatureFormats.SHAPEFILE) addShapefile(zip, layer);
                else {
                    zip.putNextEntry(new ZipEntry(layer.layer().name() + "." + format.fileExtension()));
                    try (FeatureEncoder encoder = format.encoder(new Unclosed(zip), options)) {
                        encode(encoder, layer);
                    }
                    zip.closeEntry();
                }
            }
        }
    }

    private static void encode(FeatureEncoder encoder, LayerSource source) throws IOException {
        Layer layer = source.layer();
        encoder.start(CollectionMetadata.titled(layer.title()).withName(layer.name()).withLayer(layer));
        source.forEach(encoder::feature);
        encoder.end();
    }

    /** A layer's zipped Shapefile, written to a temporary file and copied entry by entry into the project's zip. */
    private void addShapefile(ZipOutputStream zip, LayerSource layer) throws IOException {
        Path tmp = Files.createTempFile("parkgrid-project", ".zip");
        try {
            try (FeatureEncoder encoder = format.encoder(Files.newOutputStream(tmp), options)) {
                encode(encoder, layer);
            }
            try (InputStream in = Files.newInputStream(tmp); ZipInputStream inner = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                for (ZipEntry e = inner.getNextEntry(); e != null; e = inner.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    inner.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The zip stream as an encoder sees it: closing it ends nothing but the encoder's own part. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
