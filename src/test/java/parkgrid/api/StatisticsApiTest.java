package parkgrid.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import parkgrid.feature.Feature;
import parkgrid.testing.SeedFixture;
import parkgrid.testing.SeededServerTest;
import parkgrid.testing.TestServer;

/** The statistics endpoints on the seed data, checked against figures the seed files carry themselves. */
class StatisticsApiTest extends SeededServerTest {
    @Test
    void lineKilometresByVoltageAddUpToTheSeedLengths() {
        JsonNode groups = server.get("/statistics").json().get("power_lines_km_by_voltage");
        double measured = 0;
        for (JsonNode g : groups) measured += g.get("length_km").asDouble();
        double declared = SeedFixture.byName().get("power_lines").features().stream()
                .mapToDouble(f -> ((Number) f.properties().get("length_km")).doubleValue()).sum();
        assertEquals(declared, measured, declared * 0.005);
        assertEquals(4, groups.size(), "110, 35, 10 and 0.4 kV");
        assertEquals(0.4, groups.get(0).get("value").asDouble());
    }

    @Test
    void dongyuantouHasElevenKilometresOf400VoltLine() {
        double km = 0;
        for (Feature f : SeedFixture.byName().get("power_lines").features()) {
            Object project = f.properties().get("upgrade_project");
            if (project != null && project.toString().startsWith("Dongyuantou") && Double.valueOf(0.4).equals(f.properties().get("voltage_kv"))) {
                km += ((Number) f.properties().get("length_km")).doubleValue();
            }
        }
        assertEquals(11.0, km, 0.06);
        JsonNode groups = server.get("/collections/power_lines/statistics?groupby=upgrade_project").json().get("groups");
        double measured = 0;
        for (JsonNode g : groups) {
            if (g.get("value").asText().startsWith("Dongyuantou")) measured += g.get("length_km").asDouble();
        }
        assertEquals(11.0 + 1.41, measured, 12.41 * 0.005, "11 km of 400 V and 1.41 km of 10 kV");
    }

    @Test
    void enterprisesParcelsAndTransformersAreSummarised() {
        JsonNode s = server.get("/statistics").json();
        long enterprises = 0;
        for (JsonNode g : s.get("enterprises_by_cluster")) enterprises += g.get("count").asLong();
        assertEquals(SeedFixture.byName().get("enterprises").features().size(), enterprises);
        double share = 0;
        for (JsonNode g : s.get("parcels_by_land_use")) share += g.get("share_of_park").asDouble();
        assertTrue(share > 0.5 && share <= 1.0, "parcels cover most of the park: " + share);
        assertEquals(4_000_000, s.get("park_area_m2").asDouble(), 4_000_000 * 0.005);
        JsonNode targets = s.at("/village_upgrades/targets");
        assertEquals(2020, targets.get(0).get("year").asInt());
        assertEquals(350, targets.get(0).get("villages").asInt());
        assertEquals(750, targets.get(1).get("villages").asInt());
    }

    @Test
    void transformerCapacityByVillage() {
        JsonNode groups = server.get("/collections/transformers/statistics?groupby=village&sum=capacity_kva").json().get("groups");
        int found = 0;
        for (JsonNode g : groups) {
            if (g.get("value").asText().equals("东源头村")) {
                assertEquals(5, g.get("count").asInt());
                found++;
            }
        }
        assertEquals(1, found, "one group for 东源头村: " + groups);
    }

    @Test
    void unknownOrUnsuitablePropertiesAreProblems() {
        assertEquals("groupby", server.get("/collections/villages/statistics?groupby=colour").json().get("parameter").asText());
        assertEquals("sum", server.get("/collections/villages/statistics?sum=name_zh").json().get("parameter").asText());
        assertEquals(400, server.get("/collections/villages/statistics?by=county").status());
    }
}
