/**
 * Importing planners' files into a store, all or nothing. {@link parkgrid.imports.Importer} is the pipeline: the
 * upload spooled to a temporary file ({@link parkgrid.imports.UploadSpool}, size limit), the reader its format or file
 * name picks ({@link parkgrid.io.LayerReaders}), positions into lon/lat in one place
 * ({@link parkgrid.geo.SourceCoordinates}), a check pass over every feature with the store's own checks collecting
 * problems ({@code ImportCheck}), then — only when there are none and it is no dry run — the store's streaming write
 * (a new layer or an append). The file is read twice, one feature at a time: memory is flat in its size.
 * {@link parkgrid.imports.ImportJobs} keeps each import's job (progress, outcome) as a row in the store, so that any
 * instance answers a poll; the imported data commits with the import, all or nothing. Nothing here knows HTTP.
 */
package parkgrid.imports;
