package parkgrid.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson {@link ObjectMapper} of ParkGrid: request bodies, responses, problem documents, layer
 * metadata and seed files are read and written with the same settings (Jackson's defaults: UTF-8, numbers as
 * written, unknown members kept in trees). A mapper is thread-safe once configured, and nothing configures
 * this one after start-up.
 */
public final class Json {
    /** Shared by every package; do not reconfigure it. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
