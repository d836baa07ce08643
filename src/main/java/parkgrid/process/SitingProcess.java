package parkgrid.process;

import static parkgrid.process.ProcessInput.optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Envelope;
import parkgrid.analysis.compliance.ComplianceReview;
import parkgrid.analysis.compliance.ComplianceSummary;
import parkgrid.analysis.compliance.ControlLayer;
import parkgrid.analysis.siting.Candidate;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import parkgrid.analysis.siting.Elimination;
import parkgrid.analysis.siting.Exclusion;
import parkgrid.analysis.siting.Preference;
import parkgrid.analysis.siting.Requirement;
import parkgrid.analysis.siting.SiteSize;
import parkgrid.analysis.siting.SitingAnalysis;
import parkgrid.analysis.siting.SitingOptions;
import parkgrid.analysis.siting.SitingResult;
import parkgrid.config.LayerRoles;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonCrsMember;
import parkgrid.geo.MetricProjection;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * {@code siting}: where in a study area a site of a required area and width may go, clear of the exclusions,
 * within the requirements, ranked by the preferences ({@link SitingAnalysis}); criteria may come from named
 * {@link SitingPresets}.
 */
public final class SitingProcess implements Process {
    private static final Set<String> FEATURE_KEYS = Set.of("collection", "id");
    private static final Set<String> RADIUS_KEYS = Set.of("feature", "radius_m");

    private final FeatureStore store;
    private final LayerRoles roles;
    private final SitingPresets presets;
    private final ProcessDeclaration declaration;

    public SitingProcess(FeatureStore store, LayerRoles roles, SitingPresets presets) {
        this.store = store;
        this.roles = roles;
        this.presets = presets;
        this.declaration = new ProcessDeclaration("siting", "Constraint-and-score siting",
                "Where a site of a required area (m² or 亩) and minimum width (m) fits in a study area: clear of buffered exclusions, "
                        + "within each requirement's distance, ranked by weighted near/far preferences; the feasible area and up to "
                        + "max_candidates non-overlapping rectangles with reasons in English and Chinese",
                List.of(
                    optional("study_area", Schema.oneOf(Schema.string(), Schema.object()).defaultValue("role:park"),
                            "\"role:park\" (the deployment's layer of a role, its polygons joined), {\"collection\", \"id\"} of a polygon "
                                    + "feature, a GeoJSON Polygon / MultiPolygon (lon/lat), or {\"feature\": {\"collection\", \"id\"}, \"radius_m\"} "
                                    + "for the disc around a feature"),
                    optional("area_m2", Schema.number(), "required area, m² (give this or area_mu)"),
                    optional("area_mu", Schema.number(), "required area, 亩 (1 亩 = 2000/3 m²)"),
                    optional("min_width_m", Schema.number().minimum(0).defaultValue(0), "minimum width of the site, metres"),
                    optional("exclusions", Schema.arrayOf(Schema.object()),
                            "keep-clear criteria: [{collection (or role:<role>), filter (CQL2 text), buffer_m, label, label_zh}]; "
                                    + "every site lies more than buffer_m from each feature"),
                    optional("requirements", Schema.arrayOf(Schema.object()),
                            "must-be-near criteria: [{collection, filter, within_m, label, label_zh}]; the whole site lies within within_m"),
                    optional("preferences", Schema.arrayOf(Schema.object()),
                            "scoring criteria: [{collection, filter, direction (near|far), weight (> 0, default 1), label, label_zh}], "
                                    + "distance from the site's centre"),
                    optional("presets", presets.schema(), "named criteria sets added to the ones given (GET /processes/siting/presets "
                            + "lists them with their sources): " + presets.summary()),
                    optional("max_candidates", Schema.integer().minimum(1).maximum(SitingOptions.MAX_CANDIDATES)
                            .defaultValue(SitingOptions.DEFAULT_CANDIDATES), "most candidate sites returned"),
                    optional("resolution_m", Schema.number().minimum(1).defaultValue(SitingOptions.DEFAULT_RESOLUTION_METRES),
                            "grid step of site positions and sides, metres")),
                "GeoJSON FeatureCollection: the feasible area (kind feasible_area), then the candidates (kind candidate: rank, score, "
                        + "area_m2, area_mu, width_m, length_m, reasons, reasons_zh, breakdown), with a summary member", false);
    }

    @Override
    public ProcessDeclaration declaration() {
        return declaration;
    }

    public SitingPresets presets() {
        return presets;
    }

