package parkgrid.process;

import java.util.List;
import java.util.Map;
import parkgrid.feature.Neighbour;

/**
 * Features found by a process, nearest first, each with its distance in metres (WGS84 ellipsoid), and a
 * summary written beside them.
 *
 * @param hits    the features and their distances
 * @param summary JSON-ready values describing the query (collection, relation, truncated …)
 */
public record FeatureHits(List<Neighbour> hits, Map<String, Object> summary) implements ProcessResult {
    public FeatureHits {
        hits = List.copyOf(hits);
        summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    }
}
