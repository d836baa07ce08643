package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import parkgrid.analysis.GroupSummary;
import parkgrid.analysis.UpgradeProgress;
import parkgrid.feature.Feature;
import parkgrid.store.FeatureQuery;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.feature.PropertyDefinition;
import parkgrid.feature.PropertyType;
import parkgrid.store.FeatureStore;

/**
 * {@code GET /collections/{id}/statistics?groupby=&sum=} (counts, km, m² and sums per property value of
 * any layer) and {@code GET /statistics} (the planners' dashboard: line km by voltage, enterprises by
 * cluster and status, park land use, transformer capacity, village upgrade progress against targets).
 */
final class StatisticsHandler {
    private final FeatureStore store;

    StatisticsHandler(FeatureStore store) {
        this.store = store;
    }

    void layer(Context ctx) throws IOException {
        Layer layer = CollectionsHandler.layer(store, ctx.pathParam("collectionId"));
        String groupBy = property(layer, "groupby", ctx.queryParam("groupby"), false);
        String sum = property(layer, "sum", ctx.queryParam("sum"), true);
        ObjectNode doc = Responses.JSON.createObjectNode();
        doc.put("collection", layer.name());
        doc.put("groupby", groupBy);
        doc.put("sum", sum);
        doc.set("groups", groups(layer.name(), groupBy, sum));
        Responses.write(ctx, ResponseFormat.JSON, layer.title() + " statistics", doc, OgcVocabulary.JSON);
    }

    void dashboard(Context ctx) throws IOException {
        ObjectNode doc = Responses.JSON.createObjectNode();
        section(doc, "power_lines_km_by_voltage", "power_lines", "voltage_kv", null);
        section(doc, "enterprises_by_cluster", "enterprises", "cluster", null);
        section(doc, "enterprises_by_status", "enterprises", "status", null);
        section(doc, "parcels_by_land_use", "parcels", "land_use", null);
        section(doc, "parcels_by_status", "parcels", "status", null);
        section(doc, "transformers_kva_by_village", "transformers", "village", "capacity_kva");
        section(doc, "facilities_by_category", "facilities", "category", null);
        if (store.layer("park").isPresent() && doc.has("parcels_by_land_use")) {
            GroupSummary park = new GroupSummary(null, null);
            store.forEach("park", FeatureQuery.all(), park::add);
            double parkArea = park.groups().isEmpty() ? 0 : park.groups().get(0).areaSquareMetres();
            doc.put("park_area_m2", parkArea);
            for (var g : doc.withArray("parcels_by_land_use")) {
                ((ObjectNode) g).put("share_of_park", parkArea == 0 ? 0 : Math.round(g.get("area_m2").asDouble() / parkArea * 10000) / 10000.0);
            }
        }
        if (store.layer("villages").isPresent()) {
            List<Feature> villages = new ArrayList<>();
            store.forEach("villages", FeatureQuery.all(), villages::add);
            doc.set("village_upgrades", Responses.JSON.valueToTree(UpgradeProgress.of(villages)));
        }
        Responses.write(ctx, ResponseFormat.JSON, "Statistics", doc, OgcVocabulary.JSON);
    }

    private void section(ObjectNode doc, String name, String layer, String groupBy, String sum) throws IOException {
        Layer l = store.layer(layer).orElse(null);
        if (l == null || l.property(groupBy).isEmpty() || (sum != null && l.property(sum).isEmpty())) return;
        doc.set(name, groups(layer, groupBy, sum));
    }

    private ArrayNode groups(String layer, String groupBy, String sum) throws IOException {
        GroupSummary summary = new GroupSummary(groupBy, sum);
        store.forEach(layer, FeatureQuery.all(), summary::add);
        ArrayNode groups = Responses.JSON.createArrayNode();
        for (GroupSummary.Group g : summary.groups()) {
            ObjectNode n = groups.addObject();
            n.putPOJO("value", g.value());
            n.put("count", g.count());
            n.put("length_km", g.lengthKm());
            n.put("area_m2", g.areaSquareMetres());
            if (g.sum() != null) n.put("sum", g.sum());
        }
        return groups;
    }

    private static String property(Layer layer, String parameter, String name, boolean numeric) {
        if (name == null) return null;
        PropertyDefinition p = layer.property(name).orElseThrow(() -> ParkGridException.invalidParameter(parameter,
                "collection '" + layer.name() + "' has no property '" + name + "'"));
        if (numeric && p.type() == PropertyType.STRING) {
            throw ParkGridException.invalidParameter(parameter, "property '" + name + "' is text; sum needs a number property");
        }
        return name;
    }
}
