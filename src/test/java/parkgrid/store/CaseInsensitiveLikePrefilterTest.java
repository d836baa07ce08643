package parkgrid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.filter.BoundFilter;
import parkgrid.filter.FilterBinder;
import parkgrid.filter.FilterEvaluator;
import parkgrid.store.geopackage.GeoPackageStore;

/**
 * A CASEI LIKE on the GeoPackage: SQLite narrows the rows with a condition every match satisfies, Java decides;
 * the answers are those of the evaluator on every row, also for values whose case mapping changes their length
 * or turns a non-ASCII letter into an ASCII one (ß, ﬁ, the Kelvin sign, İ, ı, ſ), and for Chinese names.
 */
class CaseInsensitiveLikePrefilterTest {
    static final Layer PLACES = new Layer("places", "Places", null, null, GeometryKind.POINT, List.of(
            new PropertyDefinition("name", PropertyType.STRING), new PropertyDefinition("name_en", PropertyType.STRING)), null, null);
    static final String[] NAMES = {"Zhangzhuang", "ZHANGZHUANG", "zhang Wa", "Straße", "STRASSE", "strasse 5", "ﬁle", "FILE", "\u212Aelvin",
            "kelvin", "İstanbul", "ıstanbul", "ſtreet", "street", "Dōngyuántóu", "Dongyuantou", "张庄村", "张庄村 Zhangzhuang", "100%_村",
            "a\\b", "Ⅻ", null};

    private static BoundFilter bound(String cql2) {
        return FilterBinder.parseAndBind(cql2, PLACES);
    }

    @Test
    void writesTheConditionOnlyForAnAsciiPatternWithoutOneCharacterWildcardsUnderCaseiAlone() {
        FilterSql s = FilterSql.of(bound("CASEI(name) LIKE CASEI('%Zhang%')"), SqlDialect.SQLITE, null);
        assertEquals("(\"name\" LIKE ? ESCAPE '\\' OR \"name\" GLOB ?)", s.getSql());
        assertEquals("%zhang%", s.getParameters().get(0));
        assertEquals(CaseInsensitiveLikePrefilter.glob(), s.getParameters().get(1), "the GLOB of the characters that fold to ASCII (tested below)");
        assertTrue(s.requiresJavaEvaluation(), "Java still decides the CASEI");

        assertEquals("", FilterSql.of(bound("CASEI(name) LIKE CASEI('zh_ng%')"), SqlDialect.SQLITE, null).getSql(), "_ may be half of ß");
        assertEquals("", FilterSql.of(bound("CASEI(name) LIKE CASEI('%Café%')"), SqlDialect.SQLITE, null).getSql(), "é is not ASCII");
        assertEquals(List.of("%strasse%"), FilterSql.of(bound("CASEI(name) LIKE CASEI('%Straße%')"), SqlDialect.SQLITE, null).getParameters()
                .subList(0, 1), "CASEI('Straße') is ASCII: strasse");
        assertEquals("", FilterSql.of(bound("ACCENTI(name) LIKE '%dong%'"), SqlDialect.SQLITE, null).getSql(), "ACCENTI makes ō an o");
        assertEquals("", FilterSql.of(bound("NOT CASEI(name) LIKE CASEI('%zhang%')"), SqlDialect.SQLITE, null).getSql(), "nothing is implied under NOT");
        assertEquals("", FilterSql.of(bound("CASEI(name) LIKE CASEI('%zhang%') OR ACCENTI(name) LIKE '%dong%'"), SqlDialect.SQLITE, null).getSql(),
                "an OR needs a condition for each side");
        FilterSql or = FilterSql.of(bound("CASEI(name) LIKE CASEI('%zhang%') OR CASEI(name_en) LIKE CASEI('%zhang%')"), SqlDialect.SQLITE, null);
        assertEquals("((\"name\" LIKE ? ESCAPE '\\' OR \"name\" GLOB ?)) OR ((\"name_en\" LIKE ? ESCAPE '\\' OR \"name_en\" GLOB ?))", or.getSql());
        FilterSql and = FilterSql.of(bound("name_en IS NULL AND CASEI(name) LIKE CASEI('%zhang%')"), SqlDialect.SQLITE, null);
        assertEquals("\"name_en\" IS NULL AND (\"name\" LIKE ? ESCAPE '\\' OR \"name\" GLOB ?)", and.getSql());
        assertNull(SqlDialect.POSTGIS.likeNecessaryCondition("\"name\"", (parkgrid.filter.Filter.Like) bound("CASEI(name) LIKE '%a%'").filter(),
                new ArrayList<>()), "PostGIS decides CASEI in SQL");
    }

