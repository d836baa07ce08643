package parkgrid.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import parkgrid.feature.ParkGridException;

/**
 * Copies an upload to a temporary file, so readers can read it as often as they need and memory holds none
 * of it; refuses it as soon as it passes the size limit (the partial file is deleted).
 */
public final class UploadSpool {
    private UploadSpool() {}

    /**
     * @param fileName the upload's name (its ending is kept, readers of zips and KMZ look at it); may be null
     * @return the spooled file; the caller deletes it
     * @throws ParkGridException too large when the upload has more than {@code maxBytes} bytes
     */
    public static Path spool(InputStream upload, String fileName, long maxBytes) throws IOException {
        String suffix = fileName == null || fileName.lastIndexOf('.') < 0 ? ".upload" : fileName.substring(fileName.lastIndexOf('.'));
        if (!suffix.matches("\\.[A-Za-z0-9]{1,10}")) suffix = ".upload";
        Path file = Files.createTempFile("parkgrid-import-", suffix);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = upload.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) throw tooLarge(maxBytes);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** The refusal of an upload over {@code maxBytes}. */
    public static ParkGridException tooLarge(long maxBytes) {
        return ParkGridException.tooLarge("body", "the upload is larger than " + maxBytes + " bytes (PARKGRID_IMPORT_MAX_MB)");
    }
}
