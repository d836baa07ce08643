package parkgrid.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import parkgrid.feature.Identifiers;

/**
 * Which layer plays which part: the one place the server and the map page learn that the power lines are
 * called {@code power_lines} in this deployment. Code asks for a role ({@link #LINES}, {@link #DEMAND} …) and
 * gets the layer name, so an imported or renamed layer keeps its default use and its map style.
 *
 * <p>The defaults are the seed's layer names. {@code PARKGRID_ROLES} overrides any of them as a comma-separated
 * list of {@code role=layer} pairs, e.g. {@code lines=xianlu,demand=cunzhuang}; roles it does not name keep
 * their default. Layer names follow {@link Identifiers} (lower-case ASCII); roles are the fixed set below.
 */
public final class LayerRoles {
    public static final String LINES = "lines";
    public static final String DEMAND = "demand";
    public static final String SUPPLY_TRANSFORMERS = "supply-transformers";
    public static final String SUPPLY_SUBSTATIONS = "supply-substations";
    public static final String PARK = "park";
    public static final String ENTERPRISES = "enterprises";
    public static final String PARCELS = "parcels";
    public static final String PROJECTS = "projects";
    public static final String SUGGESTIONS = "suggestions";
    public static final String FACILITIES = "facilities";
    public static final String WIND_FARM = "wind-farm";
    public static final String WIND_TURBINES = "wind-turbines";
    /** Control line 永久基本农田 (permanent basic farmland, 三区三线 layer YJJBNT): a project must not occupy it. */
    public static final String FARMLAND = "farmland";
    /** Control line 生态保护红线 (ecological protection red line, STBHHX): a project must not occupy it. */
    public static final String ECO_REDLINE = "eco-redline";
    /** Control line 城镇开发边界 (urban development boundary, CZKFBJ): a project must lie inside it. */
    public static final String URBAN_BOUNDARY = "urban-boundary";

    /** Role → the seed's layer name (data/seed/layers.txt), in the order the map lists them. */
    private static final Map<String, String> SEED = seedRoles();

    private final Map<String, String> layerByRole;

    private LayerRoles(Map<String, String> layerByRole) {
        this.layerByRole = Collections.unmodifiableMap(layerByRole);
    }

    private static Map<String, String> seedRoles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PARK, "park");
        m.put(PARCELS, "parcels");
        m.put(ENTERPRISES, "enterprises");
        m.put(PROJECTS, "projects");
        m.put(DEMAND, "villages");
        m.put(SUPPLY_SUBSTATIONS, "substations");
        m.put(SUPPLY_TRANSFORMERS, "transformers");
        m.put(LINES, "power_lines");
        m.put(WIND_FARM, "wind_farm");
        m.put(WIND_TURBINES, "wind_turbines");
        m.put(FACILITIES, "facilities");
        m.put(SUGGESTIONS, "suggestions");
        m.put(FARMLAND, "basic_farmland");
        m.put(ECO_REDLINE, "eco_redline");
        m.put(URBAN_BOUNDARY, "urban_boundary");
        return Collections.unmodifiableMap(m);
    }

    /** The seed's layer names for every role. */
    public static LayerRoles seed() {
        return new LayerRoles(new LinkedHashMap<>(SEED));
    }

    /**
     * The seed's roles with the pairs of {@code spec} ({@code role=layer,role=layer}) in their place; null or
     * blank keeps the seed's.
     *
     * @throws IllegalArgumentException for an unknown role, a pair without {@code =}, a layer name that is not an identifier or a
     *                                  role named twice
     */
    public static LayerRoles parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>(SEED);
        if (spec == null || spec.isBlank()) return new LayerRoles(m);
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException("PARKGRID_ROLES: '" + pair.strip() + "' is not role=layer");
            String role = pair.substring(0, eq).strip();
            String layer = pair.substring(eq + 1).strip();
            if (!SEED.containsKey(role)) {
                throw new IllegalArgumentException("PARKGRID_ROLES: unknown role '" + role + "'; roles are " + String.join(", ", SEED.keySet()));
            }
            if (!Identifiers.isValid(layer)) {
                throw new IllegalArgumentException("PARKGRID_ROLES: role '" + role + "' names '" + layer
                        + "', not a layer name ([a-z][a-z0-9_]{0,62})");
            }
            if (given.put(role, layer) != null) throw new IllegalArgumentException("PARKGRID_ROLES: role '" + role + "' is given twice");
        }
        m.putAll(given);
        return new LayerRoles(m);
    }

    /**
     * The layer that plays {@code role} (it may be missing from the store: callers check).
     *
     * @throws IllegalArgumentException for a role not in the fixed set
     */
    public String layerFor(String role) {
        String layer = layerByRole.get(role);
        if (layer == null) throw new IllegalArgumentException("unknown layer role '" + role + "'");
        return layer;
    }

    /** The role {@code layer} plays, if any (the first one when a layer plays several). */
    public Optional<String> roleOf(String layer) {
        return layerByRole.entrySet().stream().filter(e -> e.getValue().equals(layer)).map(Map.Entry::getKey).findFirst();
    }

    /** Role → layer name, in the map's order. */
    public Map<String, String> asMap() {
        return layerByRole;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerRoles r && r.layerByRole.equals(layerByRole);
    }

    @Override
    public int hashCode() {
        return layerByRole.hashCode();
    }

    @Override
    public String toString() {
        return "LayerRoles" + layerByRole;
    }
}
