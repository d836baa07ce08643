package parkgrid.analysis.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.MetricProjection;

/**
 * Constraint-and-score siting: where in a study area a site of a required area and minimum width may go, and
 * which of those places the preferences favour.
 *
 * <p><b>Method.</b> Everything is computed on the plane of the study area's {@link MetricProjection} (metres):
 * <ol>
 * <li>the feasible area ({@link FeasibleArea}): study area − ∪ buffered exclusions, ∩ each requirement's buffer,
 *     opened by half the minimum width so that no sliver narrower than the width remains;</li>
 * <li>candidate sites are axis-aligned rectangles of whole grid cells ({@code resolution}, default 10 m): a square
 *     and a 2 : 1 rectangle in both orientations, each side at least the minimum width and the area at least the
 *     required one (sides are rounded up to whole cells). Every grid position where the rectangle lies wholly in the
 *     constrained area ({@link FeasibleArea#getConstrained()}: before the sliver removal, which a rectangle that wide
 *     passes anyway) is a candidate position ({@link SiteGrid}: a conservative raster with a summed-area table, so
 *     the test costs O(1) a position). Rectangles on a grid were chosen over the largest inscribed rectangle
 *     because the question is "where can a site of this size go, and which place is best", not "what is the
 *     biggest site": the grid enumerates every place at the resolution and lets the preferences choose;</li>
 * <li>each position is scored by the preferences (planar distance from its centre, min–max scaled over all
 *     positions, weighted mean); the best are taken greedily, skipping any that overlaps one already taken, up to
 *     {@code maxCandidates};</li>
 * <li>the figures reported for each chosen site are ellipsoidal metres ({@link parkgrid.geo.GeodesicDistance}),
 *     from which its final score and the plain-words reasons (English and Chinese) are made; candidates are ranked
 *     by that score.</li>
 * </ol>
 * With no feasible site the answer says which criterion ruled out most of the study area, and how much.
 *
 * <p>Inputs and outputs are EPSG:4326 lon/lat. Not thread-safe; {@link #compute()} runs once.
 */
public final class SitingAnalysis {
    /** Most raster cells; a coarser grid is used past it (a 40 km² box at 10 m is 400 000 cells). */
    public static final double MAX_CELLS = 4_000_000;
    /** Most candidate positions scored; past it positions are taken on a coarser stride. */
    static final long MAX_POSITIONS = 1_500_000;
    static final double COUNT_RADIUS_METRES = 1000;

    private final Geometry studyLonLat;
    private final SiteSize size;
    private final List<Exclusion> exclusions;
    private final List<Requirement> requirements;
    private final List<Preference> preferences;
    private final SitingOptions options;
    private SitingResult result;
    private double afterExclusionsSquareMetres;

    /**
     * @param studyAreaLonLat the study area, a (multi)polygon in EPSG:4326 lon/lat
     * @throws ParkGridException (invalid input) naming {@code study_area} when it is not a non-empty polygon
     */
    public SitingAnalysis(Geometry studyAreaLonLat, SiteSize size, List<Exclusion> exclusions, List<Requirement> requirements,
                          List<Preference> preferences, SitingOptions options) {
        if (studyAreaLonLat == null || studyAreaLonLat.isEmpty() || !(studyAreaLonLat instanceof Polygonal)) {
            throw ParkGridException.invalidParameter("study_area", "the study area must be a Polygon or MultiPolygon, got "
                    + (studyAreaLonLat == null ? "nothing" : studyAreaLonLat.getGeometryType()));
        }
        this.studyLonLat = studyAreaLonLat;
        this.size = size;
        this.exclusions = List.copyOf(exclusions);
        this.requirements = List.copyOf(requirements);
        this.preferences = List.copyOf(preferences);
        this.options = options;
    }

    public static SitingResult run(Geometry studyAreaLonLat, SiteSize size, List<Exclusion> exclusions,
                                   List<Requirement> requirements, List<Preference> preferences, SitingOptions options) {
        return new SitingAnalysis(studyAreaLonLat, size, exclusions, requirements, preferences, options).getResult();
    }

    public SitingResult getResult() {
        compute();
        return result;
    }

    /** The study area less the buffered exclusions, m² (before requirements and the width): what PostGIS is checked against. */
    public double getAfterExclusionsSquareMetres() {
        compute();
        return afterExclusionsSquareMetres;
    }

