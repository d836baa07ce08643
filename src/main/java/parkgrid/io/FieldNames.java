package parkgrid.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import parkgrid.feature.Identifiers;

/**
 * Maps the field names of an imported file (a DBF, a CSV header, a GeoPackage table) to ParkGrid property
 * names ({@link Identifiers}: {@code [a-z][a-z0-9_]{0,62}}, not {@code fid}/{@code geom}). The rule, applied
 * to each name in file order:
 * <ol>
 *   <li>lower-case it; every run of characters outside {@code [a-z0-9_]} becomes one {@code _}; leading and
 *       trailing {@code _} are dropped ({@code AREA_HA} → {@code area_ha}, {@code Name ZH} → {@code name_zh});</li>
 *   <li>a name left without any ASCII letter or digit (a Chinese name such as {@code 名称}) becomes
 *       {@code f}<i>n</i>, <i>n</i> its 1-based column position ({@code f3});</li>
 *   <li>a name starting with a digit gets {@code f_} before it; a reserved one ({@code fid}, {@code geom}) gets
 *       {@code _1} after it; names are cut to 63 characters;</li>
 *   <li>a name already taken gets {@code _2}, {@code _3} … after it.</li>
 * </ol>
 * Names are never transliterated: the original is kept beside the new one ({@link #originals()}) for the
 * import report, since a layer's schema has no per-property title.
 */
public final class FieldNames {
    private final List<String> originals;
    private final List<String> names;

    private FieldNames(List<String> originals, List<String> names) {
        this.originals = List.copyOf(originals);
        this.names = List.copyOf(names);
    }

    /** The property names for {@code fieldNames}, in the same order; a name without ASCII becomes f + its position in the list. */
    public static FieldNames of(List<String> fieldNames) {
        int[] positions = new int[fieldNames.size()];
        for (int i = 0; i < positions.length; i++) positions[i] = i + 1;
        return of(fieldNames, positions);
    }

    /** As {@link #of(List)}, with the 1-based column position of each name in its file (for the {@code f}<i>n</i> names). */
    public static FieldNames of(List<String> fieldNames, int[] positions) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            String n = base(fieldNames.get(i), positions[i]);
            String unique = n;
            for (int k = 2; !taken.add(unique); k++) {
                String suffix = "_" + k;
                unique = (n.length() + suffix.length() > 63 ? n.substring(0, 63 - suffix.length()) : n) + suffix;
            }
            names.add(unique);
        }
        return new FieldNames(fieldNames, names);
    }

    private static String base(String original, int position) {
        String n = original == null ? "" : original.trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (!n.matches(".*[a-z0-9].*")) n = "f" + position;
        if (Character.isDigit(n.charAt(0))) n = "f_" + n;
        if (Identifiers.RESERVED.contains(n)) n = n + "_1";
        if (n.length() > 63) n = n.substring(0, 63);
        return Identifiers.requireValid(n, "property name");
    }

    /** The ParkGrid names, in file order. */
    public List<String> names() {
        return names;
    }

    /** The names as the file has them, in file order. */
    public List<String> originals() {
        return originals;
    }

    public String name(int index) {
        return names.get(index);
    }
}
