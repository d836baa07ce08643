package parkgrid.analysis.siting;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The feasible area as a raster of square cells (metres, metric projection), with a summed-area table so that
 * whether a window of cells lies wholly inside the feasible area is an O(1) question.
 *
 * <p>A cell counts as feasible when no edge of the feasible area passes through its open interior and its
 * centre lies inside: then the whole (closed) cell, and so any window of such cells, lies inside the feasible
 * area. Edges are traced through the rows they cross (every cell whose interior a segment enters is marked), and
 * cell centres are located row by row with a scanline over the edges (even–odd rule); both cost one pass over the
 * edges per row they cross. The grid starts at the feasible area's lower-left corner, so a boundary along the
 * grid lines (an axis-aligned study area) loses no cells.
 */
final class SiteGrid {
    final double cell;
    final double originX;
    final double originY;
    final int nx;
    final int ny;
    private final int[] sums; // (nx + 1) × (ny + 1): feasible cells below and left of each corner

    SiteGrid(Geometry feasibleMetric, double cellMetres, SitingOptions options) {
        this.cell = cellMetres;
        Envelope env = feasibleMetric.getEnvelopeInternal();
        this.originX = env.isNull() ? 0 : env.getMinX();
        this.originY = env.isNull() ? 0 : env.getMinY();
        this.nx = env.isNull() ? 0 : (int) Math.ceil((env.getMaxX() - originX) / cell);
        this.ny = env.isNull() ? 0 : (int) Math.ceil((env.getMaxY() - originY) / cell);
        boolean[] inside = new boolean[Math.max(0, nx * ny)];
        if (nx > 0 && ny > 0) fill(feasibleMetric, inside, options);
        sums = new int[(nx + 1) * (ny + 1)];
        for (int j = 0; j < ny; j++) {
            int row = 0;
            for (int i = 0; i < nx; i++) {
                if (inside[j * nx + i]) row++;
                sums[(j + 1) * (nx + 1) + i + 1] = sums[j * (nx + 1) + i + 1] + row;
            }
        }
    }

    /** The number of cells the grid of an envelope would have at {@code cellMetres}. */
    static double cellsFor(Envelope env, double cellMetres) {
        return Math.ceil(env.getWidth() / cellMetres + 1) * Math.ceil(env.getHeight() / cellMetres + 1);
    }

    private void fill(Geometry area, boolean[] inside, SitingOptions options) {
        double[][] xs = new double[ny][];
        int[] counts = new int[ny];
        boolean[] touched = new boolean[nx * ny];
        for (int p = 0; p < area.getNumGeometries(); p++) {
            if (!(area.getGeometryN(p) instanceof Polygon poly)) continue;
            addRing(poly.getExteriorRing(), xs, counts, touched);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) addRing(poly.getInteriorRingN(h), xs, counts, touched);
        }
        for (int j = 0; j < ny; j++) {
            if (counts[j] < 2) continue;
            if ((j & 255) == 0) options.check("rasterising the feasible area");
            double[] row = xs[j];
            Arrays.sort(row, 0, counts[j]);
            for (int k = 0; k + 1 < counts[j]; k += 2) {
                int from = (int) Math.max(0, Math.ceil((row[k] - originX) / cell - 0.5));
                int to = (int) Math.min(nx, Math.ceil((row[k + 1] - originX) / cell - 0.5));
                for (int i = from; i < to; i++) inside[j * nx + i] = !touched[j * nx + i];
            }
        }
    }

    private void addRing(LineString ring, double[][] xs, int[] counts, boolean[] touched) {
        var seq = ring.getCoordinateSequence();
        for (int k = 1; k < seq.size(); k++) {
            double x1 = seq.getX(k - 1), y1 = seq.getY(k - 1), x2 = seq.getX(k), y2 = seq.getY(k);
            trace(x1, y1, x2, y2, touched);
            if (y1 == y2) continue;
            int from = (int) Math.max(0, Math.ceil((Math.min(y1, y2) - originY) / cell - 0.5));
            int to = (int) Math.min(ny - 1, Math.floor((Math.max(y1, y2) - originY) / cell - 0.5));
            for (int j = from; j <= to; j++) {
                double yc = originY + (j + 0.5) * cell;
                if ((y1 <= yc) == (y2 <= yc)) continue; // half-open: a vertex on the scanline counts once
                double x = x1 + (yc - y1) * (x2 - x1) / (y2 - y1);
                if (xs[j] == null) xs[j] = new double[8];
                else if (counts[j] == xs[j].length) xs[j] = Arrays.copyOf(xs[j], counts[j] * 2);
                xs[j][counts[j]++] = x;
            }
        }
    }

    /** Marks every cell whose open interior the segment enters. */
    private void trace(double x1, double y1, double x2, double y2, boolean[] touched) {
        double ylo = snap((Math.min(y1, y2) - originY) / cell), yhi = snap((Math.max(y1, y2) - originY) / cell);
        if (ylo == yhi) {
            if (ylo == Math.rint(ylo)) return; // along a grid line: inside no cell
            int j = (int) Math.floor(ylo);
            if (j >= 0 && j < ny) mark(j, snap((Math.min(x1, x2) - originX) / cell), snap((Math.max(x1, x2) - originX) / cell), touched);
            return;
        }
        int from = (int) Math.max(0, Math.floor(ylo)), to = (int) Math.min(ny - 1, Math.ceil(yhi) - 1);
        for (int j = from; j <= to; j++) {
            double a = Math.max(ylo, j), b = Math.min(yhi, j + 1);
            if (a >= b) continue;
            double xa = x1 + ((a * cell + originY) - y1) * (x2 - x1) / (y2 - y1);
            double xb = x1 + ((b * cell + originY) - y1) * (x2 - x1) / (y2 - y1);
            mark(j, snap((Math.min(xa, xb) - originX) / cell), snap((Math.max(xa, xb) - originX) / cell), touched);
        }
    }

    /**
     * A position in cell units, moved onto a grid line when within 10⁻⁷ of a cell (1 µm at 10 m) of it: a boundary
     * along a grid line that came back from lon/lat a few nanometres off is still along it.
     */
    private static double snap(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < 1e-7 ? r : v;
    }

    /** Marks the cells of row j whose open interval meets [lo, hi] (in cell units). */
    private void mark(int j, double lo, double hi, boolean[] touched) {
        int from = (int) Math.max(0, Math.floor(lo));
        int to = (int) Math.min(nx - 1, lo == hi && lo == Math.rint(lo) ? lo - 1 : Math.ceil(hi) - 1);
        for (int i = from; i <= to; i++) touched[j * nx + i] = true;
    }

    /** True when the a × b cells from column i, row j are all feasible. */
    boolean fits(int i, int j, int a, int b) {
        int w = nx + 1;
        int total = sums[(j + b) * w + i + a] - sums[j * w + i + a] - sums[(j + b) * w + i] + sums[j * w + i];
        return total == a * b;
    }

    int feasibleCells() {
        return sums[sums.length - 1];
    }

    /** The rectangle of a × b cells from column i, row j, metres. */
    Polygon rectangle(GeometryFactory factory, int i, int j, int a, int b) {
        double x0 = originX + i * cell, y0 = originY + j * cell, x1 = x0 + a * cell, y1 = y0 + b * cell;
        return factory.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
                new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    double centreX(int i, int a) {
        return originX + (i + a / 2.0) * cell;
    }

    double centreY(int j, int b) {
        return originY + (j + b / 2.0) * cell;
    }
}