    @Override
    public SitingAnswer execute(JsonNode in, Instant deadline) throws IOException {
        Geometry study = studyArea(in.get("study_area"));
        SiteSize size = size(in);
        SitingCriteria criteria = new SitingCriteria(store, roles, study.getEnvelopeInternal());
        Map<String, List<ObjectNode>> fromPresets = presets.criteria(in.get("presets"));
        List<Exclusion> exclusions = new ArrayList<>();
        List<Requirement> requirements = new ArrayList<>();
        List<Preference> preferences = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        for (ObjectNode item : fromPresets.get("exclusions")) exclusions.add(criteria.exclusion(item, presetPath(item)));
        for (ObjectNode item : fromPresets.get("requirements")) requirements.add(criteria.requirement(item, presetPath(item)));
        for (ObjectNode item : fromPresets.get("preferences")) preferences.add(criteria.preference(item, presetPath(item)));
        int k = 0;
        for (JsonNode item : array(in, "exclusions")) exclusions.add(criteria.exclusion(item, "exclusions[" + k++ + "]"));
        k = 0;
        for (JsonNode item : array(in, "requirements")) requirements.add(criteria.requirement(item, "requirements[" + k++ + "]"));
        k = 0;
        for (JsonNode item : array(in, "preferences")) preferences.add(criteria.preference(item, "preferences[" + k++ + "]"));
        SitingOptions options = new SitingOptions(integer(in, "max_candidates", SitingOptions.DEFAULT_CANDIDATES),
                InputValues.number(in, "resolution_m", SitingOptions.DEFAULT_RESOLUTION_METRES), deadline);
        SitingResult result = SitingAnalysis.run(study, size, exclusions, requirements, preferences, options);
        for (Exclusion e : exclusions) described.add(criterion("exclusion", e.label().en(), e.label().zh(), "buffer_m", e.bufferMetres(), e.source()));
        for (Requirement r : requirements) described.add(criterion("requirement", r.label().en(), r.label().zh(), "within_m", r.withinMetres(), null));
        for (Preference p : preferences) {
            Map<String, Object> c = criterion("preference", p.label().en(), p.label().zh(), "weight", p.weight(), null);
            c.put("direction", p.direction().apiName());
            described.add(c);
        }
        // each candidate's review against the deployment's control layers (the compliance process's defaults, by role)
        List<Map<String, Object>> compliance = new ArrayList<>();
        if (!result.candidates().isEmpty()) {
            Envelope around = new Envelope();
            for (Candidate c : result.candidates()) around.expandToInclude(c.siteLonLat().getEnvelopeInternal());
            List<ControlLayer> controls = ComplianceProcess.roleControls(store, roles, around, true);
            if (!controls.isEmpty()) {
                ComplianceReview review = new ComplianceReview(deadline);
                for (Candidate c : result.candidates()) compliance.add(ComplianceSummary.of(review, c.siteLonLat(), controls));
            }
        }
        return new SitingAnswer(result, summary(in, result, size, described), compliance);
    }

    private static String presetPath(ObjectNode item) {
        return "presets." + item.get("preset").asText();
    }

