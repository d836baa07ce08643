package parkgrid.analysis;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The suppliers of a network coverage that have no line of the network within the access bound (a
 * 110 kV substation without a 10 kV feeder, a transformer far from every 0.4 kV line). They reach nothing
 * along the lines; a demand they would cover in a straight line is told so, rather than being silently
 * reached along lines of another level. Geometries in the metric CRS, distances in metres.
 */
final class OffNetworkSuppliers {
    private final List<Integer> off = new ArrayList<>();
    private final List<Long> ids = new ArrayList<>();
    private final STRtree index = new STRtree();
    private final Geometry[] suppliers;
    private final NetworkCoverage network;
    private final RadiusTable radii;
    private final NetworkLines lines;
    private final String noun;

    OffNetworkSuppliers(NetworkCoverage network, Geometry[] suppliers, RadiusTable radii, NetworkLines lines, String noun) {
        this.network = network;
        this.suppliers = suppliers;
        this.radii = radii;
        this.lines = lines;
        this.noun = noun;
        for (int s = 0; s < suppliers.length; s++) {
            if (network.isSupplierOnNetwork(s)) continue;
            off.add(s);
            ids.add(radii.supplierId(s));
            index.insert(suppliers[s].getEnvelopeInternal(), s);
        }
        if (!off.isEmpty()) index.build();
    }

    /** Ids of the suppliers off the network, in input order. */
    List<Long> ids() {
        return List.copyOf(ids);
    }

    /**
     * "; substation 4, 1 215 m away in a straight line, has no 10 kV line within 500 m (the nearest is 12.7 km
     * away)" when the straight-line
     * nearest off-network supplier is within its own radius for class k of {@code demand}; else "".
     */
    String note(Geometry demand, int k) {
        if (off.isEmpty()) return "";
        Object nearest = index.nearestNeighbour(demand.getEnvelopeInternal(), demand,
                (a, b) -> geometry(a.getItem()).distance(geometry(b.getItem())));
        int s = (Integer) nearest;
        double straight = suppliers[s].distance(demand);
        double r = radii.radius(s, k);
        if (Double.isNaN(r) || straight > r) return "";
        LineNetwork.Attachment a = network.supplierAttachment(s);
        return "; " + noun + " " + radii.supplierId(s) + ", " + RadiusPolicy.formatMetres(straight) + " m away in a straight line, has no "
                + lines.walkedLine() + " within " + RadiusPolicy.formatMetres(lines.maxAccessMetres()) + " m"
                + (a == null ? "" : " (the nearest is " + NetworkPath.length(a.accessMetres()) + " away)");
    }

    private Geometry geometry(Object item) {
        return item instanceof Integer i ? suppliers[i] : (Geometry) item;
    }
}
