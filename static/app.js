/*
 * ParkGrid web map: Leaflet over the public OGC API – Features endpoints only
 * (/collections, /collections/{id}/items, /map/config). Native ES modules: index.html loads this one
 * (type=module), it imports the rest; no build step. Leaflet, ECharts and the other npm libraries are globals
 * from their dist files under /static/vendor/.
 *
 * Test hooks: window.parkgrid = { map, layers: {collectionId: L.GeoJSON or a vector-tile layer (tiles.js)}, ready,
 * readyMs / firstRenderMs (performance.now() when the layers are set up / when their first tiles are drawn),
 * tiled (ids of the collections drawn from tiles), error,
 * lowVoltageMinZoom, openPopup(c, id), featureElement(c, id), focusFeature(c, id),
 * featureClickPoint(c, id), fitToFreeArea(bounds), zoomToAll(), showFeature(c, id) (async: zooms to a feature of any layer,
 * tiled ones fetched from the server, and opens its popup), search (search.js), legend (legend.js), measure (measure.js),
 * export (export.js), results: {name: L.Layer} (set by panels.js), roles (role → collection id, from /map/config),
 * caller (signin.js: who /me says the user is) }.
 * "Drawn" = every feature of a collection is one sub-layer of layers[collectionId].
 *
 * The analysis panels (panels.js, with the tabs of query.js, coverage.js, statistics.js) get a context
 * object with the map, the loaded layers, the layer roles and helpers.
 */
import * as ParkGridLegend from './legend.js';
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
import * as ParkGridMeasure from './measure.js';
import * as ParkGridExport from './export.js';
import * as ParkGridDownload from './download.js';
import * as ParkGridSignIn from './signin.js';
import * as ParkGridTiles from './tiles.js';
import * as ParkGridSearch from './search.js';
import { getJson, problemText } from './http.js';
// the analysis tabs register themselves with the panels, in this order
import './query.js';
import './coverage.js';
import './statistics.js';
import './suggest.js';
import './edit.js';
import './import.js';
import './facility.js';
import './siting.js';
import './compliance.js';

/** 0.4 kV lines (and anything else with a class minZoom) appear only from street zoom. */
const LOW_VOLTAGE_MIN_ZOOM = 16;
const GEOJSON = 'application/geo+json, application/json;q=0.9';
/** The outline of a feature the search found on a tiled layer. */
const SEARCH_HIT = { color: '#ff6f00', weight: 4, opacity: 0.95, fillOpacity: 0.1 };

/* Line colours follow OpenInfraMap's voltage palette. */
const VOLTAGE_CLASSES = [
  { value: '110', label: '110 kV', style: { color: '#b59f10', weight: 4.5 } },
  { value: '35', label: '35 kV', style: { color: '#55b555', weight: 3.5 } },
  { value: '10', label: '10 kV', style: { color: '#6e97b8', weight: 3 } },
  { value: '0.4', label: '0.4 kV · zoom ≥ ' + LOW_VOLTAGE_MIN_ZOOM, style: { color: '#7a7a85', weight: 1.5 },
    minZoom: LOW_VOLTAGE_MIN_ZOOM }
];

function fill(color) {
  return { fillColor: color };
}

const ROLE = ParkGridRoles.ROLE;

/**
 * Styles by layer role (roles.js; /map/config says which collection plays which), listed top (drawn last)
 * to bottom. Collections without a role get defaultConfig().
 */
