package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static parkgrid.api.CoverageApiTest.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parkgrid.io.SeedData;
import parkgrid.store.postgis.PostGisStore;
import parkgrid.testing.RequiredServices;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/**
 * Coverage along the line network of the seeded Ruyang / Song grid walks only the lines of the assessed
 * voltage level, with a bounded access leg (issue 6: the three cases it quotes, with the corrected answers).
 */
class NetworkCoverageApiTest extends SeededServerTest {
    private static final String SCHEMA = "network_coverage_api_test";
    private static final String AT_10KV = "{\"supply\":\"substations\",\"demand\":\"villages\",\"mode\":\"network\","
            + "\"radius\":{\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":10,\"class_property\":\"supply_class\"}";
    private static final String AT_04KV = "{\"supply\":\"transformers\",\"demand\":\"villages\",\"mode\":\"network\","
            + "\"radius\":{\"type\":\"rule\",\"rules\":\"dlt5729\",\"voltage_kv\":0.4,\"class_property\":\"supply_class\"}";

    private static JsonNode village(JsonNode fc, String nameZh) {
        assertTrue(fc.get("features").size() > 0, fc.toString());
        for (JsonNode f : fc.get("features")) if (nameZh.equals(f.at("/properties/name_zh").asText())) return f.get("properties");
        throw new AssertionError("no village " + nameZh);
    }

    private static long idByName(TestServer s, String layer, String nameZh) {
        for (JsonNode f : s.get("/collections/" + layer + "/items?limit=1000").json().get("features")) {
            if (nameZh.equals(f.at("/properties/name_zh").asText())) return f.get("id").asLong();
        }
        throw new AssertionError("no " + nameZh + " in " + layer);
    }

