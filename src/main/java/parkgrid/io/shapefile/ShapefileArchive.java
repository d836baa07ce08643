package parkgrid.io.shapefile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One Shapefile inside a zip: the {@code .shp} (the first one, or the one whose base name is asked for) and its
 * sister files of the same base name in the same folder, matched case-insensitively. Entry names are read as
 * UTF-8, or as GBK when the zip (made by a Chinese Windows) has GBK names without the UTF-8 flag.
 */
final class ShapefileArchive implements AutoCloseable {
    private final ZipFile zip;
    private final String base;

    private ShapefileArchive(ZipFile zip, String base) {
        this.zip = zip;
        this.base = base;
    }

    /**
     * @param wanted the base name of the Shapefile to take (without folder and {@code .shp}); null for the first
     * @throws IllegalArgumentException when the file is no zip or holds no (such) {@code .shp}
     */
    static ShapefileArchive open(Path file, String wanted) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
            zip.stream().count(); // decodes every name: fails here on GBK names
        } catch (ZipException | IllegalArgumentException e) {
            try {
                zip = new ZipFile(file.toFile(), CodePage.GBK);
            } catch (ZipException notZip) {
                throw new IllegalArgumentException("not a zip file: " + notZip.getMessage(), notZip);
            }
        }
        List<String> shps = zip.stream().map(ZipEntry::getName)
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".shp") && !n.startsWith("__MACOSX/")).toList();
        Optional<String> shp = shps.stream().filter(n -> wanted == null || baseName(n).equals(wanted)).findFirst();
        if (shp.isEmpty()) {
            zip.close();
            throw new IllegalArgumentException(wanted == null ? "the zip holds no .shp file"
                    : "the zip holds no " + wanted + ".shp (it has " + shps + ")");
        }
        String n = shp.get();
        return new ShapefileArchive(zip, n.substring(0, n.length() - 4));
    }

    private static String baseName(String entry) {
        String n = entry.substring(entry.lastIndexOf('/') + 1);
        return n.substring(0, n.length() - 4);
    }

    /** The Shapefile's name without folder and extension, e.g. {@code 地块}. */
    String name() {
        return base.substring(base.lastIndexOf('/') + 1);
    }

    /** The sister file with this extension ({@code .dbf}, {@code .prj}, {@code .cpg}), if the zip has it. */
    Optional<ZipEntry> entry(String extension) {
        String wanted = (base + extension).toLowerCase(Locale.ROOT);
        return zip.stream().filter(e -> e.getName().toLowerCase(Locale.ROOT).equals(wanted)).map(e -> (ZipEntry) e).findFirst();
    }

    /** Opens the sister file with this extension. */
    InputStream open(String extension) throws IOException {
        ZipEntry e = entry(extension).orElseThrow(() -> new IllegalArgumentException("the zip has no " + name() + extension));
        return zip.getInputStream(e);
    }

    /** The sister file's text, if there is one. */
    Optional<String> text(String extension, java.nio.charset.Charset charset) throws IOException {
        if (entry(extension).isEmpty()) return Optional.empty();
        try (InputStream in = open(extension)) {
            return Optional.of(new String(in.readAllBytes(), charset));
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
