package parkgrid.imports;

import java.io.IOException;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.feature.FeatureSink;
import parkgrid.feature.Layer;
import parkgrid.feature.LayerSource;
import parkgrid.geo.SourceCoordinates;

/**
 * A reader's features as the target layer takes them: positions in lon/lat ({@link SourceCoordinates}, the one
 * conversion), the layer's name, and for an append ids numbered on from the layer's highest. Streams like its
 * reader: one feature at a time, as often as asked.
 */
final class ImportedSource implements LayerSource {
    private final LayerSource raw;
    private final Layer target;
    private final SourceCoordinates coordinates;
    private final long idBase;

    /** @param idBase the layer's highest id when appending (feature n gets idBase + n), or -1 to keep the file's ids */
    ImportedSource(LayerSource raw, Layer target, SourceCoordinates coordinates, long idBase) {
        this.raw = raw;
        this.target = target;
        this.coordinates = coordinates;
        this.idBase = idBase;
    }

    @Override
    public Layer layer() {
        return target;
    }

    LayerSource raw() {
        return raw;
    }

    /** The id feature number {@code number} (from 1) with file id {@code fileId} gets. */
    long id(long number, long fileId) {
        return idBase < 0 ? fileId : idBase + number;
    }

    /**
     * The stored form of feature {@code number} (from 1, file order).
     *
     * @throws IllegalArgumentException when its positions cannot be turned into lon/lat
     */
    Feature convert(Feature f, long number) {
        Geometry g = coordinates.toLonLat(f.geometry());
        return new Feature(id(number, f.id()), g, f.properties());
    }

    @Override
    public void forEach(FeatureSink sink) throws IOException {
        long[] number = {0};
        raw.forEach(f -> sink.accept(convert(f, ++number[0])));
    }
}
