package parkgrid.analysis;

import java.util.List;

/**
 * Which lines formed the network of a network analysis, and how long the access leg might be.
 *
 * @param filter              the CQL2 text selecting the lines (the user's {@code network_filter} or the default
 *                            {@code voltage_kv = 10}); null when every line was used
 * @param origin              where the selection comes from, in words
 * @param lineCount           lines in the network
 * @param lineTotal           lines in the layer
 * @param levelKv             the assessed voltage level, kV, or null when unknown
 * @param maxAccessMetres     the access-leg bound, metres
 * @param accessOrigin        "max_access_m" or the default it comes from
 * @param suppliersOffNetwork ids of the suppliers (sources) with no network line within the bound, input order
 * @param description         one sentence combining the above
 */
public record NetworkSummary(String filter, String origin, int lineCount, int lineTotal, Double levelKv, double maxAccessMetres,
                             String accessOrigin, List<Long> suppliersOffNetwork, String description) {
    public NetworkSummary {
        suppliersOffNetwork = List.copyOf(suppliersOffNetwork);
    }
}