const LAYERS = {
  [ROLE.SUPPLY_SUBSTATIONS]: { label: 'Substations 变电站', base: { radius: 7, color: '#1b1b1b', weight: 2.5, fillOpacity: 1 },
    classify: { prop: 'voltage_kv', classes: [
      { value: '110', label: '110 kV', style: { fillColor: '#b59f10', radius: 8 } },
      { value: '35', label: '35 kV', style: { fillColor: '#55b555' } }] } },
  [ROLE.ENTERPRISES]: { label: 'Enterprises 企业', base: { radius: 7, color: '#222', weight: 1.5, fillOpacity: 0.95 },
    labels: { prop: 'name_zh', minZoom: 15 },
    classify: { prop: 'cluster', classes: [
      { value: 'ceramics', label: 'ceramics 陶瓷', style: fill('#d95f02') },
      { value: 'glass', label: 'glass 玻璃', style: fill('#1f78b4') },
      { value: 'prefab', label: 'prefab 装配式建筑', style: fill('#7b3294') },
      { value: 'insulation', label: 'insulation 保温材料', style: fill('#e7298a') },
      { value: 'equipment', label: 'equipment 装备制造', style: fill('#33a02c') },
      { value: 'energy', label: 'energy 能源', style: fill('#e6ab02') }] } },
  [ROLE.DEMAND]: { label: 'Villages 村庄', base: { radius: 7, color: '#1b1b1b', weight: 1.5, fillOpacity: 0.95 },
    labels: { prop: 'name_zh', minZoom: 10 },
    classify: { prop: 'upgrade_status', classes: [
      { value: 'upgraded', label: 'grid upgraded 已改造', style: fill('#1a9850') },
      { value: 'planned', label: 'upgrade planned 计划改造', style: fill('#fdae61') },
      { value: 'not_started', label: 'not started 未启动', style: fill('#d73027') }] } },
  [ROLE.SUPPLY_TRANSFORMERS]: { label: 'Transformers 配变', base: { radius: 4, color: '#1b1b1b', weight: 1, fillColor: '#6e97b8', fillOpacity: 1 } },
  [ROLE.LINES]: { label: 'Power lines 电力线路', base: { opacity: 0.95, lineCap: 'round' },
    classify: { prop: 'voltage_kv', classes: VOLTAGE_CLASSES } },
  [ROLE.WIND_TURBINES]: { label: 'Wind turbines 风机', base: { radius: 4, color: '#006064', weight: 1.5, fillColor: '#4dd0e1', fillOpacity: 1 } },
  [ROLE.FACILITIES]: { label: 'Facilities 设施', base: { radius: 6, color: '#4a148c', weight: 1.5, fillColor: '#ce93d8', fillOpacity: 0.95 } },
  [ROLE.PROJECTS]: { label: 'Projects 合作项目', base: { radius: 6, color: '#004d40', weight: 1.5, fillColor: '#26a69a', fillOpacity: 0.95 } },
  [ROLE.SUGGESTIONS]: { label: 'Suggestions 市民建议', base: { radius: 6, color: '#e65100', weight: 1.5, fillColor: '#ffb74d', fillOpacity: 0.95 } },
  [ROLE.PARCELS]: { label: 'Parcels 地块', base: { color: '#8a8a8a', weight: 1, fillOpacity: 0.5 },
    classify: { prop: 'status', classes: [
      { value: 'occupied', label: 'occupied 已入驻', style: fill('#c5b8dc') },
      { value: 'available', label: 'available 可供地', style: fill('#fff59d') },
      { value: 'reserved', label: 'reserved 预留', style: fill('#ffcc80') },
      { value: 'green', label: 'green 绿地', style: fill('#a5d6a7') }] } },
  [ROLE.WIND_FARM]: { label: 'Wind farm 风电场', base: { color: '#00838f', weight: 1.5, dashArray: '4 3', fillColor: '#b2ebf2', fillOpacity: 0.35 } },
  [ROLE.PARK]: { label: 'Industrial park 产业园', base: { color: '#c62828', weight: 3, dashArray: '8 5', fillColor: '#ef9a9a', fillOpacity: 0.08 } }
};
const ORDER = Object.keys(LAYERS);
const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#666666'];

const state = { map: null, entries: [], legend: null, roles: {}, featureClickListeners: [], searchHit: null };

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}


/** All features of a collection, following rel=next links until there are none. */
async function fetchAllFeatures(id) {
  const features = [];
  let url = '/collections/' + encodeURIComponent(id) + '/items?limit=10000';
  for (let page = 0; url && page < 1000; page++) {
    const body = await getJson(url, GEOJSON);
    const batch = body.features || [];
    features.push(...batch);
    const next = (body.links || []).find((l) => l.rel === 'next');
    url = next && batch.length ? next.href : null;
  }
  return features;
}

/* ---------- styling ---------- */

function defaultConfig(collection) {
  const hash = Array.from(collection.id).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const color = PALETTE[hash % PALETTE.length];
  const title = [collection.title || collection.id, collection.title_zh].filter(Boolean).join(' ');
  return { label: title, base: { radius: 5, color, weight: 2, fillColor: color, fillOpacity: 0.4 } };
}

function classOf(cfg, feature) {
  if (!cfg.classify) return null;
  const value = (feature.properties || {})[cfg.classify.prop];
  return cfg.classify.classes.find((c) => c.value === String(value)) || null;
}

function featureStyle(cfg, feature) {
  const cls = classOf(cfg, feature);
  return Object.assign({}, cfg.base, cls ? cls.style : {});
}

