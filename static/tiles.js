/*
 * Big collections on vector tiles. A collection whose feature count (itemCount, or itemCountEstimate, of its
 * /collections metadata) is over TILE_THRESHOLD is not fetched as GeoJSON: it is drawn by
 * protomaps-leaflet (global `protomapsL`, /static/vendor/protomaps-leaflet/) from the server's Mapbox Vector
 * Tiles, /collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x} (MVT layer name = collection id, feature id =
 * feature id, all properties). The same style table (app.js LAYERS: base style + classes by a property,
 * minZoom per class) becomes paint rules, so a tiled layer looks like its GeoJSON twin; a click asks the
 * drawn tiles which feature is under the pointer and opens the same popup.
 *
 * Why protomaps-leaflet: earlier research on this project found Leaflet.VectorGrid 1.3.0 (the usual choice,
 * unmaintained since 2017) breaking on click with the current Leaflet; protomaps-leaflet is maintained, paints
 * each tile on one canvas (no DOM element per feature, which is what crashed the tab) and exposes the
 * decoded tile features for picking (queryTileFeaturesDebug).
 */

/** Collections with more features than this draw from tiles. */
const TILE_THRESHOLD = 5000;
/** Tiles are asked for up to this zoom; deeper zooms over-zoom the last tiles (the server cuts up to 22). */
const MAX_DATA_ZOOM = 17;
/** Picking tolerance around a click, in CSS pixels. */
const PICK_PIXELS = 6;

function tileUrl(collectionId) {
  return '/collections/' + encodeURIComponent(collectionId) + '/tiles/WebMercatorQuad/{z}/{y}/{x}';
}

/** A style (Leaflet path options) as a protomaps-leaflet symbolizer for a geometry kind. */
function symbolizer(kind, style) {
  const P = window.protomapsL;
  if (kind === 'point') {
    return new P.CircleSymbolizer({ radius: style.radius || 5, fill: style.fillColor || style.color || '#3388ff',
      stroke: style.color || '#3388ff', width: style.weight === undefined ? 1 : style.weight,
      opacity: style.fillOpacity === undefined ? 1 : style.fillOpacity });
  }
  if (kind === 'line') {
    return new P.LineSymbolizer({ color: style.color || '#3388ff', width: style.weight || 2,
      opacity: style.opacity === undefined ? 1 : style.opacity, lineCap: style.lineCap || 'round',
      dash: style.dashArray ? String(style.dashArray).split(/[ ,]+/).map(Number) : undefined });
  }
  return new P.PolygonSymbolizer({ fill: style.fillColor || style.color || '#3388ff',
    opacity: style.fillOpacity === undefined ? 0.2 : style.fillOpacity, stroke: style.color || '#3388ff',
    width: style.weight === undefined ? 1 : style.weight });
}

/**
 * Paint rules for an entry: one per class of its style table (with the class's minZoom) and one for the
 * features of no class; without classes, one rule in the base style.
 */
function paintRules(entry, featureStyle) {
  const cfg = entry.cfg;
  const dataLayer = entry.id;
  if (!cfg.classify) return [{ dataLayer, symbolizer: symbolizer(entry.kind, cfg.base) }];
  const prop = cfg.classify.prop;
  const values = new Set(cfg.classify.classes.map((c) => c.value));
  const rules = cfg.classify.classes.map((c) => ({ dataLayer, minzoom: c.minZoom || 0,
    symbolizer: symbolizer(entry.kind, featureStyle(cfg, { properties: { [prop]: c.value } })),
    filter: (z, f) => String(f.props[prop]) === c.value }));
  rules.unshift({ dataLayer, symbolizer: symbolizer(entry.kind, cfg.base),
    filter: (z, f) => !values.has(String(f.props[prop])) });
  return rules;
}

/** The Leaflet layer drawing a tiled entry. */
function tileLayer(entry, featureStyle) {
  const layer = window.protomapsL.leafletLayer({ url: tileUrl(entry.id), paintRules: paintRules(entry, featureStyle),
    labelRules: [], maxDataZoom: MAX_DATA_ZOOM, maxZoom: 22, attribution: '', pane: 'pg-' + entry.kind + 's' });
  layer.pgTiled = true;
  return layer;
}

/**
 * The feature of a tiled entry under a map point, as { id, properties } (what the popup needs), or null.
 * Points win over lines and areas because the pick box is a few pixels around the click.
 */
function pick(map, entry, latlng) {
  if (!map.hasLayer(entry.layer)) return null;
  const picked = entry.layer.queryTileFeaturesDebug(latlng.lng, latlng.lat, PICK_PIXELS);
  for (const hits of picked.values()) {
    const hit = hits.find((h) => h.layerName === entry.id && visibleAt(entry, h.feature.props, map.getZoom()));
    if (hit) return { id: hit.feature.id, properties: hit.feature.props };
  }
  return null;
}

/** False for a feature whose class only shows from a deeper zoom (0.4 kV lines). */
function visibleAt(entry, props, zoom) {
  const cfg = entry.cfg;
  if (!cfg.classify) return true;
  const cls = cfg.classify.classes.find((c) => c.value === String(props[cfg.classify.prop]));
  return !cls || !cls.minZoom || zoom >= cls.minZoom;
}

/** The collection's extent (extent.spatial.bbox[0], lon/lat) as Leaflet bounds; invalid when it has none. */
function extentBounds(collection) {
  const bbox = collection.extent && collection.extent.spatial && (collection.extent.spatial.bbox || [])[0];
  return bbox && bbox.length >= 4 ? L.latLngBounds([bbox[1], bbox[0]], [bbox[bbox.length / 2 + 1], bbox[bbox.length / 2]])
    : L.latLngBounds([]);
}

/**
 * An offline vector basemap (PARKGRID_BASEMAP=mbtiles: with format=pbf): every layer the package lists
 * (/map/config basemap.vectorLayers) painted in quiet greys — areas filled, lines stroked — so any schema
 * (OpenMapTiles, Protomaps, a GDAL export) reads as a backdrop under the data.
 */
function vectorBasemap(basemap) {
  const P = window.protomapsL;
  const rules = [];
  (basemap.vectorLayers || []).forEach((dataLayer) => {
    rules.push({ dataLayer, symbolizer: new P.PolygonSymbolizer({ fill: '#e9e6df', opacity: 0.9, stroke: '#c8c3b8', width: 0.5 }),
      filter: (z, f) => f.geomType === 3 });
    rules.push({ dataLayer, symbolizer: new P.LineSymbolizer({ color: '#b5b0a6', width: 1 }), filter: (z, f) => f.geomType === 2 });
  });
  const options = { url: basemap.url, paintRules: rules, labelRules: [], maxDataZoom: basemap.maxNativeZoom || 14,
    maxZoom: basemap.maxZoom || 22, attribution: basemap.attribution || '', backgroundColor: '#f6f4ef' };
  if (basemap.bounds) options.bounds = L.latLngBounds([basemap.bounds[1], basemap.bounds[0]], [basemap.bounds[3], basemap.bounds[2]]);
  return P.leafletLayer(options);
}

export { TILE_THRESHOLD, tileLayer, pick, extentBounds, tileUrl, vectorBasemap };
