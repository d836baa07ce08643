package parkgrid.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parkgrid.feature.ParkGridException;

/**
 * The named criteria sets of the siting process, as data: {@code src/main/resources/siting/presets.json}, read
 * once at start. Each preset has exclusions, requirements and preferences written as an execution writes them
 * (plus {@code source} and {@code confidence}), and may include other presets by name. Editing the file and
 * restarting changes them; the server serves them at {@code GET /processes/siting/presets}.
 */
public final class SitingPresets {
    static final String RESOURCE = "/siting/presets.json";
    private static final List<String> KINDS = List.of("exclusions", "requirements", "preferences");

    private final JsonNode document;
    private final Map<String, JsonNode> byName = new LinkedHashMap<>();

    /** @throws IllegalArgumentException a preset without a name, a name given twice, or an include of an unknown preset */
    public SitingPresets(JsonNode document) {
        this.document = document.deepCopy();
        for (JsonNode p : document.path("presets")) {
            String name = p.path("name").asText("");
            if (name.isEmpty()) throw new IllegalArgumentException("siting preset without a name: " + p);
            if (byName.put(name, p) != null) throw new IllegalArgumentException("two siting presets are named '" + name + "'");
        }
        for (JsonNode p : byName.values()) {
            for (JsonNode inc : p.path("includes")) {
                if (!byName.containsKey(inc.asText())) {
                    throw new IllegalArgumentException("siting preset '" + p.get("name").asText() + "' includes unknown preset '" + inc.asText() + "'");
                }
            }
        }
    }

    /** The presets shipped in the jar. */
    public static SitingPresets standard() {
        try (InputStream in = SitingPresets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return new SitingPresets(InputValues.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The whole document, for {@code GET /processes/siting/presets}. */
    public ObjectNode json() {
        return (ObjectNode) document.deepCopy();
    }

    /** "name: title" lines, for the process description. */
    String summary() {
        List<String> lines = new ArrayList<>();
        byName.forEach((n, p) -> lines.add(n + " (" + p.path("title").asText() + ")"));
        return String.join("; ", lines);
    }

    /**
     * The criteria of the named presets, includes first, each criterion once: kind ({@code exclusions},
     * {@code requirements}, {@code preferences}) → criterion objects, each with the preset that brought it.
     *
     * @throws ParkGridException (invalid input) naming {@code presets[i]} for an unknown name
     */
    Map<String, List<ObjectNode>> criteria(JsonNode names) {
        Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
        KINDS.forEach(k -> out.put(k, new ArrayList<>()));
        if (names == null || names.isNull()) return out;
        if (!names.isArray()) throw ParkGridException.invalidParameter("presets", "presets must be an array of preset names");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode n = names.get(i);
            if (!n.isTextual() || !byName.containsKey(n.asText())) {
                throw ParkGridException.invalidParameter("presets[" + i + "]", "unknown siting preset " + n + ": presets are " + String.join(", ", byName.keySet()));
            }
            add(n.asText(), out, seen);
        }
        return out;
    }

    private void add(String name, Map<String, List<ObjectNode>> out, List<String> seen) {
        if (seen.contains(name)) return;
        seen.add(name);
        JsonNode p = byName.get(name);
        for (JsonNode inc : p.path("includes")) add(inc.asText(), out, seen);
        for (String kind : KINDS) {
            int k = 0;
            for (JsonNode c : p.path(kind)) {
                ObjectNode copy = c.deepCopy();
                copy.put("preset", name + "." + kind + "[" + k++ + "]");
                out.get(kind).add(copy);
            }
        }
    }

    /** The declared schema of {@code presets}: an array of the names. */
    Schema schema() {
        return Schema.arrayOf(Schema.string().enumOf(names()));
    }
}