function geometryKind(type) {
  if (/Point/.test(type || '')) return 'point';
  return /LineString/.test(type || '') ? 'line' : 'area';
}

/* ---------- popups ---------- */

function headingOf(props) {
  const zh = props.name_zh || props.name || props.parcel_id || props.text;
  return { zh: zh || '', en: props.name_en && props.name_en !== zh ? props.name_en : '' };
}

function formatValue(value) {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function popupHtml(entry, feature) {
  const props = feature.properties || {};
  const head = headingOf(props);
  const rows = Object.keys(props)
    .filter((k) => props[k] !== null && props[k] !== undefined && props[k] !== '' && k !== 'name_zh' && k !== 'name_en')
    .map((k) => '<tr><th>' + escapeHtml(k) + '</th><td>' + escapeHtml(formatValue(props[k])) + '</td></tr>');
  return '<div class="pg-popup"><div class="pg-popup-layer">' + escapeHtml(entry.cfg.label) + ' · #' + escapeHtml(feature.id) + '</div>' +
    (head.zh ? '<h3>' + escapeHtml(head.zh) + '</h3>' : '') +
    (head.en ? '<div class="pg-popup-en">' + escapeHtml(head.en) + '</div>' : '') +
    '<table>' + rows.join('') + '</table></div>';
}

/* ---------- layers ---------- */

function prepareFeature(entry, feature, layer) {
  const kind = geometryKind(feature.geometry && feature.geometry.type);
  const cls = classOf(entry.cfg, feature);
  layer.featureId = feature.id;
  layer.pgMinZoom = cls && cls.minZoom ? cls.minZoom : 0;
  layer.options.pane = 'pg-' + kind + 's';
  layer.options.className = 'pg-feature pg-feature-' + entry.id.replace(/[^A-Za-z0-9_-]/g, '_') + '-' + feature.id;
  layer.bindPopup(() => popupHtml(entry, feature), { maxWidth: 380, maxHeight: 320 });
  const labels = entry.cfg.labels;
  const text = labels && (feature.properties || {})[labels.prop];
  if (text) {
    layer.bindTooltip(escapeHtml(text), { permanent: true, direction: 'right', offset: [7, 0],
      className: 'pg-label pg-label-min' + labels.minZoom });
  }
}

/**
 * A layer's entry holds the features that have a place (drawn, searched, zoomed to); `unplaced` counts
 * those with "geometry": null (placeholders, ledger entries), which the legend reports but cannot draw.
 */
function buildEntry(collection, all) {
  const features = all.filter((f) => f.geometry);
  const role = ParkGridRoles.roleOf(state.roles, collection.id);
  const entry = { id: collection.id, role, collection, cfg: (role && LAYERS[role]) || defaultConfig(collection), features,
    unplaced: all.length - features.length };
  entry.kind = geometryKind(collection.geometryType || (features[0] && features[0].geometry && features[0].geometry.type));
  entry.layer = L.geoJSON(features, {
    style: (f) => featureStyle(entry.cfg, f),
    pointToLayer: (f, latlng) => L.circleMarker(latlng, Object.assign({ pane: 'pg-points' }, featureStyle(entry.cfg, f))),
    onEachFeature: (f, layer) => prepareFeature(entry, f, layer)
  });
  entry.layer.on('add', () => applyZoomRules());
  entry.layer.on('click', (e) => { if (e.layer && e.layer.feature) featureClicked(entry, e.layer.feature, e.latlng); });
  return entry;
}

/**
 * How many features a collection holds, from its metadata: `itemCount` (exact), or `itemCountEstimate` (a big PostGIS
 * layer: the database's estimate); null when the server says neither.
 */
function featureCount(collection) {
  if (typeof collection.itemCount === 'number') return { count: collection.itemCount, estimated: false };
  if (typeof collection.itemCountEstimate === 'number') return { count: collection.itemCountEstimate, estimated: true };
  return null;
}

/**
 * A big collection (tiles.js TILE_THRESHOLD) is drawn from vector tiles: its entry holds no features
 * (`tiled`, `count` from the server) and its layer is a tile layer in the same style.
 */
function buildTiledEntry(collection, known) {
  const role = ParkGridRoles.roleOf(state.roles, collection.id);
  const entry = { id: collection.id, role, collection, cfg: (role && LAYERS[role]) || defaultConfig(collection), features: [],
    unplaced: 0, tiled: true, count: known.count, countEstimated: known.estimated };
  entry.kind = geometryKind(collection.geometryType);
  entry.layer = ParkGridTiles.tileLayer(entry, featureStyle);
  entry.bounds = ParkGridTiles.extentBounds(collection);
  entry.layer.getBounds = () => entry.bounds;
  return entry;
}

/** A collection's entry: tiled when its metadata counts more than TILE_THRESHOLD features, else its GeoJSON fetched. */
async function loadCollection(collection) {
  const known = featureCount(collection);
  if (known !== null && known.count > ParkGridTiles.TILE_THRESHOLD) return buildTiledEntry(collection, known);
  const entry = buildEntry(collection, await fetchAllFeatures(collection.id));
  entry.count = entry.features.length;
  return entry;
}

/** A click on the map opens the popup of the tiled feature under it (GeoJSON features bind their own). */
function pickTiled(e) {
  const target = e.originalEvent && e.originalEvent.target;
  if (target && target.classList && target.classList.contains('pg-feature')) return;
  const hit = state.entries.filter((entry) => entry.tiled)
    .map((entry) => ({ entry, feature: ParkGridTiles.pick(state.map, entry, e.latlng) }))
    .find((h) => h.feature);
  if (!hit) return;
  if (featureClicked(hit.entry, hit.feature, e.latlng)) return;
  L.popup({ maxWidth: 380, maxHeight: 320 }).setLatLng(e.latlng).setContent(popupHtml(hit.entry, hit.feature)).openOn(state.map);
}

/**
 * `listener(entry, feature, latlng)` hears every click on a feature of any layer, GeoJSON or tiled, and every
 * feature chosen in the search: `feature` is {id, properties} and, but for a click on a tile, its geometry (a
 * tile's is cut and simplified: featureById gives the stored one). A listener that answers true has taken the
 * feature (an analysis picking one), and no popup opens for a tiled feature.
 */
function onFeatureClick(listener) {
  state.featureClickListeners.push(listener);
}

function featureClicked(entry, feature, latlng) {
  return state.featureClickListeners.reduce((taken, listener) => listener(entry, feature, latlng) === true || taken, false);
}

/** The stored feature (GeoJSON, with its geometry): from the page for a GeoJSON layer, from the server for a tiled one. */
async function featureById(collectionId, featureId) {
  const entry = state.entries.find((e) => e.id === collectionId);
  const held = entry && !entry.tiled && entry.features.find((f) => String(f.id) === String(featureId));
  if (held) return held;
  return getJson('/collections/' + encodeURIComponent(collectionId) + '/items/' + encodeURIComponent(featureId), GEOJSON);
}

/** A clicked or searched feature with its whole stored geometry: itself when it has one, else the stored one (a tile's click). */
function wholeFeature(entry, feature) {
  return feature.geometry ? Promise.resolve(feature) : featureById(entry.id, feature.id);
}

/** Whether a clicked or searched feature is a polygon: by its geometry, or by the layer's kind for a tile's click. */
function isAreaFeature(entry, feature) {
  return feature.geometry ? /Polygon/.test(feature.geometry.type || '') : entry.kind === 'area';
}

function orderOf(entry) {
  const i = ORDER.indexOf(entry.role);
  return i < 0 ? ORDER.length : i;
}

/** Shows features with a minZoom (0.4 kV lines) only from that zoom; they stay in their GeoJSON layer. */
function applyZoomRules() {
  const map = state.map;
  const zoom = map ? map.getZoom() : undefined;
  if (zoom === undefined) return;
  state.entries.forEach((entry) => {
    if (entry.tiled || !map.hasLayer(entry.layer)) return;
    entry.layer.eachLayer((f) => {
      if (!f.pgMinZoom) return;
      if (zoom >= f.pgMinZoom && !map.hasLayer(f)) map.addLayer(f);
      if (zoom < f.pgMinZoom && map.hasLayer(f)) map.removeLayer(f);
    });
  });
  [10, 12, 14, 15, 16, 17].forEach((z) => map.getContainer().classList.toggle('pg-below-' + z, zoom < z));
}

/* ---------- map, controls, legend ---------- */

function createMap() {
  const map = L.map('map', { zoomControl: false, maxZoom: 19, minZoom: 4 });
  [['pg-areas', 405], ['pg-lines', 410], ['pg-points', 420]].forEach(([name, z]) => {
    map.createPane(name).style.zIndex = String(z);
  });
  map.on('zoomend', applyZoomRules);
  return map;
}

function basemapLayer(basemap) {
  if (!basemap || basemap.name === 'none' || !basemap.url) return null;
  if (basemap.vector) return ParkGridTiles.vectorBasemap(basemap);
  const options = { attribution: basemap.attribution || '', maxZoom: basemap.maxZoom || 19 };
  if (basemap.subdomains) options.subdomains = basemap.subdomains;
  // an offline package (MBTiles) covers its zooms and bounds only: no requests beyond, the deepest tiles scaled up
  if (basemap.maxNativeZoom !== undefined) options.maxNativeZoom = basemap.maxNativeZoom;
  if (basemap.minNativeZoom !== undefined) options.minNativeZoom = basemap.minNativeZoom;
  if (basemap.bounds) options.bounds = L.latLngBounds([basemap.bounds[1], basemap.bounds[0]], [basemap.bounds[3], basemap.bounds[2]]);
  const tiles = [L.tileLayer(basemap.url, options)];
  if (basemap.labelsUrl) tiles.push(L.tileLayer(basemap.labelsUrl, options));
  return L.layerGroup(tiles);
}

/** Note shown on the map and in every print: the seed's positions are not a survey. */
const APPROXIMATE_NOTE = { zh: '位置为近似示意，非测绘成果', en: 'Positions are approximate, not surveyed' };

function addLegend(map, basemap, entries) {
  return ParkGridLegend.create({ map, entries, basemap, featureStyle, classOf,
    zoomTo: (bounds) => fitToFreeArea(bounds) });
}

/** Fits every loaded feature (all layers, switched on or not) into the free part of the map. */
function zoomToAll() {
  const bounds = L.latLngBounds([]);
  state.entries.filter((e) => e.count).forEach((e) => bounds.extend(e.layer.getBounds()));
  return fitToFreeArea(bounds);
}

/** Zoom to all, measure and export, under the zoom buttons; measure.js and export.js add their parts. */
function addToolbar(map) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'leaflet-bar pg-toolbar');
    div.id = 'pg-toolbar';
    const all = L.DomUtil.create('button', 'pg-tool', div);
    all.type = 'button';
    all.id = 'pg-zoom-all';
    all.title = 'Zoom to all layers 缩放到全部图层';
    all.textContent = 'All 全图';
    all.addEventListener('click', zoomToAll);
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  control.addTo(map);
  return control.getContainer();
}

