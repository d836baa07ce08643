package parkgrid.analysis;

import java.util.function.Predicate;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

/**
 * What a network analysis is asked to walk: which lines of the line layer form the network and how long
 * the straight access leg from a load (or a supplier) to those lines may be. Both are optional; what is
 * left out is decided by the assessed voltage level when the analysis runs ({@link NetworkLines}).
 *
 * <p>A supplier feeds loads through lines of its own level (a substation's 10 kV bus feeds 10 kV feeders,
 * a distribution transformer 0.4 kV lines), so by default only the lines whose voltage property equals the
 * assessed level form the network.
 *
 * @param filterText      the user's filter in CQL2 text, for reasons and the summary; null: no explicit filter
 * @param filter          the same filter as a predicate on line features (EPSG:4326, all properties the
 *                        filter names); null exactly when {@code filterText} is null
 * @param maxAccessMetres the longest straight access leg from a load or supplier to its nearest network
 *                        point, metres, &gt; 0; null: {@link #defaultMaxAccessMetres(Double) by level}
 */
public record NetworkScope(String filterText, Predicate<Feature> filter, Double maxAccessMetres) {
    /**
     * @throws ParkGridException (invalid input) naming {@code network_filter} when only one of text and predicate is
     *                           given, or {@code max_access_m} unless 0 &lt; metres &lt; ∞
     */
    public NetworkScope {
        if ((filterText == null) != (filter == null)) {
            throw ParkGridException.invalidParameter("network_filter", "a network filter needs both its text and its predicate");
        }
        if (filterText != null && filterText.isBlank()) {
            throw ParkGridException.invalidParameter("network_filter", "network_filter is empty");
        }
        if (maxAccessMetres != null && (!(maxAccessMetres > 0) || maxAccessMetres.isInfinite())) {
            throw ParkGridException.invalidParameter("max_access_m",
                    "max_access_m must be a positive number of metres, got " + maxAccessMetres);
        }
    }

    /** The default: lines of the assessed level, access leg bounded by level. */
    public static NetworkScope byLevel() {
        return new NetworkScope(null, null, null);
    }

    /** Only the lines {@code filter} accepts form the network; {@code text} is how the user wrote it. */
    public NetworkScope withFilter(String text, Predicate<Feature> predicate) {
        return new NetworkScope(text, predicate, maxAccessMetres);
    }

    public NetworkScope withMaxAccessMetres(Double metres) {
        return new NetworkScope(filterText, filter, metres);
    }

    public boolean hasFilter() {
        return filter != null;
    }

    /**
     * Default bound of the access leg, metres, by the level of the lines walked:
     * <ul>
     *   <li>0.4 kV: 250 m — half the class-D 0.4 kV radius of DL/T 5729 (500 m): a settlement is one point
     *       standing for houses spread a few hundred metres around it, and the service drops from the
     *       low-voltage line reach those houses; a point farther than that from every 0.4 kV line is not on
     *       the low-voltage network;
     *   <li>10 kV (anything from 1 to 20 kV): 500 m — a load this close to a 10 kV line can get a
     *       distribution transformer on that line and be reached within the class-D 0.4 kV radius (500 m);
     *   <li>35 kV and above: 1 000 m — a short 10 kV or 35 kV tap from the high-voltage line;
     *   <li>level unknown (every line walked): 500 m, the 10 kV figure, since the distribution network is
     *       what coverage along lines is mostly asked about.
     * </ul>
     */
    public static double defaultMaxAccessMetres(Double levelKv) {
        if (levelKv == null || Double.isNaN(levelKv)) return 500;
        if (levelKv < 1) return 250;
        if (levelKv <= 20) return 500;
        return 1000;
    }
}
