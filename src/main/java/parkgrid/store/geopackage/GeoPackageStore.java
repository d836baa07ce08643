package parkgrid.store.geopackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.store.ImportProgress;
import parkgrid.store.AuditRecord;
import parkgrid.store.FeatureEdit;
import parkgrid.store.FeatureQuery;
import parkgrid.store.FeatureStore;
import parkgrid.store.LayerCatalog;
import parkgrid.store.SqlDialect;
import parkgrid.store.TokenStore;
import parkgrid.store.TokenTable;
import parkgrid.store.ImportJobStore;
import parkgrid.store.ImportJobTable;
import parkgrid.store.VersionedFeature;

/**
 * {@link FeatureStore} on a GeoPackage file: a facade over the file's lifecycle ({@link GeoPackageFile}:
 * connections, DDL, seeding), its {@link GeoPackageWriter} (one writer connection serialised by a lock)
 * and its {@link GeoPackageReader} (a pool of read-only connections).
 */
public final class GeoPackageStore implements FeatureStore {
    private final GeoPackageFile file;
    private final LayerCatalog layers = new LayerCatalog();
    private final GeoPackageWriter writer;
    private final GeoPackageReader reader;
    private final TokenTable tokens;
    private final JobRowConnection jobRows;
    private final ImportJobTable importJobs;
    private final LayerIncarnations incarnations = new LayerIncarnations();

    private GeoPackageStore(GeoPackageFile file) throws SQLException {
        this.file = file;
        file.layers().forEach(layers::add);
        this.writer = new GeoPackageWriter(file, layers);
        this.reader = new GeoPackageReader(file, layers, incarnations);
        this.tokens = new TokenTable(SqlDialect.SQLITE, GeoPackageMigrations.TOKEN_TABLE, new TokenTable.Connections() {
            @Override public <T> T read(TokenTable.Work<T> work) {
                return file.read(work::run);
            }

            @Override public <T> T write(TokenTable.Work<T> work) {
                return writer.inWriteTransaction("token", work);
            }
        });
        this.jobRows = new JobRowConnection(file, file.path());
        this.importJobs = new ImportJobTable(GeoPackageMigrations.IMPORT_JOB_TABLE, jobRows);
    }

    /** Opens the GeoPackage at {@code file}, creating an empty one (with its parent folder) if missing. */
    public static GeoPackageStore open(Path file) {
        GeoPackageFile opened = GeoPackageFile.open(file);
        try {
            return new GeoPackageStore(opened);
        } catch (SQLException | RuntimeException e) {
            opened.close();
            throw new IllegalStateException("cannot open GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code file}; when it does not exist yet, first builds it with {@code seed} in a separate
     * file ({@code <name>.seeding.gpkg}) and renames that into place once complete, so an interrupted first
     * start never leaves a half-seeded store behind.
     */
    public static GeoPackageStore openSeeded(Path file, Supplier<? extends List<? extends LayerSource>> seed) {
        if (!Files.exists(file)) {
            // the NGA library insists on the .gpkg extension
            Path building = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.gpkg$", "") + ".seeding.gpkg");
            try {
                for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(building + suffix));
                try (GeoPackageStore fresh = open(building)) {
                    fresh.importLayers(seed.get());
                }
                Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        return open(file);
    }

    public Path file() { return file.path(); }

    @Override public List<Layer> layers() { return layers.all(); }

    @Override public Optional<Layer> layer(String name) { return layers.find(name); }

    @Override
    public void createLayer(Layer layer) {
        try {
            writer.createLayer(layer);
        } finally {
            incarnations.renew(layer.name());
        }
    }

    @Override
    public Layer addProperty(String layerName, parkgrid.feature.PropertyDefinition property) {
        try {
            return writer.addProperty(layerName, property);
        } finally {
            incarnations.renew(layerName);
        }
    }

    @Override
    public void deleteLayer(String layerName) {
        try {
            writer.deleteLayer(layerName);
        } finally {
            incarnations.renew(layerName);
        }
    }

    @Override
    public void importLayers(List<? extends LayerSource> batch, ImportProgress progress) {
        try {
            writer.importLayers(batch, progress);
        } finally {
            batch.forEach(source -> incarnations.renew(source.layer().name()));
        }
    }

    @Override
    public void insert(String layerName, List<Feature> features) {
        try {
            writer.insert(layerName, features);
        } finally {
            incarnations.renew(layerName);
        }
    }

    @Override
    public long appendFeatures(String layerName, LayerSource source, ImportProgress progress) {
        try {
            return writer.appendFeatures(layerName, source, progress);
        } finally {
            incarnations.renew(layerName);
        }
    }

    @Override public long maxId(String layerName) { return reader.maxId(layerName); }

    @Override public Optional<Envelope> extent(String layerName) { return reader.extent(layerName); }

    @Override public long count(String layerName, FeatureQuery query) { return reader.count(layerName, query); }

    @Override public parkgrid.store.ItemCount itemCount(String layerName) { return reader.itemCount(layerName); }

    @Override
    public void forEach(String layerName, FeatureQuery query, FeatureSink sink) throws IOException {
        reader.forEach(layerName, query, sink);
    }

    @Override
    public void forEachStored(String layerName, FeatureQuery query, parkgrid.feature.StoredRowSink sink) throws IOException {
        reader.forEachStored(layerName, query, sink);
    }

    @Override public Optional<Feature> feature(String layerName, long id) { return reader.feature(layerName, id); }

    @Override
    public VersionedFeature create(String layerName, java.util.OptionalLong id, org.locationtech.jts.geom.Geometry geometry,
                                   java.util.Map<String, Object> properties, String who) {
        return writer.create(layerName, id, geometry, properties, who);
    }

    @Override
    public VersionedFeature revert(String layerName, long id, long toVersion, java.util.OptionalLong expectedVersion, String who) {
        return writer.revert(layerName, id, toVersion, expectedVersion, who);
    }

    @Override
    public Optional<VersionedFeature> change(String layerName, long id, long expectedVersion, String who, FeatureEdit edit) {
        return writer.change(layerName, id, expectedVersion, who, edit);
    }

    @Override public Optional<VersionedFeature> versioned(String layerName, long id) { return reader.versioned(layerName, id); }

    @Override public List<AuditRecord> history(String layerName, long id) { return reader.history(layerName, id); }

    @Override public TokenStore tokens() { return tokens; }

    @Override public ImportJobStore importJobs() { return importJobs; }

    @Override public String kind() { return "geopackage"; }

    @Override public String description() { return "GeoPackage " + file.path(); }

    @Override
    public void close() {
        jobRows.close();
        file.close();
    }
}
