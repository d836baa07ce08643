package parkgrid.process;

import static parkgrid.process.ProcessInput.object;
import static parkgrid.process.ProcessInput.optional;
import static parkgrid.process.ProcessInput.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import parkgrid.analysis.compliance.ComplianceResult;
import parkgrid.analysis.compliance.ComplianceReview;
import parkgrid.analysis.compliance.ControlLayer;
import parkgrid.analysis.compliance.ControlRule;
import parkgrid.config.LayerRoles;
import parkgrid.feature.Feature;
import parkgrid.feature.GeometryKind;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.GeoJsonCrsMember;
import parkgrid.io.BoundaryTxtReader;
import parkgrid.report.CjkFont;
import parkgrid.report.ComplianceGeoJson;
import parkgrid.report.CompliancePdf;
import parkgrid.report.ComplianceXlsx;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;

/**
 * {@code compliance}: site compliance review (选址合规审查) of a project boundary — drawn (GeoJSON, any supported
 * CRS through a {@code crs} member), a stored feature, or a land-approval TXT 电子报盘 coordinate file — against
 * the control layers: by default the deployment's {@link LayerRoles#FARMLAND} and {@link LayerRoles#ECO_REDLINE}
 * (must not be occupied) and {@link LayerRoles#URBAN_BOUNDARY} (must contain the project), or any list of
 * collections with their rule, class property and tolerance. Answers GeoJSON with a summary, or the report
 * as PDF or xlsx ({@code format}).
 */
public final class ComplianceProcess implements Process {
    /** The report's file name without extension. */
    static final String REPORT_NAME = "选址合规审查报告";
    /** Control-item keys; anything else in an item of {@code controls} is refused. */
    private static final Set<String> CONTROL_KEYS = Set.of("collection", "rule", "class_property", "tolerance_m2", "label_zh", "label_en");

    static final ProcessDeclaration DECLARATION = new ProcessDeclaration("compliance", "Site compliance review",
            "Overlap of a project boundary with the control layers (永久基本农田, 生态保护红线, 城镇开发边界 or any other) per layer and "
                    + "class, in m², 亩 and 公顷 on the WGS84 ellipsoid, with a conclusion per layer and overall; as GeoJSON, PDF or xlsx",
            List.of(
                optional("boundary", geoJsonGeometry(), "the project boundary: a GeoJSON Polygon or MultiPolygon, lon/lat unless it carries a "
                        + "crs member (e.g. EPSG:4546, northing first as the CRS defines); give one of boundary, feature, boundary_txt"),
                object("feature", false, "a stored polygon feature as the project boundary",
                        required("collection", Schema.string(), "its collection"),
                        required("id", Schema.integer(), "its id")),
                optional("boundary_txt", Schema.string(), "a land-approval boundary coordinate file (TXT 电子报盘: [属性描述] and [地块坐标], "
                        + "CGCS2000 Gauss–Krüger X northing, Y easting) as text; all its parcels together are the boundary"),
                optional("controls", Schema.arrayOf(controlItem()).minItems(1), "the control layers and their rules; default the "
                        + "deployment's farmland and eco-redline (avoid, farmland by dlbm) and urban-boundary (inside) roles"),
                optional("project_name", Schema.string(), "the project's name, for the report and its file name"),
                optional("format", Schema.string().enumOf("json", "pdf", "xlsx").defaultValue("json"),
                        "json: GeoJSON overlaps with a summary; pdf: the report with a map figure (needs a CJK TrueType font, "
                                + CjkFont.SETTING + "); xlsx: the tables")),
            "GeoJSON FeatureCollection (boundary, overlap and outside parts with areas) with a summary member holding the "
                    + "conclusions; or the report as application/pdf or xlsx", false);

    private final FeatureStore store;
    private final LayerRoles roles;
    private final CjkFont font;

    public ComplianceProcess(FeatureStore store, LayerRoles roles) {
        this(store, roles, CjkFont.fromEnvironment(System.getenv()));
    }

    /** @param font where the PDF report's font comes from */
    public ComplianceProcess(FeatureStore store, LayerRoles roles, CjkFont font) {
        this.store = store;
        this.roles = roles;
        this.font = font;
    }

    private static Schema geoJsonGeometry() {
        return Schema.raw(InputValues.JSON.createObjectNode().put("$ref", "https://geojson.org/schema/Geometry.json"));
    }

    private static Schema controlItem() {
        ObjectNode s = InputValues.JSON.createObjectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("collection").put("type", "string").put("description", "a polygon collection");
        p.putObject("rule").put("type", "string").put("description", "avoid (must not be occupied) or inside (must contain the project)")
                .putArray("enum").add("avoid").add("inside");
        p.putObject("class_property").put("type", "string").put("description", "the property that splits the overlap by class, e.g. dlbm");
        p.putObject("tolerance_m2").put("type", "number").put("minimum", 0)
                .put("description", "overlap (avoid) or outside part (inside) still compliant, m²; default " + ControlLayer.DEFAULT_TOLERANCE_SQUARE_METRES);
        p.putObject("label_zh").put("type", "string").put("description", "what the conclusion calls the layer; default its Chinese title");
        p.putObject("label_en").put("type", "string").put("description", "the same in English; default its title");
        s.putArray("required").add("collection").add("rule");
        s.put("additionalProperties", false);
        return Schema.raw(s);
    }

