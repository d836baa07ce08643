package parkgrid.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import parkgrid.config.ImportLimits;
import parkgrid.feature.Layer;
import parkgrid.feature.ParkGridException;
import parkgrid.geo.SourceCoordinates;
import parkgrid.io.LayerReader;
import parkgrid.io.LayerReaders;
import parkgrid.io.ReadOptions;
import parkgrid.store.FeatureStore;

/**
 * The import pipeline: a spooled upload → the reader its {@code format} or file name picks → positions in
 * lon/lat ({@link SourceCoordinates}) → a check pass over every feature ({@link ImportCheck}) → nothing written
 * when any feature is bad (a rejection listing the problems) → for a dry run the report, else the store's
 * streaming all-or-nothing write: a new layer ({@link FeatureStore#importLayers}) or an append
 * ({@link FeatureStore#appendFeatures}). The file is read twice (check, write), one feature at a time, so memory
 * stays flat in the file's size.
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
        ImportCheck.Result check;
        try {
            check = ImportCheck.run(source, limits.maxFeatures(), job);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
        }
        ImportReport report = new ImportReport(check.passed() ? "checked" : "rejected", request.dryRun(), mode, reader.id(),
                coordinates.describe(), target, check.features(), 0, check.extent(), check.problems(), check.problemCount());
        if (!check.passed()) throw rejection(report);
        if (request.dryRun()) return report;
        job.phase(ImportJob.Phase.WRITING);
        long written;
        if (request.append()) {
            written = store.appendFeatures(target.name(), source, job);
        } else {
            store.importLayers(List.of(source), job);
            written = check.features();
        }
        job.written(target.name(), written);
        return new ImportReport("written", false, mode, reader.id(), coordinates.describe(), target, check.features(), written,
                check.extent(), List.of(), 0);
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
