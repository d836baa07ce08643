package parkgrid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers are data: no seed layer name is spelled out in the server's Java or the map's JavaScript, except in
 * the role defaults ({@link LayerRoles}, static/roles.js). A layer named in code silently drops out when an
 * import or a rename gives it another name; code asks for a role instead.
 */
class SeedLayerNamesInCodeTest {
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path STATIC = Path.of("static");
    private static final List<Path> ROLE_DEFAULTS = List.of(JAVA.resolve("parkgrid/config/LayerRoles.java"), STATIC.resolve("roles.js"));

    /** The seed's layer names, read from data/seed/layers.txt (one {@code name.geojson} a line). */
    static List<String> seedLayerNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("data/seed/layers.txt"), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.startsWith("#") && l.endsWith(".geojson")) names.add(l.substring(0, l.length() - ".geojson".length()));
        }
        return names;
    }

    /**
     * A name as a string literal ({@code "villages"}, {@code 'villages'}, {@code `villages`}) or, in JavaScript, as an
     * object key ({@code villages: …}). Members ({@code u.villages}) are not looked for: response fields such as the
     * village count of the upgrade progress share the word.
     */
    static Pattern spelled(List<String> names, boolean javaScript) {
        String alt = String.join("|", names.stream().map(Pattern::quote).toList());
        String literal = "[\"'`](?:" + alt + ")[\"'`]";
        return Pattern.compile(javaScript ? literal + "|(?:^|[{,\\s])(?:" + alt + ")\\s*:(?!:)" : literal);
    }

    static List<String> hits(Path root, String extension, Pattern pattern) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(extension) && !ROLE_DEFAULTS.contains(p)).sorted().forEach(p -> {
                try {
                    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).strip();
                        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) continue; // prose may name the seed
                        Matcher m = pattern.matcher(lines.get(i));
                        if (m.find()) out.add(p + ":" + (i + 1) + ": " + code);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    @Test
    void thePatternFindsTheSpellingsItLooksFor() throws IOException {
        List<String> names = seedLayerNames();
        assertTrue(names.size() >= 10 && names.contains("power_lines") && names.contains("villages"), names.toString());
        Pattern js = spelled(names, true);
        for (String s : List.of("has('villages')", "{ power_lines: 1 }", "  park: { label: 'x' }", "\"substations\"", "`parcels`")) {
            assertTrue(js.matcher(s).find(), s);
        }
        for (String s : List.of("'power_lines_km_by_voltage'", "s.power_lines_km_by_voltage", "ROLE.PARK", "'村庄'", "villages 村")) {
            assertTrue(!js.matcher(s).find(), s);
        }
        assertTrue(spelled(names, false).matcher("store.layer(\"villages\")").find());
    }

    @Test
    void noSeedLayerNameIsSpelledOutInTheServersJava() throws IOException {
        assertEquals(List.of(), hits(JAVA, ".java", spelled(seedLayerNames(), false)));
    }

    @Test
    void noSeedLayerNameIsSpelledOutInTheMapsJavaScript() throws IOException {
        assertEquals(List.of(), hits(STATIC, ".js", spelled(seedLayerNames(), true)));
    }

    @Test
    void theRoleDefaultsNameEverySeedLayer() throws IOException {
        assertEquals(List.copyOf(new java.util.TreeSet<>(seedLayerNames())),
                List.copyOf(new java.util.TreeSet<>(LayerRoles.seed().asMap().values())));
    }
}
