package parkgrid.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import parkgrid.analysis.GroupSummary;
import parkgrid.analysis.StatedFigureCheck;
import parkgrid.feature.StatedFigure;
import parkgrid.analysis.UpgradeProgress;
import parkgrid.config.LayerRoles;
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
 * cluster and status, park land use, transformer capacity split by where the figure comes from, village
 * upgrade progress against the stated targets, per layer how many features are placed or placeholders,
 * and every figure the source states with its wording, section and the data's own value where it has one).
 * Totals shown are the stated figures; the data's values are there to check them, never to replace them.
 */
final class StatisticsHandler {
    /** Where a transformer's capacity figure comes from (the article or invented): splits the kVA per village. */
    private static final String CAPACITY_SOURCE = "capacity_source";
    /** Marks a feature that stands for one the source counts but does not name or place. */
    private static final String PLACEHOLDER = "placeholder";
    private static final Envelope WHOLE_WORLD = new Envelope(-180, 180, -90, 90);
    private final FeatureStore store;
    private final LayerRoles roles;

    StatisticsHandler(FeatureStore store, LayerRoles roles) {
        this.store = store;
        this.roles = roles;
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
        section(doc, "power_lines_km_by_voltage", roles.layerFor(LayerRoles.LINES), "voltage_kv", null, null);
        section(doc, "enterprises_by_cluster", roles.layerFor(LayerRoles.ENTERPRISES), "cluster", null, null);
        section(doc, "enterprises_by_status", roles.layerFor(LayerRoles.ENTERPRISES), "status", null, null);
        section(doc, "parcels_by_land_use", roles.layerFor(LayerRoles.PARCELS), "land_use", null, null);
        section(doc, "parcels_by_status", roles.layerFor(LayerRoles.PARCELS), "status", null, null);
        section(doc, "transformers_kva_by_village", roles.layerFor(LayerRoles.SUPPLY_TRANSFORMERS), "village", "capacity_kva", CAPACITY_SOURCE);
        section(doc, "facilities_by_category", roles.layerFor(LayerRoles.FACILITIES), "category", null, null);
        if (store.layer(roles.layerFor(LayerRoles.PARK)).isPresent() && doc.has("parcels_by_land_use")) {
            GroupSummary park = new GroupSummary(null, null);
            store.forEach(roles.layerFor(LayerRoles.PARK), FeatureQuery.all(), park::add);
            double parkArea = park.groups().isEmpty() ? 0 : park.groups().get(0).areaSquareMetres();
            doc.put("park_area_m2", parkArea);
            for (var g : doc.withArray("parcels_by_land_use")) {
                ((ObjectNode) g).put("share_of_park", parkArea == 0 ? 0 : Math.round(g.get("area_m2").asDouble() / parkArea * 10000) / 10000.0);
            }
        }
        doc.set("layers", layerSummaries());
        ArrayNode figures = doc.putArray("article_figures");
        for (Layer layer : store.layers()) {
            if (layer.figures().isEmpty()) continue;
            List<Feature> features = new ArrayList<>();
            if (layer.figures().stream().anyMatch(f -> f.measure() != null)) store.forEach(layer.name(), FeatureQuery.all(), features::add);
            for (StatedFigureCheck.Result r : StatedFigureCheck.of(layer, features)) figures.add(figure(r));
        }
        Layer villages = upgradeLayer();
        if (villages != null) {
            List<Feature> features = new ArrayList<>();
            store.forEach(villages.name(), FeatureQuery.all(), features::add);
            ObjectNode upgrades = Responses.JSON.valueToTree(UpgradeProgress.of(features, villages.figures()));
            upgrades.put("layer", villages.name());
            doc.set("village_upgrades", upgrades);
        }
        Responses.write(ctx, ResponseFormat.JSON, "Statistics", doc, OgcVocabulary.JSON);
    }

    /** The layer upgrade progress is measured on: the first whose schema has the upgrade properties. */
    private Layer upgradeLayer() {
        return store.layers().stream().filter(l -> l.property("upgrade_status").isPresent() && l.property("upgrade_year").isPresent())
                .findFirst().orElse(null);
    }

    /**
     * Per layer: how many features, how many have a place (intersect the whole lon/lat range; features
     * with a null geometry do not) and how many are marked {@code placeholder} = 1.
     */
    private ArrayNode layerSummaries() {
        ArrayNode out = Responses.JSON.createArrayNode();
        for (Layer l : store.layers()) {
            ObjectNode n = out.addObject();
            n.put("layer", l.name());
            n.put("title", l.title());
            n.put("title_zh", l.titleZh());
            n.put("features", store.count(l.name(), FeatureQuery.all()));
            n.put("positioned", store.count(l.name(), new FeatureQuery(WHOLE_WORLD, Map.of(), FeatureQuery.UNLIMITED, 0)));
            n.put("placeholders", l.property(PLACEHOLDER).isEmpty() ? 0
                    : store.count(l.name(), new FeatureQuery(null, Map.of(PLACEHOLDER, 1L), FeatureQuery.UNLIMITED, 0)));
        }
        return out;
    }

    private static ObjectNode figure(StatedFigureCheck.Result r) {
        StatedFigure f = r.figure();
        ObjectNode n = Responses.JSON.createObjectNode();
        n.put("layer", r.layer());
        n.put("key", f.key());
        n.put("label", f.label());
        n.put("label_zh", f.labelZh());
        n.put("value", f.value());
        n.put("unit", f.unit());
        n.put("qualifier", f.qualifier());
        if (f.year() == null) n.putNull("year"); else n.put("year", f.year());
        n.put("scope", f.scope());
        n.put("quote_zh", f.quoteZh());
        n.put("source", f.source());
        if (r.inData() == null) n.putNull("in_data"); else n.put("in_data", r.inData());
        if (r.agrees() == null) n.putNull("agrees"); else n.put("agrees", r.agrees());
        return n;
    }

    private void section(ObjectNode doc, String name, String layer, String groupBy, String sum, String splitBy) throws IOException {
        Layer l = store.layer(layer).orElse(null);
        if (l == null || l.property(groupBy).isEmpty() || (sum != null && l.property(sum).isEmpty())) return;
        doc.set(name, groups(layer, groupBy, sum, splitBy != null && l.property(splitBy).isPresent() ? splitBy : null));
    }

    private ArrayNode groups(String layer, String groupBy, String sum) throws IOException {
        return groups(layer, groupBy, sum, null);
    }

    private ArrayNode groups(String layer, String groupBy, String sum, String splitBy) throws IOException {
        GroupSummary summary = new GroupSummary(groupBy, sum, splitBy);
        store.forEach(layer, FeatureQuery.all(), summary::add);
        ArrayNode groups = Responses.JSON.createArrayNode();
        for (GroupSummary.Group g : summary.groups()) {
            ObjectNode n = groups.addObject();
            n.putPOJO("value", g.value());
            n.put("count", g.count());
            n.put("positioned", g.positioned());
            n.put("length_km", g.lengthKm());
            n.put("area_m2", g.areaSquareMetres());
            if (g.sum() != null) n.put("sum", g.sum());
            if (splitBy != null) {
                ArrayNode parts = n.putArray("by_" + splitBy);
                for (GroupSummary.Split p : g.splits()) {
                    ObjectNode o = parts.addObject();
                    o.putPOJO("value", p.value());
                    o.put("count", p.count());
                    if (p.sum() != null) o.put("sum", p.sum());
                }
            }
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