function addApproximateNote(map) {
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">Leaflet</a>');
  map.attributionControl.addAttribution('<span class="pg-approx" id="pg-approx-note" lang="zh-CN">' + APPROXIMATE_NOTE.zh +
    '</span> · <span class="pg-approx" lang="en">' + APPROXIMATE_NOTE.en + '</span> · <a href="/collections?f=html">Data sources 数据来源</a>');
}

function addTitleControl(map) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'pg-title');
    div.id = 'pg-title';
    div.innerHTML = '<div class="pg-title-head"><h1>ParkGrid <span>园区电网</span></h1>' +
      '<button type="button" class="pg-title-toggle" id="pg-title-toggle" aria-controls="pg-title-more"></button></div>' +
      '<div class="pg-title-more" id="pg-title-more"><p>Ruyang green building materials park &amp; power grid<br>汝阳县绿色建材产业园与配电网</p>' +
      '<p class="pg-approx-line">' + APPROXIMATE_NOTE.zh + ' · ' + APPROXIMATE_NOTE.en + '</p></div>' +
      '<div class="pg-search"><input id="pg-search" type="search" placeholder="Search name 搜索名称…" aria-label="Search by name" autocomplete="off">' +
      '<ul id="pg-search-results" class="pg-search-results" role="listbox" aria-label="Matches 搜索结果" hidden></ul></div>' +
      '<p id="pg-status">Loading… 加载中</p>' +
      '<p class="pg-links pg-title-more"><a href="/collections?f=html">Data 数据</a> · <a href="/api">API</a></p>';
    const toggle = div.querySelector('#pg-title-toggle');
    const setCollapsed = (collapsed) => {
      div.classList.toggle('pg-title-collapsed', collapsed);
      toggle.setAttribute('aria-expanded', String(!collapsed));
      toggle.title = collapsed ? 'More 展开' : 'Less 收起';
      toggle.setAttribute('aria-label', toggle.title);
    };
    toggle.addEventListener('click', () => setCollapsed(!div.classList.contains('pg-title-collapsed')));
    setCollapsed(ParkGridLegend.isNarrow());
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  control.addTo(map);
  L.control.zoom({ position: 'topleft' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  addApproximateNote(map);
}

function setStatus(text, isError) {
  const el = document.getElementById('pg-status');
  el.textContent = text;
  el.classList.toggle('pg-error', Boolean(isError));
}

/** The title box's search (search.js): a chosen feature is zoomed to and its popup opened, or taken by a picking analysis. */
function setupSearch() {
  return ParkGridSearch.start({ input: document.getElementById('pg-search'), list: document.getElementById('pg-search-results'),
    entries: state.entries, getJson, escapeHtml,
    onProblem: (text) => setStatus('Search failed 搜索失败: ' + text, true),
    // (the status line stays as it is: a taller title box would push the open panel off the map)
    onChoose: (entry, feature) => showFeature(entry, feature, !featureClicked(entry, feature, null)) });
}

/** A point of a GeoJSON geometry for a popup: the point, a line's middle vertex, else the middle of its bounds. */
function anchorOf(layer) {
  if (layer.getLatLng) return layer.getLatLng();
  const lls = layer.getLatLngs ? layer.getLatLngs() : null;
  if (lls && !(layer instanceof L.Polygon)) {
    const flat = L.LineUtil.isFlat(lls) ? lls : lls.flat(3);
    if (flat.length) return flat[Math.floor(flat.length / 2)];
  }
  return layer.getBounds().getCenter();
}

/**
 * Zooms to a feature of any layer (entry) and, when `popup`, opens its popup; answers where it is. A GeoJSON
 * layer's own drawn feature is used; a tiled layer's feature (GeoJSON from the server) is outlined on the map
 * while its popup is open, since its tile draws no element of its own.
 */
function showFeature(entry, feature, popup) {
  if (state.searchHit) { state.map.removeLayer(state.searchHit); state.searchHit = null; }
  if (!entry.tiled && findFeature(entry.id, feature.id)) {
    focusFeature(entry.id, feature.id);
    if (popup) openPopup(entry.id, feature.id);
    const f = findFeature(entry.id, feature.id);
    return anchorOf(f);
  }
  if (!feature.geometry) return null;
  const pane = 'pg-search-hit';
  if (!state.map.getPane(pane)) state.map.createPane(pane).style.zIndex = '430';
  const hit = L.geoJSON(feature, { pane, interactive: false, style: () => SEARCH_HIT,
    pointToLayer: (f, ll) => L.circleMarker(ll, Object.assign({ pane, radius: 11 }, SEARCH_HIT, { fill: false })) });
  const shape = hit.getLayers()[0];
  const map = state.map;
  if (shape.getLatLng) map.setView(shape.getLatLng(), Math.max(map.getZoom(), 16), { animate: false });
  else fitToFreeArea(shape.getBounds(), 17);
  const at = anchorOf(shape);
  if (popup) {
    hit.addTo(map);
    state.searchHit = hit;
    const p = L.popup({ maxWidth: 380, maxHeight: 320 }).setLatLng(at).setContent(popupHtml(entry, feature)).openOn(map);
    p.once('remove', () => { if (state.searchHit === hit) { map.removeLayer(hit); state.searchHit = null; } });
  }
  return at;
}

/** Padding that keeps a fitted extent clear of the side panels (left column, layer switcher). */
function freeAreaPadding(map) {
  if (map.getSize().x <= 900) return { paddingTopLeft: [20, 20], paddingBottomRight: [20, 20] };
  const container = map.getContainer();
  const left = container.querySelector('.leaflet-top.leaflet-left');
  const legend = document.getElementById('legend');
  const widthOf = (el) => (el ? el.getBoundingClientRect().right - container.getBoundingClientRect().left : 0);
  return { paddingTopLeft: [widthOf(left) + 30, 30],
    paddingBottomRight: [legend ? legend.offsetWidth + 30 : 20, 30] };
}

/** Fits bounds into the part of the map not covered by the side panels. */
function fitToFreeArea(bounds, maxZoom) {
  const b = bounds && bounds.getBounds ? bounds.getBounds() : L.latLngBounds(bounds);
  if (!b.isValid()) return false;
  state.map.fitBounds(b, Object.assign({ animate: false, maxZoom: maxZoom || 18 }, freeAreaPadding(state.map)));
  return true;
}

/** Fits the park (else all data) into the part of the map not covered by the side panels. */
function fitInitialView(map, entries) {
  const park = entries.find((e) => e.role === ROLE.PARK && e.features.length);
  let bounds = park ? park.layer.getBounds() : L.latLngBounds([]);
  if (!bounds.isValid()) entries.filter((e) => e.count).forEach((e) => bounds.extend(e.layer.getBounds()));
  if (!fitToFreeArea(bounds)) map.setView([34.17, 112.45], 12);
}

/* ---------- hooks for people and tests ---------- */

function findFeature(collectionId, featureId) {
  const entry = state.entries.find((e) => e.id === collectionId);
  if (!entry || entry.tiled) return null;
  return entry.layer.getLayers().find((l) => String(l.featureId) === String(featureId)) || null;
}

function focusFeature(collectionId, featureId, zoom) {
  const f = findFeature(collectionId, featureId);
  if (!f) return false;
  const map = state.map;
  if (f.getLatLng) map.setView(f.getLatLng(), Math.max(map.getZoom(), zoom || 16), { animate: false });
  else map.fitBounds(f.getBounds(), { maxZoom: zoom || 17, animate: false });
  return true;
}

function openPopup(collectionId, featureId) {
  const f = findFeature(collectionId, featureId);
  if (!f) return null;
  const popup = state.map.hasLayer(f) ? f.openPopup().getPopup()
    : L.popup({ maxWidth: 380, maxHeight: 320 }).setLatLng(f.getLatLng ? f.getLatLng() : f.getBounds().getCenter())
      .setContent(popupHtml(state.entries.find((e) => e.id === collectionId), f.feature)).openOn(state.map);
  return popup.getElement() ? popup.getElement().textContent : null;
}

function featureElement(collectionId, featureId) {
  const f = findFeature(collectionId, featureId);
  return f && state.map.hasLayer(f) && f.getElement ? f.getElement() : null;
}

/**
 * A viewport point (CSS pixels, for a real mouse click) where the feature's own SVG element is the
 * topmost element: tries the centre, then vertices and segment midpoints. Null when none is exposed.
 */
function featureClickPoint(collectionId, featureId) {
  const el = featureElement(collectionId, featureId);
  if (!el) return null;
  const f = findFeature(collectionId, featureId);
  const map = state.map;
  const origin = map.getContainer().getBoundingClientRect();
  const candidates = [];
  if (f.getLatLng) candidates.push(f.getLatLng());
  else {
    const flat = L.LineUtil.isFlat(f.getLatLngs()) ? f.getLatLngs() : f.getLatLngs().flat(3);
    if (f instanceof L.Polygon) candidates.push(f.getBounds().getCenter());
    flat.forEach((ll, i) => {
      if (i > 0) candidates.push(L.latLng((ll.lat + flat[i - 1].lat) / 2, (ll.lng + flat[i - 1].lng) / 2));
      candidates.push(ll);
    });
  }
  const size = map.getSize();
  for (const ll of candidates) {
    const p = map.latLngToContainerPoint(ll).round();
    if (p.x < 0 || p.y < 0 || p.x >= size.x || p.y >= size.y) continue;
    const x = p.x + origin.left, y = p.y + origin.top;
    if (document.elementFromPoint(x, y) === el) return { x, y };
  }
  return null;
}

/** Draws a feature the server just stored (e.g. a citizen's suggestion) on its layer, without reloading the layer. */
function addFeature(collectionId, feature) {
  const entry = state.entries.find((e) => e.id === collectionId);
  if (!entry || entry.tiled || !feature.geometry) return null;
  entry.features.push(feature);
  entry.layer.addData(feature);
  let added = null;
  entry.layer.eachLayer((l) => { if (l.featureId === feature.id) added = l; });
  return added;
}

function startPanels(config) {
  try {
    ParkGridPanels.start({ map: state.map, entries: state.entries, config, layerConfig: LAYERS,
      roles: state.roles, layerFor: (role) => ParkGridRoles.layerFor(state.roles, role),
      voltageClasses: VOLTAGE_CLASSES, escapeHtml, getJson, popupHtml, headingOf, findFeature, focusFeature,
      openPopup, fitToFreeArea, geometryKind, featureStyle, legend: state.legend, addFeature, onFeatureClick, featureById,
      wholeFeature, isAreaFeature });
  } catch (err) {
    // the map stays usable without the panels
    console.error('ParkGrid panels failed to start', err);
  }
}

/** The measuring tool and the print/export, when their scripts are loaded; each adds buttons to the toolbar. */
function startTools(config, toolbar) {
  const context = { map: state.map, entries: state.entries, config, legend: state.legend, toolbar, setStatus,
    approximateNote: APPROXIMATE_NOTE, closePanels: () => { if (window.parkgrid.openPanel) window.parkgrid.openPanel(null); } };
  [[ParkGridMeasure, 'measure'], [ParkGridExport, 'export'], [ParkGridDownload, 'download']].forEach(([tool, hook]) => {
    try {
      window.parkgrid[hook] = tool.start(context);
    } catch (err) {
      console.error('ParkGrid ' + hook + ' tool failed to start', err);
    }
  });
}

/**
 * Loads a layer that is not on the map yet (one just imported) and shows it: `{id, features}`; a layer already
 * on the map is loaded again (an append changed it).
 */
async function addCollection(id) {
  const collection = await getJson('/collections/' + encodeURIComponent(id));
  const entry = await loadCollection(collection);
  const old = state.entries.find((e) => e.id === id);
  if (old) {
    state.map.removeLayer(old.layer);
    state.entries.splice(state.entries.indexOf(old), 1, entry);
  } else state.entries.push(entry);
  window.parkgrid.layers[id] = entry.layer;
  entry.layer.addTo(state.map);
  return { id, features: entry.features.length };
}

/* ---------- start ---------- */

/** Resolves when every switched-on tiled layer has drawn the tiles of the current view (Leaflet 'load'). */
function whenTilesDrawn(entries) {
  return Promise.all(entries.filter((e) => e.tiled && state.map.hasLayer(e.layer)).map((e) => new Promise((resolve) => {
    if (!e.layer.isLoading || !e.layer.isLoading()) resolve(); else e.layer.once('load', resolve);
  })));
}

/** A stage of the first load, as a performance mark "parkgrid:<stage>" (the province browser test prints them). */
function mark(stage) {
  if (window.performance && performance.mark) performance.mark('parkgrid:' + stage);
}

async function start() {
  mark('start');
  const map = createMap();
  state.map = map;
  window.parkgrid = { map, layers: {}, ready: false, error: null, lowVoltageMinZoom: LOW_VOLTAGE_MIN_ZOOM,
    openPopup, focusFeature, featureElement, featureClickPoint, fitToFreeArea, zoomToAll, addCollection, results: {},
    showFeature: async (c, id) => showFeature(state.entries.find((e) => e.id === c), await featureById(c, id), true) };
  addTitleControl(map);
  try {
    await ParkGridSignIn.start(document.getElementById('pg-title'));
  } catch (err) {
    console.error('ParkGrid sign-in failed to start', err);
  }
  try {
    mark('signed-in');
    const [config, list] = await Promise.all([getJson('/map/config'), getJson('/collections')]);
    mark('collections');
    state.roles = config.roles || {};
    window.parkgrid.roles = state.roles;
    const entries = (await Promise.all((list.collections || []).map(loadCollection)))
      .sort((a, b) => orderOf(a) - orderOf(b));
    mark('layers');
    state.entries = entries;
    entries.forEach((e) => { window.parkgrid.layers[e.id] = e.layer; });
    entries.slice().reverse().forEach((e) => e.layer.addTo(map));
    state.legend = addLegend(map, basemapLayer(config.basemap), entries);
    window.parkgrid.legend = state.legend;
    const toolbar = addToolbar(map);
    mark('legend');
    startPanels(config);
    startTools(config, toolbar);
    mark('panels');
    fitInitialView(map, entries);
    applyZoomRules();
    window.parkgrid.search = setupSearch();
    map.on('click', pickTiled);
    const total = entries.reduce((n, e) => n + e.count, 0);
    setStatus(entries.length + ' layers 图层 · ' + total + ' features 要素');
    window.parkgrid.tiled = entries.filter((e) => e.tiled).map((e) => e.id);
    mark('ready');
    window.parkgrid.readyMs = performance.now();
    window.parkgrid.ready = true;
    whenTilesDrawn(entries).then(() => { mark('first-render'); window.parkgrid.firstRenderMs = performance.now(); });
  } catch (err) {
    window.parkgrid.error = problemText(err);
    if (err.status === 401) {
      setStatus('Sign in to see the map data 请登录后查看地图数据', true);
      ParkGridSignIn.ask();
      return;
    }
    setStatus('Could not load the map data 地图数据加载失败: ' + window.parkgrid.error, true);
    console.error('ParkGrid map failed to load', err);
  }
}

start();