    public void compute() {
        if (result != null) return;
        MetricProjection projection = MetricProjection.forExtent(studyLonLat.getEnvelopeInternal());
        Geometry study = projection.project(studyLonLat);
        if (!study.isValid()) study = study.buffer(0);
        if (!(study.getArea() > 0)) throw ParkGridException.invalidParameter("study_area", "the study area has no area");
        GeometryFactory factory = study.getFactory();
        FeasibleArea area = new FeasibleArea(study, exclusions, requirements, size.minWidthMetres(), projection, options);
        Geometry feasible = area.getFeasible();
        afterExclusionsSquareMetres = area.getAfterExclusions().getArea();
        List<Elimination> eliminations = new ArrayList<>(area.getEliminations());

        double cell = options.resolutionMetres();
        double cells = SiteGrid.cellsFor(study.getEnvelopeInternal(), cell);
        if (cells > MAX_CELLS) cell = Math.ceil(cell * Math.sqrt(cells / MAX_CELLS));
        List<int[]> shapes = shapes(cell);
        options.check("rasterising the feasible area");
        SiteGrid grid = new SiteGrid(area.getConstrained(), cell, options);

        List<GeometrySet> preferenceSets = new ArrayList<>();
        for (Preference p : preferences) preferenceSets.add(new GeometrySet(p.geometries(), projection, factory));
        Positions positions = positions(grid, shapes, preferenceSets);
        List<int[]> chosen = choose(positions, shapes);

        List<GeometrySet> exclusionSets = new ArrayList<>();
        for (Exclusion e : exclusions) exclusionSets.add(new GeometrySet(e.geometries(), projection, factory));
        List<GeometrySet> requirementSets = new ArrayList<>();
        for (Requirement r : requirements) requirementSets.add(new GeometrySet(r.geometries(), projection, factory));
        List<Candidate> candidates = new ArrayList<>();
        for (int[] c : chosen) {
            options.check("measuring the candidate sites");
            int[] shape = shapes.get(c[0]);
            Polygon metric = grid.rectangle(factory, c[1], c[2], shape[0], shape[1]);
            Polygon lonLat = (Polygon) projection.unproject(metric);
            Geometry centreMetric = factory.createPoint(new org.locationtech.jts.geom.Coordinate(
                    grid.centreX(c[1], shape[0]), grid.centreY(c[2], shape[1])));
            Geometry centreLonLat = projection.unproject(centreMetric);
            List<CriterionCheck> checks = new ArrayList<>();
            for (int k = 0; k < exclusions.size(); k++) {
                checks.add(SiteReasons.exclusion(exclusions.get(k), exclusionSets.get(k).geodesicMetres(lonLat, metric)));
            }
            for (int k = 0; k < requirements.size(); k++) {
                checks.add(SiteReasons.requirement(requirements.get(k), requirementSets.get(k).geodesicMetres(lonLat, metric)));
            }
            double weighted = 0, weights = 0;
            for (int k = 0; k < preferences.size(); k++) {
                Preference p = preferences.get(k);
                GeometrySet set = preferenceSets.get(k);
                double d = set.geodesicMetres(centreLonLat, centreMetric);
                double s = positions.score(k, d, p.direction());
                int count = set.countWithin(centreLonLat, centreMetric, COUNT_RADIUS_METRES);
                checks.add(SiteReasons.preference(p, d, s, count));
                weighted += p.weight() * s;
                weights += p.weight();
            }
            double w = shape[0] * cell, l = shape[1] * cell;
            candidates.add(new Candidate(0, lonLat, metric.getArea(), Math.min(w, l), Math.max(w, l), weights == 0 ? 0 : weighted / weights, checks));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()); // stable: ties keep the search's order
        List<Candidate> ranked = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            Candidate c = candidates.get(k);
            ranked.add(new Candidate(k + 1, c.siteLonLat(), c.areaSquareMetres(), c.widthMetres(), c.lengthMetres(), c.score(), c.breakdown()));
        }
        String en = null, zh = null;
        if (ranked.isEmpty()) {
            double left = feasible.getArea();
            if (left > 0) {
                eliminations.add(new Elimination(
                        String.format(Locale.ROOT, "site size %s m² (%s 亩), at least %s m wide", FeasibleArea.metres(Math.round(size.areaSquareMetres())),
                                FeasibleArea.metres(Math.round(SiteSize.mu(size.areaSquareMetres()) * 10) / 10.0), FeasibleArea.metres(size.minWidthMetres())),
                        String.format(Locale.ROOT, "场址规模 %s 平方米（%s 亩）、宽度不小于 %s 米", FeasibleArea.metres(Math.round(size.areaSquareMetres())),
                                FeasibleArea.metres(Math.round(SiteSize.mu(size.areaSquareMetres()) * 10) / 10.0), FeasibleArea.metres(size.minWidthMetres())),
                        left, 100 * left / study.getArea()));
            }
        }
        eliminations.sort(Comparator.comparingDouble(Elimination::areaSquareMetres).reversed());
        if (ranked.isEmpty()) {
            String[] reason = SiteReasons.noSite(size, eliminations.isEmpty() ? null : eliminations.get(0), feasible.getArea());
            en = reason[0];
            zh = reason[1];
        }
        Geometry feasibleLonLat = projection.unproject(feasible);
        result = new SitingResult(feasibleLonLat, study.getArea(), feasible.getArea(), ranked, eliminations, en, zh, cell,
                projection.epsg(), positions.count);
    }

    /** {a, b} cells of each site shape: a square and a 2 : 1 rectangle both ways, each at least the width and area. */
    private List<int[]> shapes(double cell) {
        double a = size.areaSquareMetres(), w = size.minWidthMetres();
        List<int[]> out = new ArrayList<>();
        int side = cells(Math.max(Math.sqrt(a), w), cell);
        out.add(new int[] {side, side});
        double shortSide = Math.max(Math.sqrt(a / 2), w), longSide = a / shortSide;
        if (longSide > shortSide) {
            int s = cells(shortSide, cell), l = cells(longSide, cell);
            if (l > s) {
                out.add(new int[] {l, s});
                out.add(new int[] {s, l});
            }
        }
        return out;
    }

    private static int cells(double metres, double cell) {
        return Math.max(1, (int) Math.ceil(metres / cell - 1e-9));
    }

    /** Every fitting position (shape, column, row) with its planar preference distances. */
    private Positions positions(SiteGrid grid, List<int[]> shapes, List<GeometrySet> sets) {
        long estimate = (long) grid.feasibleCells() * shapes.size();
        int stride = estimate > MAX_POSITIONS ? (int) Math.ceil(Math.sqrt((double) estimate / MAX_POSITIONS)) : 1;
        Positions p = new Positions(sets.size());
        for (int s = 0; s < shapes.size(); s++) {
            int a = shapes.get(s)[0], b = shapes.get(s)[1];
            for (int j = 0; j + b <= grid.ny; j += stride) {
                options.check("scoring the candidate positions");
                for (int i = 0; i + a <= grid.nx; i += stride) {
                    if (!grid.fits(i, j, a, b)) continue;
                    double[] d = new double[sets.size()];
                    for (int k = 0; k < d.length; k++) d[k] = sets.get(k).planarMetres(grid.centreX(i, a), grid.centreY(j, b));
                    p.add(s, i, j, d);
                }
            }
        }
        p.scale(preferences);
        return p;
    }

    /** The best positions, greedily, none overlapping another: {shape, column, row}. */
    private List<int[]> choose(Positions p, List<int[]> shapes) {
        Integer[] order = new Integer[p.count];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, (x, y) -> Double.compare(p.planarScore[y], p.planarScore[x]));
        List<int[]> chosen = new ArrayList<>();
        for (Integer k : order) {
            if (chosen.size() == options.maxCandidates()) break;
            int s = p.shape[k], i = p.column[k], j = p.row[k];
            int a = shapes.get(s)[0], b = shapes.get(s)[1];
            boolean free = true;
            for (int[] c : chosen) {
                int ca = shapes.get(c[0])[0], cb = shapes.get(c[0])[1];
                if (i < c[1] + ca && c[1] < i + a && j < c[2] + cb && c[2] < j + b) {
                    free = false;
                    break;
                }
            }
            if (free) chosen.add(new int[] {s, i, j});
        }
        return chosen;
    }

    /** Candidate positions in columns (shape, column, row, distances, planar score). */
    private static final class Positions {
        int count;
        int[] shape = new int[1024], column = new int[1024], row = new int[1024];
        double[][] distances;
        double[] planarScore;
        final double[] min, max;

        Positions(int preferences) {
            distances = new double[preferences][1024];
            min = new double[preferences];
            max = new double[preferences];
        }

        void add(int s, int i, int j, double[] d) {
            if (count == shape.length) {
                int n = count * 2;
                shape = Arrays.copyOf(shape, n);
                column = Arrays.copyOf(column, n);
                row = Arrays.copyOf(row, n);
                for (int k = 0; k < distances.length; k++) distances[k] = Arrays.copyOf(distances[k], n);
            }
            shape[count] = s;
            column[count] = i;
            row[count] = j;
            for (int k = 0; k < d.length; k++) distances[k][count] = d[k];
            count++;
        }

        void scale(List<Preference> preferences) {
            planarScore = new double[count];
            double weights = preferences.stream().mapToDouble(Preference::weight).sum();
            for (int k = 0; k < preferences.size(); k++) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < count; n++) {
                    lo = Math.min(lo, distances[k][n]);
                    hi = Math.max(hi, distances[k][n]);
                }
                min[k] = lo;
                max[k] = hi;
                Preference p = preferences.get(k);
                for (int n = 0; n < count; n++) planarScore[n] += p.weight() / weights * score(k, distances[k][n], p.direction());
            }
        }

        /** 0–1 for a distance of preference k, scaled over the positions' range; 0 for an empty set. */
        double score(int k, double metres, Preference.Direction direction) {
            if (Double.isNaN(metres) || count == 0) return 0;
            double range = max[k] - min[k];
            double s = range <= 0 ? 1 : (direction == Preference.Direction.NEAR ? (max[k] - metres) / range : (metres - min[k]) / range);
            return Math.max(0, Math.min(1, s));
        }
    }
}