    private static JsonNode run(TestServer s, String body) throws Exception {
        TestServer.Reply r = post(s, "coverage", body);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void songCountySeatIsNotReachedAlongThe35KvLineAt10Kv() throws Exception {
        JsonNode fc = run(server, AT_10KV + "}");
        long songChengguan = idByName(server, "substations", "嵩县城关110千伏变电站（示意）");
        JsonNode seat = village(fc, "嵩县县城");
        String reason = seat.get("reason").asText();
        assertFalse(seat.get("covered").asBoolean(), reason);
        assertTrue(seat.get("nearest_supplier_id").isNull(), "no 10 kV path at all: " + reason);
        assertTrue(reason.startsWith("off the network: the nearest of the 10 kV lines, "), reason);
        assertTrue(reason.contains("beyond the 500 m access leg allowed (default for 10 kV)"), reason);
        assertTrue(reason.matches(".*; substation " + songChengguan + ", 1 3\\d\\d m away in a straight line, has no 10 kV line within 500 m.*"), reason);
        assertFalse(reason.contains("35千伏"), reason);
        assertTrue(seat.get("access_m").asDouble() > 10_000, "the nearest 10 kV line is a township feeder far away: " + seat);

        JsonNode network = fc.at("/summary/network");
        assertEquals("voltage_kv = 10", network.get("filter").asText());
        assertEquals(97, network.get("line_total").asInt());
        assertEquals(29, network.get("line_count").asInt(), "the 10 kV lines of the seed");
        assertEquals(500, network.get("max_access_m").asDouble(), 0);
        assertEquals(songChengguan, network.at("/suppliers_off_network/0").asLong());
        assertEquals(1, network.get("suppliers_off_network").size(), "every other substation has a 10 kV feeder");
        assertTrue(network.get("description").asText().startsWith("29 of 97 lines (voltage_kv = 10, default: the assessed level, 10 kV)"),
                network.toString());
    }

    @Test
    void ruyangCountySeatIsReachedAlongABaishuFeederNotThe110KvLine() throws Exception {
        JsonNode fc = run(server, AT_10KV + "}");
        long chengguan = idByName(server, "substations", "汝阳城关110千伏变电站（示意）");
        JsonNode seat = village(fc, "汝阳县城");
        String reason = seat.get("reason").asText();
        assertTrue(seat.get("covered").asBoolean(), reason);
        assertEquals(chengguan, seat.get("covering_supplier_id").asLong());
        assertTrue(reason.startsWith("within "), reason);
        assertTrue(reason.contains(" of substation " + chengguan + " (limit 5 000 m, class C 10 kV): along 10 kV lines (柏树"), reason);
        assertTrue(reason.contains("m access leg (max 500 m)"), reason);
        assertFalse(reason.contains("110千伏"), reason);
        double access = seat.get("access_m").asDouble();
        assertTrue(access > 0 && access <= 500, seat.toString());
        assertTrue(seat.get("distance_m").asDouble() > access);
    }

    @Test
    void aSettlementBesideA10KvFeederIsOffThe04KvNetwork() throws Exception {
        JsonNode fc = run(server, AT_04KV + "}");
        JsonNode west = village(fc, "园区西侧居民点（示意）");
        String reason = west.get("reason").asText();
        assertFalse(west.get("covered").asBoolean(), reason);
        assertTrue(west.get("nearest_supplier_id").isNull(), "no transformer reached through a 10 kV feeder: " + reason);
        assertTrue(reason.startsWith("off the network: the nearest of the 0.4 kV lines, "), reason);
        assertTrue(reason.contains("beyond the 250 m access leg allowed (default for 0.4 kV)"), reason);
        assertFalse(reason.contains("10千伏"), reason);
        // the villages with a transformer of their own are reached along their own 0.4 kV lines
        JsonNode chengcun = village(fc, "程村");
        assertTrue(chengcun.get("covered").asBoolean(), chengcun.toString());
        assertTrue(chengcun.get("reason").asText().contains("along 0.4 kV lines (程村0.4千伏线路"), chengcun.toString());
        assertEquals("voltage_kv = 0.4", fc.at("/summary/network/filter").asText());
        for (JsonNode f : fc.get("features")) {
            assertFalse(f.at("/properties/reason").asText().contains("10千伏"), f.at("/properties/reason").asText());
        }
    }

    @Test
    void aNetworkFilterAndAnAccessBoundAreUsedAndReported() throws Exception {
        JsonNode fc = run(server, AT_04KV + ",\"network_filter\":\"voltage_kv = 0.4 AND name_zh LIKE '程村%'\",\"max_access_m\":60}");
        JsonNode network = fc.at("/summary/network");
        assertEquals("voltage_kv = 0.4 AND name_zh LIKE '程村%'", network.get("filter").asText());
        assertEquals("network_filter", network.get("origin").asText());
        assertEquals("max_access_m", network.get("max_access_origin").asText());
        assertEquals(60, network.get("max_access_m").asDouble(), 0);
        assertTrue(network.get("line_count").asInt() >= 1 && network.get("line_count").asInt() < 10, network.toString());
        JsonNode chengcun = village(fc, "程村");
        assertTrue(chengcun.get("covered").asBoolean(), chengcun.toString());
        assertTrue(chengcun.get("reason").asText().contains("along lines matching voltage_kv = 0.4 AND name_zh LIKE '程村%' (程村0.4千伏线路"),
                chengcun.toString());
        assertTrue(chengcun.get("reason").asText().endsWith("m access leg (max 60 m)"), chengcun.toString());
        JsonNode dongyuantou = village(fc, "东源头村");
        assertFalse(dongyuantou.get("covered").asBoolean(), "its 0.4 kV lines are not in the network: " + dongyuantou);
    }

    @Test
    void theHighVoltageRuleSetIsUsable() throws Exception {
        JsonNode fc = run(server, "{\"supply\":\"substations\",\"demand\":\"villages\",\"mode\":\"network\","
                + "\"radius\":{\"type\":\"rule\",\"rules\":\"hv_service_radius\",\"voltage_kv\":110,\"class_property\":\"supply_class\"}}");
        assertTrue(fc.at("/summary/radius").asText().startsWith("HV service radius"), fc.at("/summary").toString());
        assertEquals("voltage_kv = 110", fc.at("/summary/network/filter").asText());
        assertEquals(1000, fc.at("/summary/network/max_access_m").asDouble(), 0);
        JsonNode seat = village(fc, "汝阳县城");
        assertTrue(seat.get("covered").asBoolean(), seat.toString());
        assertTrue(seat.get("reason").asText().contains("(limit 30 000 m, class C 110 kV): along 110 kV lines ("), seat.toString());
        JsonNode euclid = run(server, "{\"supply\":\"substations\",\"demand\":\"villages\","
                + "\"radius\":{\"type\":\"rule\",\"rules\":\"hv_service_radius\",\"voltage_kv\":35,\"class\":\"D\"}}");
        assertTrue(euclid.at("/summary/covered_count").asInt() >= 1, euclid.at("/summary").toString());
    }

    @Test
    void theSupplyRadiusCheckReportsItsNetworkAndAgreesWithTheSeedNotes() throws Exception {
        TestServer.Reply r = post(server, "supply-radius", "{\"inputs\":{\"voltage_kv\":10}}");
        assertEquals(200, r.status(), r.body());
        JsonNode fc = r.json();
        long chengguan = idByName(server, "substations", "汝阳城关110千伏变电站（示意）");
        JsonNode ruyang = null;
        for (JsonNode f : fc.get("features")) if (f.at("/properties/source_id").asLong() == chengguan) ruyang = f.get("properties");
        assertTrue(ruyang != null, fc.toString());
        assertEquals("D", ruyang.get("supply_class").asText(), ruyang.toString());
        assertFalse(ruyang.get("over").asBoolean(), "data/SOURCES.md: the Baishu feeders are within the class-D 15 km radius: " + ruyang);
        assertEquals(14300, ruyang.get("longest_path_m").asDouble(), 100);
        assertEquals("voltage_kv = 10", fc.at("/summary/network/filter").asText());
        assertEquals(idByName(server, "substations", "嵩县城关110千伏变电站（示意）"), fc.at("/summary/network/suppliers_off_network/0").asLong());
        JsonNode narrow = post(server, "supply-radius", "{\"voltage_kv\":10,\"network_filter\":\"feeder = 'Baishu south 10 kV feeder'\"}").json();
        assertEquals(1, narrow.get("features").size(), narrow.toString());
        assertEquals(7, narrow.at("/features/0/properties/load_count").asInt(), "the seven transformers of the south feeder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "coverage | ,\"network_filter\":\"voltage_kv = \" | network_filter",
        "coverage | ,\"network_filter\":\"height > 3\" | network_filter",
        "coverage | ,\"network_filter\":\"voltage_kv = '十千伏'\" | network_filter",
        "coverage | ,\"network_filter\":\"voltage_kv = 220\" | network_filter",
        "coverage | ,\"network_filter\":7 | network_filter",
        "coverage | ,\"max_access_m\":0 | max_access_m",
        "coverage | ,\"max_access_m\":-50 | max_access_m",
        "coverage | ,\"max_access_m\":\"五百米\" | max_access_m",
        "coverage | ,\"radius\":{\"type\":\"rule\",\"rules\":\"国标\",\"voltage_kv\":10} | radius.rules",
        "supply-radius | ,\"class\":\"Z\" | class",
        "euclidean | ,\"max_access_m\":300 | max_access_m",
        "supply-radius | ,\"network_filter\":\"名称 = 1\" | network_filter",
        "supply-radius | ,\"max_access_m\":0 | max_access_m",
    })
    void badNetworkInputIsAProblemNamingIt(String process, String extra, String parameter) throws Exception {
        String body = switch (process) {
            case "coverage" -> AT_10KV + extra + "}";
            case "euclidean" -> AT_10KV.replace("\"network\"", "\"euclidean\"") + extra + "}";
            default -> "{\"voltage_kv\":10" + extra + "}";
        };
        TestServer.Reply r = post(server, process.equals("supply-radius") ? process : "coverage", body);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(parameter, r.json().get("parameter").asText(), r.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "coverage | ,\"network\":\"汝阳县线路\" | network",
        "supply-radius | ,\"lines\":\"汝阳县线路\" | lines",
        "supply-radius | ,\"sources\":\"嵩县变电站\" | sources",
        "supply-radius | ,\"loads\":\"程村配变\" | loads",
    })
    void aMissingLayerIsNotFoundNamingTheInputThatNamedIt(String process, String extra, String parameter) throws Exception {
        String body = process.equals("coverage") ? AT_10KV + extra + "}" : "{\"voltage_kv\":10" + extra + "}";
        TestServer.Reply r = post(server, process, body);
        assertEquals(404, r.status(), r.body());
        assertEquals("application/problem+json", r.mediaType());
        assertEquals(parameter, r.json().get("parameter").asText(), r.body());
        assertTrue(r.json().get("detail").asText().contains(extra.substring(extra.lastIndexOf(':') + 2, extra.length() - 1)), r.body());
    }

    /** The access leg decides whether a settlement is on the network: it must agree with PostGIS geography. */
    @Test
    void accessLegsAndAnswersAgreeWithPostGis() throws Exception {
        JsonNode embedded = run(server, AT_10KV + "}");
        String url = RequiredServices.postGisUrl();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            try (PostGisStore store = PostGisStore.open(url, "postgres", "", SCHEMA)) {
                SeedData.loadIfEmpty(store);
                int compared = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT min(ST_Distance(v.geom::geography, l.geom::geography)) FROM "
                        + SCHEMA + ".villages v, " + SCHEMA + ".power_lines l WHERE v.name_zh = ? AND l.voltage_kv = 10")) {
                    for (JsonNode f : embedded.get("features")) {
                        ps.setString(1, f.at("/properties/name_zh").asText());
                        try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next());
                            double geography = rs.getDouble(1), access = f.at("/properties/access_m").asDouble();
                            assertEquals(geography, access, Math.max(0.5, geography * 0.005), f.at("/properties/name_zh").asText());
                            compared++;
                        }
                    }
                }
                assertEquals(20, compared);
                try (TestServer onPostGis = TestServer.serving(store, dir)) {
                    JsonNode pg = run(onPostGis, AT_10KV + "}");
                    assertEquals(embedded.get("features").size(), pg.get("features").size());
                    for (int i = 0; i < pg.get("features").size(); i++) {
                        assertEquals(embedded.at("/features/" + i + "/properties/reason").asText(), pg.at("/features/" + i + "/properties/reason").asText());
                    }
                    assertEquals(embedded.at("/summary/network"), pg.at("/summary/network"));
                }
            } finally {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }
}