    @Test
    void theGeoPackageAnswersWhatTheEvaluatorAnswersOnEveryRow(@TempDir Path dir) throws IOException {
        GeometryFactory gf = new GeometryFactory();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("name", NAMES[i]);
            p.put("name_en", i % 3 == 0 ? null : NAMES[NAMES.length - 1 - i]);
            features.add(new Feature(i + 1, gf.createPoint(new Coordinate(112 + i * 0.01, 34)), p));
        }
        List<String> filters = List.of("CASEI(name) LIKE CASEI('%zhang%')", "CASEI(name) LIKE CASEI('zhang%')", "CASEI(name) LIKE CASEI('%Strasse%')",
                "CASEI(name) LIKE CASEI('%ss%')", "CASEI(name) LIKE CASEI('%FI%')", "CASEI(name) LIKE CASEI('%KELVIN')", "CASEI(name) LIKE CASEI('%i%')",
                "CASEI(name) LIKE CASEI('%ist%')", "CASEI(name) LIKE CASEI('%Straße%')", "CASEI(name) LIKE CASEI('%Café%')", "CASEI(name) LIKE CASEI('%st%')", "CASEI(name) LIKE CASEI('%xii%')", "CASEI(name) LIKE CASEI('100\\%%')",
                "CASEI(name) LIKE CASEI('%a\\\\b%')", "CASEI(name) LIKE CASEI('%')", "CASEI(name) LIKE CASEI('street')",
                "CASEI(name) LIKE CASEI('%zhang%') OR CASEI(name_en) LIKE CASEI('%zhang%')",
                "name_en IS NOT NULL AND CASEI(name) LIKE CASEI('%s%')", "CASEI(name) LIKE '%Zhang%'");
        try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("places.gpkg"))) {
            store.createLayer(PLACES);
            store.insert(PLACES.name(), features);
            for (String cql2 : filters) {
                BoundFilter filter = bound(cql2);
                FilterEvaluator evaluator = new FilterEvaluator(filter);
                List<Long> expected = features.stream().filter(evaluator::matches).map(Feature::id).toList();
                List<Long> got = new ArrayList<>();
                FeatureQuery query = new FeatureQuery(null, Map.of(), filter, List.of(), FeatureQuery.UNLIMITED, 0);
                store.forEach(PLACES.name(), query, f -> got.add(f.id()));
                assertEquals(expected, got, cql2);
                assertEquals(expected.size(), store.count(PLACES.name(), query), "count of " + cql2);
            }
            BoundFilter zhang = bound("CASEI(name) LIKE CASEI('%zhang%')");
            assertEquals(List.of(1L, 2L, 3L, 18L), features.stream().filter(new FilterEvaluator(zhang)::matches).map(Feature::id).toList(),
                    "the evaluator's answer the store is held to");
        }
    }

    /**
     * The GLOB's bracket (written with ranges) holds exactly the characters whose CASEI value holds an ASCII
     * character: SQLite matches it on each of them and on no other character of the Basic Multilingual Plane.
     */
    @Test
    void theGlobHoldsExactlyTheCharactersThatFoldToAscii() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:"); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ch (cp INTEGER, t TEXT)");
            c.setAutoCommit(false);
            List<Integer> expected = new ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO ch VALUES (?, ?)")) {
                for (int cp = 0x80; cp <= 0x10FFFF; cp++) {
                    if (!Character.isDefined(cp) || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) continue;
                    if (cp > 0xFFFF && cp % 17 != 0) continue; // the supplementary planes sampled
                    String text = "a" + new String(Character.toChars(cp)) + "b";
                    if (parkgrid.filter.TextFunction.CASEI.apply(new String(Character.toChars(cp))).chars().anyMatch(x -> x < 0x80)) expected.add(cp);
                    ps.setInt(1, cp);
                    ps.setString(2, text);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            List<Integer> got = new ArrayList<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT cp FROM ch WHERE t GLOB ? ORDER BY cp")) {
                ps.setString(1, CaseInsensitiveLikePrefilter.glob());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) got.add(rs.getInt(1));
                }
            }
            assertEquals(expected, got, CaseInsensitiveLikePrefilter.glob());
            assertTrue(expected.size() >= 19, expected.size() + " characters fold to ASCII");
            assertTrue(CaseInsensitiveLikePrefilter.glob().contains("-"), "runs are written as ranges: " + CaseInsensitiveLikePrefilter.glob());
        }
    }
}
