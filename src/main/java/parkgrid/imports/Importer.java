package parkgrid.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import parkgrid.config.ImportLimits;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SourceCoordinates;
import parkgrid.io.LayerReader;
import parkgrid.io.LayerReaders;
import parkgrid.io.ReadOptions;
import parkgrid.store.CheckedLayerSource;
import parkgrid.store.FeatureStore;

/**
 * The import pipeline: a spooled upload → the reader its {@code format} or file name picks → positions in
 * lon/lat ({@link SourceCoordinates}) → a check pass over every feature ({@link ImportCheck}) → nothing written
 * when any feature is bad (a rejection listing the problems, the write rolled back) → for a dry run the report, else the store's
 * streaming all-or-nothing write: a new layer ({@link FeatureStore#importLayers}) or an append
 * ({@link FeatureStore#appendFeatures}). The file is read once, one feature at a time, checked and written in the
 * same pass inside the store's write transaction (a dry run only checks), so memory stays flat in the file's size.
 */
public final class Importer {
    private final FeatureStore store;
    private final LayerReaders readers;
    private final ImportLimits limits;

    public Importer(FeatureStore store, LayerReaders readers, ImportLimits limits) {
        this.store = store;
        this.readers = readers;
        this.limits = limits;
    }

    public ImportLimits limits() {
        return limits;
    }