    private Map<String, Object> summary(JsonNode in, SitingResult r, SiteSize size, List<Map<String, Object>> criteria) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("required_area_m2", size.areaSquareMetres());
        s.put("required_area_mu", round(SiteSize.mu(size.areaSquareMetres()), 2));
        s.put("min_width_m", size.minWidthMetres());
        s.put("study_area_m2", round(r.studyAreaSquareMetres(), 1));
        s.put("feasible_area_m2", round(r.feasibleSquareMetres(), 1));
        s.put("feasible_area_mu", round(SiteSize.mu(r.feasibleSquareMetres()), 2));
        s.put("candidate_count", r.candidates().size());
        s.put("positions_tested", r.positionsTested());
        s.put("resolution_m", r.resolutionMetres());
        s.put("projection", "EPSG:" + r.epsg());
        List<String> used = new ArrayList<>();
        if (in.hasNonNull("presets")) in.get("presets").forEach(p -> used.add(p.asText()));
        s.put("presets", used);
        s.put("criteria", criteria);
        List<Map<String, Object>> eliminations = new ArrayList<>();
        for (Elimination e : r.eliminations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("criterion", e.criterion());
            m.put("criterion_zh", e.criterionZh());
            m.put("area_m2", round(e.areaSquareMetres(), 1));
            m.put("percent", round(e.percent(), 2));
            eliminations.add(m);
        }
        s.put("eliminations", eliminations);
        if (r.noSiteReasonEn() != null) {
            s.put("no_site_reason", r.noSiteReasonEn());
            s.put("no_site_reason_zh", r.noSiteReasonZh());
        }
        return s;
    }

    private static Map<String, Object> criterion(String kind, String en, String zh, String figureName, double figure, String source) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("label", en);
        c.put("label_zh", zh);
        c.put(figureName, figure);
        if (source != null) c.put("source", source);
        return c;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static SiteSize size(JsonNode in) {
        double width = InputValues.number(in, "min_width_m", 0);
        boolean m2 = in.hasNonNull("area_m2"), mu = in.hasNonNull("area_mu");
        if (m2 == mu) throw ParkGridException.invalidParameter("area_m2", m2 ? "give area_m2 or area_mu, not both" : "area_m2 or area_mu is required");
        return m2 ? new SiteSize(InputValues.number(in, "area_m2", Double.NaN), width) : SiteSize.ofMu(InputValues.number(in, "area_mu", Double.NaN), width);
    }

    private static int integer(JsonNode in, String name, int fallback) {
        JsonNode v = in.get(name);
        if (v == null || v.isNull()) return fallback;
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw ParkGridException.invalidParameter(name, name + " must be an integer, got " + v);
        return v.asInt();
    }

    private static Iterable<JsonNode> array(JsonNode in, String name) {
        JsonNode v = in.get(name);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw ParkGridException.invalidParameter(name, name + " must be an array of objects");
        return v;
    }

    /** The study area in lon/lat, polygonal. */
    private Geometry studyArea(JsonNode v) throws IOException {
        Geometry g;
        if (v == null || v.isNull() || v.isTextual()) {
            String text = v == null || v.isNull() ? "role:" + LayerRoles.PARK : v.asText();
            if (!text.startsWith("role:")) {
                throw ParkGridException.invalidParameter("study_area", "study_area text must be role:<role> (e.g. role:park), got '" + text + "'");
            }
            String layer;
            try {
                layer = roles.layerFor(text.substring(5));
            } catch (IllegalArgumentException e) {
                throw ParkGridException.invalidParameter("study_area", "study_area: " + e.getMessage());
            }
            Layer l = InputValues.layer(store, layer, "study_area");
            List<Geometry> parts = new ArrayList<>();
            store.forEach(l.name(), FeatureQuery.all(), f -> {
                if (f.hasGeometry() && f.geometry() instanceof Polygonal) parts.add(f.geometry());
            });
            if (parts.isEmpty()) throw ParkGridException.invalidParameter("study_area", "layer '" + l.name() + "' (" + text + ") holds no polygon");
            g = UnaryUnionOp.union(parts);
        } else if (v.isObject() && v.has("type")) {
            try {
                g = GeoJsonCrsMember.readGeometryToCrs84(v);
            } catch (IllegalArgumentException e) {
                throw ParkGridException.invalidParameter("study_area", "study_area: " + e.getMessage());
            }
        } else if (v.isObject() && v.has("feature")) {
            checkKeys(v, "study_area", RADIUS_KEYS);
            JsonNode r = v.get("radius_m");
            if (r == null || !r.isNumber() || !(r.asDouble() > 0)) {
                throw ParkGridException.invalidParameter("study_area.radius_m", "study_area.radius_m must be a number of metres more than 0, got " + r);
            }
            Geometry centre = feature(v.get("feature"), "study_area.feature").geometry();
            MetricProjection p = MetricProjection.forExtent(centre.getEnvelopeInternal());
            g = p.unproject(p.project(centre).buffer(r.asDouble(), 32));
        } else if (v.isObject()) {
            g = feature(v, "study_area").geometry();
        } else {
            throw ParkGridException.invalidParameter("study_area", "study_area must be role:<role>, a GeoJSON polygon, {collection, id} or {feature, radius_m}");
        }
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            throw ParkGridException.invalidParameter("study_area", "the study area must be a Polygon or MultiPolygon, got " + g.getGeometryType()
                    + "; for the land around a point or line give {\"feature\": {\"collection\", \"id\"}, \"radius_m\"}");
        }
        return g;
    }

    private Feature feature(JsonNode ref, String path) {
        if (ref == null || !ref.isObject()) throw ParkGridException.invalidParameter(path, path + " must be {\"collection\": …, \"id\": …}");
        checkKeys(ref, path, FEATURE_KEYS);
        Layer layer = InputValues.layer(store, InputValues.text(ref, path + ".collection", null), path + ".collection");
        if (!ref.path("id").canConvertToLong()) throw ParkGridException.invalidParameter(path + ".id", path + ".id must be an integer");
        long id = ref.get("id").asLong();
        Feature f = store.feature(layer.name(), id).orElseThrow(() ->
                ParkGridException.notFound(path + ".id", "collection '" + layer.name() + "' has no feature " + id));
        if (!f.hasGeometry()) throw ParkGridException.invalidParameter(path, "feature " + id + " of '" + layer.name() + "' has no geometry");
        return f;
    }

    private static void checkKeys(JsonNode object, String path, Set<String> declared) {
        Iterator<String> keys = object.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!declared.contains(k)) {
                throw ParkGridException.invalidParameter(path + "." + k, "unknown input '" + path + "." + k + "': it takes "
                        + String.join(", ", declared.stream().sorted().toList()));
            }
        }
    }
}
