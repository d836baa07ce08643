package parkgrid.analysis;

import java.util.Arrays;

/**
 * Dijkstra over a {@link LineNetwork} with primitive arrays: a lazy binary heap, per-node distance, the
 * source (seed label) that reached the node first and the edge it was reached by. Reusable: {@link #reset()}
 * clears only the nodes the last search touched, so many small bounded searches stay cheap.
 * Not thread-safe.
 */
final class NetworkSearch {
    private final LineNetwork net;
    final double[] dist;
    final int[] source;
    /** Edge by which the node was reached, −1 for a seeded node. */
    final int[] predEdge;
    private final int[] touched;
    private int touchedCount;
    private double[] heapKey = new double[64];
    private int[] heapNode = new int[64];
    private int heapSize;

    NetworkSearch(LineNetwork net) {
        this.net = net;
        int n = net.nodeCount();
        dist = new double[n];
        source = new int[n];
        predEdge = new int[n];
        touched = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(source, -1);
        Arrays.fill(predEdge, -1);
    }

    void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int n = touched[i];
            dist[n] = Double.POSITIVE_INFINITY;
            source[n] = -1;
            predEdge[n] = -1;
        }
        touchedCount = 0;
        heapSize = 0;
    }

    /** Nodes reached by the last search (distance finite), in no particular order. */
    int touchedCount() {
        return touchedCount;
    }

    int touched(int i) {
        return touched[i];
    }

    /** Offers distance d from source label src to a node (reached via edge, or −1 when seeded). */
    void seed(int node, double d, int src) {
        relax(node, d, src, -1);
    }

    private void relax(int node, double d, int src, int via) {
        if (d < dist[node] || (d == dist[node] && src < source[node] && src >= 0)) {
            if (dist[node] == Double.POSITIVE_INFINITY) touched[touchedCount++] = node;
            dist[node] = d;
            source[node] = src;
            predEdge[node] = via;
            push(d, node);
        }
    }

    /**
     * Runs until every node within {@code bound} metres is settled (nodes beyond may keep tentative
     * distances > bound; callers must ignore them).
     */
    void run(double bound, Deadline deadline) {
        long pops = 0;
        while (heapSize > 0) {
            double d = heapKey[0];
            int n = heapNode[0];
            pop();
            if (d > dist[n]) continue;
            if (d > bound) break;
            if ((++pops & 4095) == 0) deadline.check("searching the line network");
            int src = source[n];
            for (int i = net.adjStart[n], end = net.adjStart[n + 1]; i < end; i++) {
                int e = net.adjEdge[i];
                relax(net.opposite(e, n), d + net.edgeLength[e], src, e);
            }
        }
    }

    private void push(double k, int n) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (heapKey[p] <= k) break;
            heapKey[i] = heapKey[p];
            heapNode[i] = heapNode[p];
            i = p;
        }
        heapKey[i] = k;
        heapNode[i] = n;
    }

    private void pop() {
        int last = --heapSize;
        if (last == 0) return;
        double k = heapKey[last];
        int n = heapNode[last];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= last) break;
            if (c + 1 < last && heapKey[c + 1] < heapKey[c]) c++;
            if (heapKey[c] >= k) break;
            heapKey[i] = heapKey[c];
            heapNode[i] = heapNode[c];
            i = c;
        }
        heapKey[i] = k;
        heapNode[i] = n;
    }
}