    /**
     * Runs one import of {@code file}, telling {@code job} how far it has come.
     *
     * @return the report: {@code checked} for a dry run, {@code written} after the write
     * @throws ParkGridException invalid input carrying the report (member {@code report}) when a feature or the file
     *         is bad; not found when appending to a missing layer; conflict when creating an existing one; too large
     *         past the features limit
     */
    public ImportReport run(ImportRequest request, Path file, ImportJob job) {
        LayerReader reader = reader(request);
        String mode = request.append() ? "append" : "create";
        Layer target;
        long idBase;
        Double areaLongitude = null;
        if (request.append()) {
            target = store.layer(request.layer()).orElseThrow(() -> ParkGridException.layerNotFound("layer", request.layer()));
            idBase = store.maxId(request.layer());
            Optional<Envelope> extent = store.extent(request.layer());
            if (extent.isPresent()) areaLongitude = extent.get().centre().x;
        } else {
            if (store.layer(request.layer()).isPresent()) {
                throw ParkGridException.conflict("layer '" + request.layer() + "' already exists: append to it with mode=append");
            }
            target = null;
            idBase = -1;
        }
        job.phase(ImportJob.Phase.CHECKING);
        LayerReader.Read read;
        try {
            read = reader.read(file, new ReadOptions(request.layer(), request.charset(), request.extra()));
        } catch (IllegalArgumentException e) {
            Layer placeholder = target != null ? target : placeholder(request.layer());
            throw rejection(new ImportReport("rejected", request.dryRun(), mode, reader.id(), null, placeholder, 0, 0, null,
                    List.of(new ImportProblem(null, null, "file", e.getMessage())), 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
        }
        if (target == null) target = renamed(read.source().layer(), request.layer(), store.layers());
        SourceCoordinates coordinates;
        String crs = request.crs() != null ? request.crs() : read.crs();
        try {
            coordinates = SourceCoordinates.of(crs, request.zone(), request.cm(), areaLongitude);
        } catch (IllegalArgumentException e) {
            throw ParkGridException.invalidParameter(request.crs() != null ? "crs" : "zone", e.getMessage());
        }
        ImportedSource source = new ImportedSource(read.source(), target, coordinates, idBase);
        if (request.dryRun()) {
            ImportCheck.Result check = check(source, job);
            job.counted(check.features());
            ImportReport report = report(request, reader, coordinates, target, check, 0);
            if (!check.passed()) throw rejection(report);
            return report;
        }
        job.phase(ImportJob.Phase.WRITING);
        CheckedPass pass = new CheckedPass(source, limits.maxFeatures(), job);
        long written;
        try {
            if (request.append()) {
                written = store.appendFeatures(target.name(), pass, job);
            } else {
                store.importLayers(List.of(pass), job);
                written = pass.result.features();
            }
        } catch (CheckedPass.Rejected e) {
            throw rejection(report(request, reader, coordinates, target, e.result, 0));
        }
        job.counted(pass.result.features()); // one pass: the total is known when it ends
        job.written(target.name(), written);
        return report(request, reader, coordinates, target, pass.result, written);
    }

    private ImportCheck.Result check(ImportedSource source, ImportJob job) {
        try {
            return ImportCheck.run(source, limits.maxFeatures(), job);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
        }
    }

    private static ImportReport report(ImportRequest request, LayerReader reader, SourceCoordinates coordinates, Layer target,
            ImportCheck.Result check, long written) {
        String status = !check.passed() ? "rejected" : request.dryRun() ? "checked" : "written";
        return new ImportReport(status, request.dryRun(), request.append() ? "append" : "create", reader.id(), coordinates.describe(),
                target, check.features(), written, check.extent(), check.problems(), check.problemCount());
    }

    /**
     * The file read once, checked and written in the same pass ({@link ImportCheck#run(ImportedSource, long,
     * ImportCheck.Progress, FeatureSink)}): the store gets the features that passed, in order, until the first
     * problem; a file with problems ends the pass with {@link Rejected}, which the store's write transaction rolls
     * back like any failure. What the store gets has passed {@link parkgrid.store.FeatureChecks} for its layer, so
     * the store does not run the geometry checks again.
     */
    private static final class CheckedPass implements CheckedLayerSource {
        private final ImportedSource source;
        private final long maxFeatures;
        private final ImportJob job;
        ImportCheck.Result result;

        CheckedPass(ImportedSource source, long maxFeatures, ImportJob job) {
            this.source = source;
            this.maxFeatures = maxFeatures;
            this.job = job;
        }

        @Override
        public Layer layer() {
            return source.layer();
        }

        @Override
        public void forEach(FeatureSink sink) throws IOException {
            result = ImportCheck.run(source, maxFeatures, job, sink);
            if (!result.passed()) throw new Rejected(result);
        }

        /** The pass found problems: nothing may stay written. */
        static final class Rejected extends RuntimeException {
            final ImportCheck.Result result;

            Rejected(ImportCheck.Result result) {
                super("import rejected", null, false, false);
                this.result = result;
            }
        }
    }

    /** The rejection of a report with problems: 4xx, the report in the problem's {@code report} member. */
    static ParkGridException rejection(ImportReport report) {
        String detail = "import rejected: " + report.problemCount() + (report.problemCount() == 1 ? " problem" : " problems")
                + (report.featuresRead() > 0 ? " in " + report.featuresRead() + " features" : "") + "; nothing was written"
                + (report.problems().isEmpty() ? "" : " (first: " + first(report.problems().get(0)) + ")");
        return ParkGridException.rejected("body", detail, Map.of("report", report.json()));
    }

    private static String first(ImportProblem p) {
        return (p.feature() == null ? "" : "feature " + p.feature() + ", ") + p.field() + ": " + p.reason();
    }

    private LayerReader reader(ImportRequest request) {
        if (request.format() != null) {
            return readers.byId(request.format()).orElseThrow(() -> ParkGridException.invalidParameter("format",
                    "format '" + request.format() + "' is not one ParkGrid reads: " + String.join(", ", readers.ids())));
        }
        if (request.fileName() == null) {
            throw ParkGridException.invalidParameter("format", "say the file's format (format=" + String.join("|", readers.ids())
                    + ") or its name (filename=…)");
        }
        return readers.byFileName(request.fileName()).orElseThrow(() -> ParkGridException.invalidParameter("filename",
                "cannot tell the format of '" + request.fileName() + "' from its name: give format=" + String.join("|", readers.ids())));
    }

    /**
     * The file's layer under the name asked for; its title too when the file's title is its old name or another
     * layer's title (an exported file imported again: a GeoPackage wants titles unique, and so does a reader).
     */
    private static Layer renamed(Layer l, String name, List<Layer> existing) {
        boolean taken = existing.stream().anyMatch(e -> e.title().equals(l.title()));
        if (l.name().equals(name) && !taken) return l;
        String title = l.title().equals(l.name()) || taken ? name : l.title();
        return new Layer(name, title, l.titleZh(), l.description(), l.geometryKind(), l.properties(), l.source(),
                l.positionalAccuracy(), l.temporalProperty(), l.figures());
    }

    private static Layer placeholder(String name) {
        return new Layer(name, name, null, null, parkgrid.feature.GeometryKind.POINT, List.of(), null, null);
    }
}
