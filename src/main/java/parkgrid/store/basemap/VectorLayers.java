package parkgrid.store.basemap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code vector_layers} ids of a tile package's JSON metadata (the TileJSON 3.0 member MBTiles keeps in its
 * {@code json} row and PMTiles at the top of its metadata).
 */
final class VectorLayers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorLayers() {}

    /** The ids in order; empty when the text is null, not JSON, or lists none. */
    static List<String> of(String json) {
        if (json == null) return List.of();
        try {
            return of(JSON.readTree(json));
        } catch (IOException e) {
            return List.of(); // a package whose metadata is not JSON: the page paints no layer of it
        }
    }

    static List<String> of(JsonNode metadata) {
        List<String> ids = new ArrayList<>();
        metadata.path("vector_layers").forEach(l -> {
            if (l.hasNonNull("id")) ids.add(l.get("id").asText());
        });
        return List.copyOf(ids);
    }
}
