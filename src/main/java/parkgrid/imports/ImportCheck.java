package parkgrid.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.ParkGridException;
import parkgrid.store.FeatureChecks;

/**
 * The check of an import: every feature converted and checked exactly as the store checks it
 * ({@link FeatureChecks}), ids checked unique over the whole file, and every problem collected (the first
 * {@value #LISTED} listed) instead of stopping at the first; alone (a dry run) or in the one pass that also
 * writes. Memory: one feature, the problems listed, and one
 * bit per id (a {@link BitSet}; ids above 2³¹ in a hash set).
 */
final class ImportCheck {
    /** Problems listed in a report; more are counted. */
    static final int LISTED = 100;

    /** What the pass found. */
    record Result(long features, List<ImportProblem> problems, long problemCount, Envelope extent) {
        boolean passed() {
            return problemCount == 0;
        }
    }

    /** Told how many features have been read. */
    interface Progress {
        void read(long features);
    }

    private ImportCheck() {}

    /**
     * The dry pass: every feature checked, none passed on.
     *
     * @throws ParkGridException too large when the file holds more than {@code maxFeatures} features
     */
    static Result run(ImportedSource source, long maxFeatures, Progress progress) throws IOException {
        return run(source, maxFeatures, progress, f -> {});
    }

    /**
     * One pass that checks and writes: each feature that passes goes on to {@code passed} (the store's write) as
     * long as no feature before it failed; after the first problem the rest are only checked, so the report lists
     * every problem as the dry pass does and the caller rolls the write back.
     *
     * @throws ParkGridException too large when the file holds more than {@code maxFeatures} features
     */
    static Result run(ImportedSource source, long maxFeatures, Progress progress, FeatureSink passed) throws IOException {
        FeatureChecks.Checker checker = new FeatureChecks.Checker(source.layer());
        List<ImportProblem> problems = new ArrayList<>();
        long[] count = {0, 0};
        BitSet ids = new BitSet();
        Set<Long> bigIds = new HashSet<>();
        Envelope extent = new Envelope();
        class Collector {
            void add(ImportProblem p) {
                count[1]++;
                if (problems.size() < LISTED) problems.add(p);
            }
        }
        Collector collect = new Collector();
        try {
            source.raw().forEach(raw -> {
                long n = ++count[0];
                if (n > maxFeatures) {
                    throw ParkGridException.tooLarge("body", "the file holds more than " + maxFeatures
                            + " features (PARKGRID_IMPORT_MAX_FEATURES)");
                }
                if (n % 1000 == 0) progress.read(n);
                long id = source.id(n, raw.id());
                Feature f;
                try {
                    f = source.convert(raw, n);
                } catch (IllegalArgumentException e) {
                    collect.add(new ImportProblem(n, id, "geometry", e.getMessage()));
                    return;
                }
                try {
                    checker.check(f);
                } catch (ParkGridException e) {
                    collect.add(new ImportProblem(n, id, e.parameter(), e.detail()));
                }
                checker.forgetIds();
                boolean repeated = id > 0 && id <= Integer.MAX_VALUE ? ids.get((int) id) : !bigIds.add(id);
                if (repeated) collect.add(new ImportProblem(n, id, "id", "id " + id + " appears twice in the file"));
                else if (id > 0 && id <= Integer.MAX_VALUE) ids.set((int) id);
                if (f.hasGeometry()) extent.expandToInclude(f.geometry().getEnvelopeInternal());
                if (count[1] == 0) {
                    try {
                        passed.accept(f);
                    } catch (RuntimeException e) {
                        throw new Downstream(e);
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            // the reader cannot go on: the file is wrong at (or before) the next feature
            collect.add(new ImportProblem(count[0] + 1, null, "file", e.getMessage()));
        } catch (Downstream e) {
            throw e.cause;
        }
        progress.read(count[0]);
        return new Result(count[0], List.copyOf(problems), count[1], extent);
    }

    /** Carries what the write threw past the catch that takes the reader's own {@link IllegalArgumentException}. */
    private static final class Downstream extends RuntimeException {
        final RuntimeException cause;

        Downstream(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
