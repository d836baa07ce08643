package parkgrid.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.geom.Geometry;
import parkgrid.feature.Feature;
import parkgrid.geo.CrsTransformer;
import parkgrid.geo.GeoJsonWriter;

/**
 * Writes stored (CRS84) features as GeoJSON Feature objects under {@link EncodingOptions}: properties
 * selected, positions transformed to the options' CRS and axis order. One per answer: not thread-safe
 * (the transformer is not).
 */
public final class GeoJsonFeatureWriter {
    private final EncodingOptions options;
    private final CrsTransformer transformer;
    private final GeoJsonWriter geoJson;

    public GeoJsonFeatureWriter(EncodingOptions options) {
        this.options = options;
        this.transformer = options.crs().isStorageCrs() ? null : new CrsTransformer(options.crs());
        this.geoJson = GeoJsonWriter.forCrs(options.crs(), options.axisOrder());
    }

    public void write(JsonGenerator g, Feature stored) throws IOException {
        Feature f = options.select(stored);
        if (transformer != null && f.hasGeometry()) {
            Geometry transformed = transformer.fromCrs84(f.geometry(), options.axisOrder());
            f = new Feature(f.id(), transformed, f.properties());
        }
        geoJson.writeFeature(g, f);
    }
}
