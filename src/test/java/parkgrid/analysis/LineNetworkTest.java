package parkgrid.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.junit.jupiter.api.Test;
import parkgrid.geo.MetricProjection;
import parkgrid.feature.Feature;
import parkgrid.feature.ParkGridException;

class LineNetworkTest {
    private final MetricProjection projection = new MetricProjection(4546);

    @Test
    void sharedAndNearlySharedVerticesBecomeOneNode() {
        LineNetwork net = LineNetwork.of(List.of(
                AnalysisFixtures.feature(1, AnalysisFixtures.lineAt(0, 0, 1000, 0)),
                AnalysisFixtures.feature(2, AnalysisFixtures.lineAt(1000, 0, 1000, 1000)),
                AnalysisFixtures.feature(3, AnalysisFixtures.lineAt(1000.3, 1000, 2000, 1000))), projection);
        assertEquals(4, net.nodeCount(), "the 0.3 m gap is snapped");
        assertEquals(3, net.edgeCount());
        assertEquals(3000, net.totalLengthMetres(), 3000 * 0.005);
    }

    @Test
    void lineEndOnAnotherLinesInteriorSplitsItIntoATJunction() {
        LineNetwork net = LineNetwork.of(List.of(
                AnalysisFixtures.feature(1, AnalysisFixtures.lineAt(0, 0, 2000, 0)),
                AnalysisFixtures.feature(2, AnalysisFixtures.lineAt(800, 0.2, 800, 500))), projection);
        assertEquals(4, net.nodeCount());
        assertEquals(3, net.edgeCount(), "the main line is split at the junction");
        int junction = -1;
        for (int n = 0; n < net.nodeCount(); n++) if (net.degree(n) == 3) junction = n;
        assertEquals(3, net.degree(junction));
        LineNetwork strict = new LineNetwork(List.of(
                AnalysisFixtures.feature(1, AnalysisFixtures.lineAt(0, 0, 2000, 0)),
                AnalysisFixtures.feature(2, AnalysisFixtures.lineAt(800, 0.2, 800, 500))), projection, 0);
        assertEquals(2, strict.edgeCount(), "no snapping with a zero tolerance");
    }

    @Test
    void compactDijkstraAgreesWithJGraphT() {
        Random rnd = new Random(7);
        List<Feature> lines = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                double x = i * 300 + rnd.nextDouble() * 40, y = j * 300 + rnd.nextDouble() * 40;
                if (i < 11 && rnd.nextDouble() < 0.8) lines.add(AnalysisFixtures.feature(id++, AnalysisFixtures.lineAt(i * 300, j * 300, (i + 1) * 300, j * 300)));
                if (j < 11 && rnd.nextDouble() < 0.8) lines.add(AnalysisFixtures.feature(id++, AnalysisFixtures.lineAt(i * 300, j * 300, x, y, i * 300, (j + 1) * 300)));
            }
        }
        LineNetwork net = LineNetwork.of(lines, projection);
        NetworkSearch search = new NetworkSearch(net);
        search.seed(0, 0, 0);
        search.run(Double.POSITIVE_INFINITY, Deadline.NONE);
        ShortestPathAlgorithm.SingleSourcePaths<Integer, ?> ref = new DijkstraShortestPath<>(net.toGraph()).getPaths(0);
        for (int n = 0; n < net.nodeCount(); n++) {
            assertEquals(ref.getWeight(n), search.dist[n], 1e-6, "node " + n);
        }
    }

    @Test
    void rejectsNonLinearFeaturesNamingLines() {
        ParkGridException e = assertThrows(ParkGridException.class,
                () -> LineNetwork.of(List.of(AnalysisFixtures.point(1, 0, 0)), projection));
        assertInstanceOf(ParkGridException.InvalidInput.class, e);
        assertEquals("lines", e.parameter());
    }
}
