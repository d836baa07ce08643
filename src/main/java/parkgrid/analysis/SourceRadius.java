package parkgrid.analysis;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The supply radius of one source (substation for 10 kV, transformer for 0.4 kV): the longest shortest
 * path along the lines of its voltage to any load it feeds (loads go to their nearest source along the lines).
 *
 * @param sourceId          the source feature's id
 * @param voltageKv         the checked line voltage
 * @param supplyClass       the supply-area class the limit is taken for
 * @param longestPathMetres the longest path, metres (0 when it feeds no load)
 * @param limitMetres       the rule table's limit, or null (class "by calculation" or not in the table)
 * @param over              whether the longest path exceeds the limit
 * @param farthestLoadId    id of the farthest load feature, or of the line whose far end it is; null when no load
 * @param farthestLoadKind  "load" (a given load feature) or "line end" (a far end of a line); null when no load
 * @param loadCount         loads fed by this source
 * @param overLimitLoadIds  the loads (ids as in farthestLoadId) farther than the limit, nearest first
 * @param pathLonLat        the path from the source to the farthest load, EPSG:4326 LineString; null when no load
 * @param reason            one sentence for the map popup
 */
public record SourceRadius(long sourceId, double voltageKv, String supplyClass, double longestPathMetres, Double limitMetres,
                           boolean over, Long farthestLoadId, String farthestLoadKind, int loadCount,
                           List<Long> overLimitLoadIds, Geometry pathLonLat, String reason) {
    public SourceRadius {
        overLimitLoadIds = List.copyOf(overLimitLoadIds);
    }
}
