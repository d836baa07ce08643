package parkgrid.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One output format of feature collections, as {@link FeatureFormats} registers it.
 *
 * @param name          the {@code f} value that picks it ({@code geojson}, {@code html})
 * @param aliases       further {@code f} values that pick it ({@code json}, media types)
 * @param mediaType     the Content-Type of its answers and the Accept type that picks it
 * @param fileExtension the extension of a downloaded file ({@code /export}); null when it is no file format
 * @param encoders      makes an encoder writing to a stream
 */
public record FeatureFormat(String name, List<String> aliases, String mediaType, String fileExtension, Encoders encoders) {
    /** Makes the encoder of one answer. */
    @FunctionalInterface
    public interface Encoders {
        FeatureEncoder open(OutputStream out, EncodingOptions options) throws IOException;
    }

    public FeatureFormat {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a format needs a name");
        if (mediaType == null || mediaType.isBlank()) throw new IllegalArgumentException("format " + name + " needs a media type");
        aliases = List.copyOf(aliases);
    }

    /** A new encoder for one answer, writing to {@code out} (which its close() closes). */
    public FeatureEncoder encoder(OutputStream out, EncodingOptions options) throws IOException {
        return encoders.open(out, options);
    }

    /** The Content-Type header of its answers: text types say they are UTF-8. */
    public String contentType() {
        return mediaType.startsWith("text/") ? mediaType + "; charset=utf-8" : mediaType;
    }

    /** True when {@code /export} can write it as a file. */
    public boolean isFile() {
        return fileExtension != null;
    }

    /** True when {@code f=value} names this format. */
    public boolean isNamed(String value) {
        return name.equals(value) || mediaType.equals(value) || aliases.contains(value);
    }
}