    @Override
    public ProcessDeclaration declaration() {
        return DECLARATION;
    }

    @Override
    public ReportFile execute(JsonNode in, Instant deadline) throws IOException {
        String format = InputValues.text(in, "format", "json");
        if (!List.of("json", "pdf", "xlsx").contains(format)) {
            throw ParkGridException.invalidParameter("format", "unknown format '" + format + "': use json, pdf or xlsx");
        }
        java.nio.file.Path fontFile = format.equals("pdf") ? font.require("format") : null; // before the work, not after
        Boundary boundary = boundary(in);
        String name = in.hasNonNull("project_name") ? InputValues.text(in, "project_name", null) : null;
        String subject = name == null ? boundary.source() : name + "（" + boundary.source() + "）";
        Envelope view = boundary.geometry().getEnvelopeInternal();
        view.expandBy(view.getWidth() * 0.5, view.getHeight() * 0.5);
        List<ControlLayer> controls = controls(in, view);
        ComplianceResult result = new ComplianceReview(deadline).review(boundary.geometry(), controls);
        String file = REPORT_NAME + (name == null ? "" : "-" + name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_"));
        return switch (format) {
            case "pdf" -> new ReportFile(new CompliancePdf(fontFile).write(result, subject), "application/pdf", file + ".pdf");
            case "xlsx" -> new ReportFile(new ComplianceXlsx().write(result, subject),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file + ".xlsx");
            default -> new ReportFile(ComplianceGeoJson.write(result, subject), "application/geo+json", null);
        };
    }

    /** The boundary in lon/lat and a few words on where it came from. */
    record Boundary(Geometry geometry, String source) {}

    private Boundary boundary(JsonNode in) {
        int given = (in.hasNonNull("boundary") ? 1 : 0) + (in.hasNonNull("feature") ? 1 : 0) + (in.hasNonNull("boundary_txt") ? 1 : 0);
        if (given != 1) {
            throw ParkGridException.invalidParameter("boundary", "give exactly one of boundary (GeoJSON), feature ({\"collection\": …, \"id\": …}) "
                    + "or boundary_txt (a TXT 电子报盘 file); got " + given);
        }
        if (in.hasNonNull("boundary")) {
            try {
                return new Boundary(GeoJsonCrsMember.readGeometryToCrs84(in.get("boundary")), "绘制的用地范围 drawn boundary");
            } catch (IllegalArgumentException e) {
                throw ParkGridException.invalidParameter("boundary", "boundary: " + e.getMessage());
            }
        }
        if (in.hasNonNull("boundary_txt")) {
            BoundaryTxtReader.BoundaryFile file = new BoundaryTxtReader("boundary_txt").read(InputValues.text(in, "boundary_txt", null));
            String names = String.join("、", file.parcels().stream()
                    .map(p -> p.name() != null ? p.name() : p.code() != null ? p.code() : "地块").toList());
            return new Boundary(file.boundary(), "TXT 电子报盘 " + names + "（EPSG:" + file.crs().epsg() + "）");
        }
        JsonNode ref = in.get("feature");
        if (!ref.isObject()) throw ParkGridException.invalidParameter("feature", "feature must be {\"collection\": …, \"id\": …}");
        Layer layer = InputValues.layer(store, InputValues.text(ref, "feature.collection", null), "feature.collection");
        if (!ref.path("id").canConvertToLong()) throw ParkGridException.invalidParameter("feature.id", "feature.id must be an integer");
        long id = ref.get("id").asLong();
        Feature f = store.feature(layer.name(), id).orElseThrow(() ->
                ParkGridException.notFound("feature.id", "collection '" + layer.name() + "' has no feature " + id));
        if (!f.hasGeometry()) throw ParkGridException.invalidParameter("feature", "feature " + id + " of '" + layer.name() + "' has no geometry");
        String label = f.properties().get("name_zh") instanceof String s ? s : layer.name() + " " + id;
        return new Boundary(f.geometry(), label + "（" + layer.name() + "/" + id + "）");
    }

    private List<ControlLayer> controls(JsonNode in, Envelope view) throws IOException {
        List<ControlLayer> out = new ArrayList<>();
        if (!in.hasNonNull("controls")) return roleControls(store, roles, view, false);
        JsonNode list = in.get("controls");
        if (!list.isArray() || list.isEmpty()) throw ParkGridException.invalidParameter("controls", "controls must be a non-empty list of {collection, rule, …}");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = "controls[" + i + "]";
            if (!item.isObject()) throw ParkGridException.invalidParameter(at, at + " must be an object {collection, rule, …}");
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String k = keys.next();
                if (!CONTROL_KEYS.contains(k)) {
                    throw ParkGridException.invalidParameter(at + "." + k, "unknown key '" + k + "' in " + at + ": use " + String.join(", ", CONTROL_KEYS.stream().sorted().toList()));
                }
            }
            ControlRule rule;
            try {
                rule = ControlRule.fromApiName(InputValues.text(item, at + ".rule", null));
            } catch (IllegalArgumentException e) {
                throw ParkGridException.invalidParameter(at + ".rule", e.getMessage());
            }
            double tolerance = InputValues.number(item, at + ".tolerance_m2", ControlLayer.DEFAULT_TOLERANCE_SQUARE_METRES);
            if (!(tolerance >= 0)) throw ParkGridException.invalidParameter(at + ".tolerance_m2", "tolerance_m2 must be ≥ 0, got " + tolerance);
            String classProperty = item.hasNonNull("class_property") ? InputValues.text(item, at + ".class_property", null) : null;
            ControlLayer c = control(InputValues.text(item, at + ".collection", null), at + ".collection", rule, classProperty, tolerance,
                    item.hasNonNull("label_zh") ? InputValues.text(item, at + ".label_zh", null) : null,
                    item.hasNonNull("label_en") ? InputValues.text(item, at + ".label_en", null) : null, view, false);
            if (classProperty != null && store.layer(c.name()).orElseThrow().property(classProperty).isEmpty()) {
                throw ParkGridException.invalidParameter(at + ".class_property", "collection '" + c.name() + "' has no property '" + classProperty + "'");
            }
            out.add(c);
        }
        return out;
    }

    /**
     * The default control layers, by role: farmland (avoid, by dlbm), eco red line (avoid), urban boundary (inside), with
     * their features in {@code view}. Also what each siting candidate is reviewed against ({@link SitingProcess}).
     *
     * @param skipMissing leave out a role whose collection does not exist (else: not found naming {@code controls})
     */
    static List<ControlLayer> roleControls(FeatureStore store, LayerRoles roles, Envelope view, boolean skipMissing) throws IOException {
        List<ControlLayer> out = new ArrayList<>();
        Object[][] defaults = {
                {LayerRoles.FARMLAND, ControlRule.AVOID, "dlbm", "永久基本农田", "permanent basic farmland"},
                {LayerRoles.ECO_REDLINE, ControlRule.AVOID, null, "生态保护红线", "the ecological protection red line"},
                {LayerRoles.URBAN_BOUNDARY, ControlRule.INSIDE, null, "城镇开发边界", "urban development boundary"}};
        for (Object[] d : defaults) {
            String collection = roles.layerFor((String) d[0]);
            if (skipMissing && (collection == null || store.layer(collection).isEmpty())) continue;
            out.add(control(store, collection, "controls", (ControlRule) d[1], (String) d[2], ControlLayer.DEFAULT_TOLERANCE_SQUARE_METRES,
                    (String) d[3], (String) d[4], view, true));
        }
        return out;
    }

    private ControlLayer control(String collection, String parameter, ControlRule rule, String classProperty, double tolerance,
                                 String labelZh, String labelEn, Envelope view, boolean byRole) throws IOException {
        return control(store, collection, parameter, rule, classProperty, tolerance, labelZh, labelEn, view, byRole);
    }

    private static ControlLayer control(FeatureStore store, String collection, String parameter, ControlRule rule, String classProperty, double tolerance,
                                        String labelZh, String labelEn, Envelope view, boolean byRole) throws IOException {
        Layer layer = store.layer(collection).orElseThrow(() -> byRole
                ? ParkGridException.notFound(parameter, "no collection named '" + collection + "', the default control layer of its role: "
                        + "name the control layers in 'controls'")
                : ParkGridException.layerNotFound(parameter, collection));
        GeometryKind kind = layer.geometryKind();
        if (kind != GeometryKind.POLYGON && kind != GeometryKind.MULTIPOLYGON) {
            throw ParkGridException.invalidParameter(parameter, "control layer '" + layer.name() + "' holds " + kind.geoJsonName() + ", not polygons");
        }
        if (byRole && classProperty != null && layer.property(classProperty).isEmpty()) classProperty = null;
        List<Feature> features = new ArrayList<>();
        store.forEach(layer.name(), new FeatureQuery(view, Map.of(), FeatureQuery.UNLIMITED, 0), f -> {
            if (f.hasGeometry()) features.add(f);
        });
        String zh = labelZh != null ? labelZh : layer.titleZh() != null && !layer.titleZh().isBlank() ? layer.titleZh() : layer.name();
        String en = labelEn != null ? labelEn : layer.title() != null && !layer.title().isBlank() ? layer.title() : layer.name();
        return new ControlLayer(layer.name(), zh, en, classProperty, rule, tolerance, features);
    }
}
