/**
 * Formats in and out: one encoder per output format and one reader per input format.
 *
 * <h2>Encoders (out)</h2>
 * A {@link parkgrid.io.FeatureEncoder} writes one feature collection to a stream: {@code start(metadata)},
 * {@code feature(f)} for each feature as the store's cursor yields it, {@code end()}. It keeps no feature
 * after writing it and no buffer per collection, so exporting a whole layer needs memory for one feature.
 * Features come in as stored (CRS84 lon/lat); the {@link parkgrid.io.EncodingOptions} say the output CRS,
 * axis order and property selection. {@link parkgrid.io.CollectionMetadata} carries what a collection says
 * besides its features ({@code numberMatched}, {@code numberReturned}, {@code timeStamp}, {@code links},
 * extra members such as an analysis {@code summary}, nested {@link parkgrid.io.FeatureSet}s).
 * <ul>
 *   <li>{@link parkgrid.io.GeoJsonEncoder}: RFC 7946; in another CRS, files carry GeoJSON's legacy
 *       {@code crs} member and easting-first positions, responses the CRS's authority axis order.</li>
 *   <li>{@link parkgrid.io.HtmlEncoder}: the HTML page of a collection, written from the features.</li>
 *   <li>{@link parkgrid.io.shapefile.ShapefileEncoder} ({@code f=shapefile}), {@link parkgrid.io.csv.CsvEncoder}
 *       ({@code csv}), {@link parkgrid.io.flatgeobuf.FlatGeobufEncoder} ({@code flatgeobuf}),
 *       {@link parkgrid.io.geopackage.GeoPackageEncoder} ({@code geopackage}): file formats with a header of
 *       fields. They need the layer ({@link parkgrid.io.CollectionMetadata#withLayer}) and write through
 *       {@link parkgrid.io.FileLayer} (selected properties, geometry in the output CRS easting first). The
 *       Shapefile, FlatGeobuf and GeoPackage encoders spool to temporary files and copy them out in
 *       {@code end()}; memory stays one feature. {@link parkgrid.io.EncodingOptions#encoding()} picks UTF-8,
 *       UTF-8 with BOM or GBK where a format offers the choice (Shapefile DBF, CSV).</li>
 * </ul>
 * {@link parkgrid.io.FeatureFormats} is the registry: it maps {@code f} values and Accept media types to
 * {@link parkgrid.io.FeatureFormat}s; the API's content negotiation asks it, and {@code /export} offers
 * the formats that have a file extension.
 *
 * <p><b>Adding an export format</b> (CSV, KML, GeoPackage, Shapefile, FlatGeobuf …) is one class and one
 * line: write a {@code FeatureEncoder} with a constructor {@code (OutputStream, EncodingOptions)}, and
 * register it in {@code FeatureFormats.standard()}, e.g.
 * {@code .register(new FeatureFormat("csv", List.of(), "text/csv", "csv", CsvEncoder::new))}. Routes,
 * {@code f}, Accept and {@code /export?format=} then offer it; the error for an unknown {@code f} lists it.
 * A format that cannot stream (a file format needing a seekable file) spools to a temporary file inside
 * its encoder, never to memory.
 *
 * <h2>Readers (in)</h2>
 * A reader parses one input format into {@link parkgrid.feature.LayerData} — layer definition and features
 * with the values as the file gives them — and checks nothing beyond the syntax of its format. Every check
 * of schema and geometry (ids, geometry kind and validity, lon/lat range, properties in the schema, value
 * types) is made once, by {@link parkgrid.store.FeatureChecks}, which every store applies to all features
 * of an import before it writes any (imports stay atomic). {@link parkgrid.io.GeoJsonLayerReader} reads
 * GeoJSON FeatureCollections with ParkGrid's layer members (the seed format); {@link parkgrid.io.SeedData}
 * fills an empty store on first start. {@link parkgrid.io.LayerReaders} registers the file readers
 * ({@link parkgrid.io.shapefile.ShapefileReader}, {@link parkgrid.io.csv.CsvReader},
 * {@link parkgrid.io.flatgeobuf.FlatGeobufReader}, {@link parkgrid.io.geopackage.GeoPackageFileReader}): each gives
 * a streaming source in the file's coordinates and the EPSG code the file declares. Field names of foreign files
 * become property names by {@link parkgrid.io.FieldNames}; a numeric {@code fid} column (which the Shapefile, CSV
 * and FlatGeobuf encoders write) gives the feature ids.
 */
package parkgrid.io;
