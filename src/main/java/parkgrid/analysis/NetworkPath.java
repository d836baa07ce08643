package parkgrid.analysis;

import java.util.Arrays;

/**
 * Words for one path found by a {@link NetworkSearch}: the lines walked from the supplier to the demand,
 * with the length along each (metres, metric CRS of the {@link LineNetwork}), e.g.
 * "along 10 kV lines (柏树北10千伏线 1.1 km) + 224 m access leg (max 500 m)".
 *
 * <p>Consecutive edges of one line are one run; runs of lines with the same name (a feeder drawn as
 * several features) are added up. At most {@value #NAMED} lines are named, the rest counted (a name met
 * again after others is counted again). Reusable, not thread-safe.
 */
final class NetworkPath {
    /** Lines named in a reason; a longer path says "and N more". */
    static final int NAMED = 3;
    private final LineNetwork net;
    private final NetworkLines lines;
    private long[] runLine = new long[16];
    private double[] runLength = new double[16];
    private int runs;

    NetworkPath(LineNetwork net, NetworkLines lines) {
        this.net = net;
        this.lines = lines;
    }

    /**
     * The path supplier → demand through {@code via}, an end node of the demand's edge reached by
     * {@code search} from the supplier ({@code via} −1: supplier and demand on the same edge).
     *
     * @param sup    the supplier's attachment
     * @param dem    the demand's attachment
     * @param noun   word for a supplier, e.g. "substation"
     */
    String describe(NetworkSearch search, int via, LineNetwork.Attachment sup, LineNetwork.Attachment dem, String noun) {
        return describe(search, via, sup, dem, noun, true);
    }

    /** As above; with {@code accessAlways} false a demand access leg under 0.5 m is left out of the words. */
    String describe(NetworkSearch search, int via, LineNetwork.Attachment sup, LineNetwork.Attachment dem, String noun,
                    boolean accessAlways) {
        runs = 0;
        if (via < 0) {
            add(dem.edge(), Math.abs(sup.fraction() - dem.fraction()));
        } else {
            int e = dem.edge();
            add(e, net.edgeFrom[e] == via ? dem.fraction() : 1 - dem.fraction());
            int n = via;
            while (search.predEdge[n] >= 0) {
                int p = search.predEdge[n];
                add(p, 1);
                n = net.opposite(p, n);
            }
            int s = sup.edge();
            add(s, net.edgeFrom[s] == n ? sup.fraction() : 1 - sup.fraction());
        }
        StringBuilder sb = new StringBuilder("along ").append(lines.walkedLines()).append(" (");
        reverseRuns();
        // the first NAMED distinct names with their lengths summed over the path; later names only counted
        // (a path of 2-point segments has hundreds of runs: this stays O(runs × NAMED))
        long[] ids = new long[NAMED];
        String[] names = new String[NAMED];
        double[] lengths = new double[NAMED];
        int named = 0, more = 0;
        long previousId = Long.MIN_VALUE;
        String previous = null;
        for (int i = 0; i < runs; i++) {
            if (runLength[i] < 0.05 && runs > 1) continue; // a supplier or demand exactly at a junction touches the next line
            long id = runLine[i];
            String name = lines.declaredName(id); // null: unnamed, known by its id alone
            int at = -1;
            for (int j = 0; j < named; j++) if (ids[j] == id || (name != null && name.equals(names[j]))) at = j;
            if (at >= 0) {
                lengths[at] += runLength[i];
            } else if (named < NAMED) {
                ids[named] = id;
                names[named] = name;
                lengths[named++] = runLength[i];
            } else if (!(id == previousId || (name != null && name.equals(previous)))) {
                more++;
            }
            previousId = id;
            previous = name;
        }
        for (int j = 0; j < named; j++) {
            if (j > 0) sb.append(", ");
            sb.append(names[j] != null ? names[j] : "line " + ids[j]).append(' ').append(length(lengths[j]));
        }
        if (named == 0) sb.append("0 m");
        if (more > 0) sb.append(" and ").append(more).append(more == 1 ? " more line" : " more lines");
        sb.append(')');
        if (accessAlways || dem.accessMetres() >= 0.5) {
            sb.append(" + ").append(RadiusPolicy.formatMetres(dem.accessMetres())).append(" m access leg (max ")
                    .append(RadiusPolicy.formatMetres(lines.maxAccessMetres())).append(" m)");
        }
        if (sup.accessMetres() >= 0.5) {
            sb.append(" + ").append(RadiusPolicy.formatMetres(sup.accessMetres())).append(" m from the ").append(noun).append(" to the line");
        }
        return sb.toString();
    }

    private void add(int edge, double fraction) {
        long line = net.edgeLineId[edge];
        double len = fraction * net.edgeLength[edge];
        if (runs > 0 && runLine[runs - 1] == line) {
            runLength[runs - 1] += len;
            return;
        }
        if (runs == runLine.length) {
            runLine = Arrays.copyOf(runLine, runs * 2);
            runLength = Arrays.copyOf(runLength, runs * 2);
        }
        runLine[runs] = line;
        runLength[runs++] = len;
    }

    /** Runs were collected demand → supplier; reasons read supplier → demand. */
    private void reverseRuns() {
        for (int i = 0, j = runs - 1; i < j; i++, j--) {
            long l = runLine[i];
            runLine[i] = runLine[j];
            runLine[j] = l;
            double d = runLength[i];
            runLength[i] = runLength[j];
            runLength[j] = d;
        }
    }

    /** "850 m" below 1 km, else "11.8 km". */
    static String length(double metres) {
        if (metres < 999.5) return RadiusPolicy.formatMetres(metres) + " m";
        long tenths = Math.round(metres / 100); // String.format would dominate a 50 000-demand report
        return RadiusPolicy.formatMetres(tenths / 10) + "." + (tenths % 10) + " km";
    }
}
