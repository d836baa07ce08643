package parkgrid.io;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * What the client said about an uploaded file; null for "not said: detect it or use the default".
 *
 * @param layerName the layer's name when the file gives none (e.g. the upload's file name)
 * @param charset   the text encoding (GBK, UTF-8 …) when the client names one; a reader detects it otherwise
 *                  (a Shapefile's {@code .cpg} or DBF language id, a DXF header)
 * @param extra     format-specific options as the client wrote them (e.g. a CSV's {@code x}/{@code y}/{@code wkt}
 *                  column names); a reader rejects one it does not know
 */
public record ReadOptions(String layerName, Charset charset, Map<String, String> extra) {
    public ReadOptions {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static ReadOptions named(String layerName) {
        return new ReadOptions(layerName, null, Map.of());
    }
}
