package parkgrid.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import parkgrid.feature.Feature;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;

/**
 * Streams one {@link LayerSource} into a store in batches of {@value #SIZE} checked features, so an import
 * holds one batch in memory whatever the layer's size. Every feature goes through {@link FeatureChecks} (a
 * {@link CheckedLayerSource}'s geometries, checked on their way here, are not tested again);
 * ids are checked unique within a batch here and across batches by the new table's primary key (the store
 * turns that violation into {@link FeatureChecks#duplicateId}). Runs inside the store's import transaction:
 * whatever the source, the check or the write throws leaves the caller to roll back.
 */
public final class ImportBatches {
    /** Features per batch: large enough for the JDBC batch to pay, small enough to stay a few MB. */
    public static final int SIZE = 1000;

    /** Writes one batch: the features and, in the same order, their checked values in schema order. */
    @FunctionalInterface
    public interface BatchWriter {
        void write(List<Feature> features, List<Object[]> rows) throws SQLException;
    }

    private ImportBatches() {}

    /**
     * @return the number of features written
     * @throws SQLException what {@code writer} threw
     * @throws UncheckedIOException when the source cannot be read
     * @throws parkgrid.feature.ParkGridException (invalid input) naming the first feature the checks reject
     */
    public static long write(LayerSource source, ImportProgress progress, BatchWriter writer) throws SQLException {
        return write(source.layer(), source, progress, writer);
    }

    /**
     * Streams {@code source} into the existing layer {@code layer} (an append): the features are checked against
     * the stored definition, whatever the source says its layer is.
     */
    public static long append(Layer layer, LayerSource source, ImportProgress progress, BatchWriter writer) throws SQLException {
        if (!layer.name().equals(source.layer().name())) {
            throw new IllegalArgumentException("source of layer '" + source.layer().name() + "' appended to '" + layer.name() + "'");
        }
        return write(layer, source, progress, writer);
    }

    private static long write(Layer layer, LayerSource source, ImportProgress progress, BatchWriter writer) throws SQLException {
        String name = layer.name();
        FeatureChecks.Checker checker = new FeatureChecks.Checker(layer, source instanceof CheckedLayerSource);
        List<Feature> features = new ArrayList<>(SIZE);
        List<Object[]> rows = new ArrayList<>(SIZE);
        long[] written = {0};
        try {
            source.forEach(f -> {
                rows.add(checker.check(f));
                features.add(f);
                if (features.size() == SIZE) {
                    flush(writer, features, rows, checker);
                    written[0] += SIZE;
                    progress.written(name, written[0]);
                }
            });
            if (!features.isEmpty()) {
                written[0] += features.size();
                flush(writer, features, rows, checker);
                progress.written(name, written[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read layer '" + name + "': " + e.getMessage(), e);
        } catch (WriteFailed e) {
            throw e.cause;
        }
        return written[0];
    }

    private static void flush(BatchWriter writer, List<Feature> features, List<Object[]> rows, FeatureChecks.Checker checker) {
        try {
            writer.write(features, rows);
        } catch (SQLException e) {
            throw new WriteFailed(e);
        }
        features.clear();
        rows.clear();
        checker.forgetIds();
    }

    /** Carries a writer's SQLException out through the source's sink. */
    private static final class WriteFailed extends RuntimeException {
        final SQLException cause;

        WriteFailed(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
