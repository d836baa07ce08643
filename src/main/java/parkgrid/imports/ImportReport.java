package parkgrid.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Layer;
import parkgrid.feature.PropertyDefinition;

/**
 * What an import did or would do: the layer definition, counts, the CRS the positions were taken in, and every
 * problem found. {@link #json()} is the answer's body (and, when rejected, the problem's {@code report} member).
 *
 * @param state           {@code checked} (a dry run that passed), {@code written}, or {@code rejected}
 * @param dryRun          whether the client asked only for the check
 * @param mode            {@code create} or {@code append}
 * @param format          the reader that read the file
 * @param crs             what the positions were taken as ({@code EPSG:4547}, {@code GCJ-02}, {@code CRS84} …)
 * @param layer           the layer created or appended to
 * @param featuresRead    features in the file
 * @param featuresWritten features stored (0 for a dry run or a rejection)
 * @param extent          lon/lat bounds of the features read, or null
 * @param problems        the first {@value ImportCheck#LISTED} problems in file order
 * @param problemCount    all problems found
 */
public record ImportReport(String state, boolean dryRun, String mode, String format, String crs, Layer layer, long featuresRead,
                           long featuresWritten, Envelope extent, List<ImportProblem> problems, long problemCount) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean rejected() {
        return "rejected".equals(state);
    }

    /** The report as JSON members (for Jackson), in a fixed order. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("dry_run", dryRun);
        m.put("mode", mode);
        m.put("format", format);
        m.put("crs", crs);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("name", layer.name());
        l.put("title", layer.title());
        l.put("geometry_type", layer.geometryKind().geoJsonName());
        List<Map<String, Object>> schema = new ArrayList<>();
        for (PropertyDefinition p : layer.properties()) schema.add(Map.of("name", p.name(), "type", p.type().jsonName()));
        l.put("schema", schema);
        m.put("layer", l);
        m.put("features_read", featuresRead);
        m.put("features_written", featuresWritten);
        m.put("extent", extent == null || extent.isNull() ? null
                : List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()));
        m.put("problem_count", problemCount);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (ImportProblem p : problems) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("feature", p.feature());
            one.put("id", p.id());
            one.put("field", p.field());
            one.put("reason", p.reason());
            ps.add(one);
        }
        m.put("problems", ps);
        return m;
    }
}
