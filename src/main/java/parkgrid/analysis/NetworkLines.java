package parkgrid.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * The lines of one network assessment, chosen from a line layer by a {@link NetworkScope} and the
 * assessed voltage level:
 * <ol>
 *   <li>an explicit filter decides alone;
 *   <li>else, when the level is known (a rule's voltage, the supply-radius check's voltage), the lines whose
 *       voltage property equals it (within 10⁻⁶ kV) — unless no line has a numeric voltage at all, in which
 *       case every line is used and the description says why;
 *   <li>else (constant or per-supplier radius) every line, whatever its voltage, and the description says so.
 * </ol>
 * Also resolves the access-leg bound and names lines for reasons ({@code name_zh}, else {@code name},
 * else {@code name_en}, else "line &lt;id&gt;"). Immutable.
 */
public final class NetworkLines {
    private final List<Feature> selected;
    private final int total;
    private final Double levelKv;
    private final String filterText;
    private final String origin;
    private final String walked;
    private final String walkedOne;
    private final double maxAccessMetres;
    private final boolean accessGiven;
    private final Map<Long, String> names = new HashMap<>();

    /**
     * @param lines           the whole line layer, EPSG:4326, with the properties the filter and the names need
     * @param scope           the request
     * @param levelKv         the assessed voltage level in kV, or null when unknown
     * @param voltageProperty line property holding the voltage in kV
     * @throws ParkGridException (invalid input) naming {@code network_filter} when the explicit filter keeps no line, or
     *                           {@code lines} when no line is of the assessed level
     */
    public NetworkLines(List<Feature> lines, NetworkScope scope, Double levelKv, String voltageProperty) {
        this(lines, scope, levelKv, voltageProperty, true);
    }

    /** As above; with {@code required} false an empty selection at the level is allowed (and {@link #selected()} is empty). */
    NetworkLines(List<Feature> lines, NetworkScope scope, Double levelKv, String voltageProperty, boolean required) {
        this.total = lines.size();
        this.levelKv = levelKv;
        this.accessGiven = scope.maxAccessMetres() != null;
        this.maxAccessMetres = accessGiven ? scope.maxAccessMetres() : NetworkScope.defaultMaxAccessMetres(levelKv);
        List<Feature> out = new ArrayList<>();
        if (scope.hasFilter()) {
            for (Feature f : lines) if (scope.filter().test(f)) out.add(f);
            filterText = scope.filterText();
            origin = "network_filter";
            walked = "lines matching " + filterText;
            walkedOne = "line matching " + filterText;
            if (out.isEmpty()) {
                throw ParkGridException.invalidParameter("network_filter", "network_filter '" + filterText + "' keeps none of the "
                        + total + " lines");
            }
        } else if (levelKv != null && hasAnyVoltage(lines, voltageProperty)) {
            for (Feature f : lines) {
                if (Math.abs(RadiusTable.number(f.properties().get(voltageProperty)) - levelKv) < 1e-6) out.add(f);
            }
            String kv = RadiusPolicy.formatKv(levelKv);
            filterText = voltageProperty + " = " + kv;
            origin = "default: the assessed level, " + kv + " kV";
            walked = kv + " kV lines";
            walkedOne = kv + " kV line";
            if (out.isEmpty() && required) {
                throw ParkGridException.invalidParameter("lines", "none of the " + total + " lines has " + voltageProperty + " = " + kv
                        + "; give network_filter to choose the lines to walk");
            }
        } else {
            out.addAll(lines);
            filterText = null;
            origin = levelKv == null
                    ? "default: every line, whatever its voltage (the radius gives no voltage level; give network_filter, e.g. "
                            + voltageProperty + " = 10, to walk one level)"
                    : "default: every line (no line has a numeric " + voltageProperty + ")";
            walked = "lines of any voltage";
            walkedOne = "line";
        }
        this.selected = List.copyOf(out);
        for (Feature f : selected) {
            String n = nameOf(f);
            if (n != null) names.put(f.id(), n); // unnamed lines are "line <id>", made when asked
        }
    }

    private static boolean hasAnyVoltage(List<Feature> lines, String voltageProperty) {
        for (Feature f : lines) {
            if (!Double.isNaN(RadiusTable.number(f.properties().get(voltageProperty)))) return true;
        }
        return false;
    }

    private static String nameOf(Feature f) {
        for (String p : new String[] {"name_zh", "name", "name_en"}) {
            Object v = f.properties().get(p);
            if (v != null && !v.toString().isBlank()) return v.toString();
        }
        return null;
    }

    /** The lines forming the network. */
    public List<Feature> selected() {
        return selected;
    }

    /** Number of lines in the layer before selection. */
    public int totalCount() {
        return total;
    }

    /** The assessed level in kV, or null when unknown. */
    public Double levelKv() {
        return levelKv;
    }

    /** The filter in CQL2 text (explicit, or the default {@code voltage_kv = 10}), or null when every line is used. */
    public String filterText() {
        return filterText;
    }

    /** Where the selection comes from, e.g. "network_filter", "default: the assessed level, 10 kV". */
    public String origin() {
        return origin;
    }

    /** The lines walked in words for reasons: "10 kV lines", "lines matching kind = 'cable'", "lines of any voltage". */
    public String walkedLines() {
        return walked;
    }

    /** One line walked in words: "10 kV line", "line matching kind = 'cable'", "line". */
    public String walkedLine() {
        return walkedOne;
    }

    /** The access-leg bound, metres. */
    public double maxAccessMetres() {
        return maxAccessMetres;
    }

    /** "max_access_m" when the user gave the bound, else "default for 10 kV" and the like. */
    public String accessOrigin() {
        if (accessGiven) return "max_access_m";
        return levelKv == null ? "default, level unknown" : "default for " + RadiusPolicy.formatKv(levelKv) + " kV";
    }

    /** The name the line's properties give, or null when it has none. */
    String declaredName(long id) {
        return names.isEmpty() ? null : names.get(id);
    }

    /** The name of selected line {@code id} for reasons. */
    public String lineName(long id) {
        String n = names.get(id);
        return n != null ? n : "line " + id;
    }

    /** One sentence for a summary, e.g. "30 of 97 lines (voltage_kv = 10, default: the assessed level, 10 kV); access leg ≤ 500 m". */
    public String describe() {
        return selected.size() + " of " + total + " lines (" + (filterText != null ? filterText + ", " : "") + origin + "); access leg ≤ "
                + RadiusPolicy.formatMetres(maxAccessMetres) + " m (" + accessOrigin() + ")";
    }

    /** The summary record with the ids of the suppliers that found no line of the network within the bound. */
    public NetworkSummary summary(List<Long> suppliersOffNetwork) {
        return new NetworkSummary(filterText, origin, selected.size(), total, levelKv, maxAccessMetres, accessOrigin(),
                suppliersOffNetwork, describe());
    }
}
