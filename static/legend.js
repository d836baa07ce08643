/*
 * The layer switcher and legend (one collapsible box, id="legend", top right). It explains what is
 * drawn: one entry per collection (switch, swatch, feature count, zoom-to-layer button, its classes),
 * and the analysis results on the map. A result may restyle a collection (coverage colours villages
 * covered/uncovered): while it is shown, that collection's entry lists the result's classes instead of
 * its own. An ES module (app.js imports it).
 *
 * ParkGridLegend.create(options) → legend: { element, setResult(key, result), clearResult(key),
 * model(), setCollapsed(bool), collapsed(), onExpand(fn) }.
 * A result is { title, rows: [row], restyles: { collection, note, rows: [row] } }; a row is
 * { kind: 'point'|'line'|'area', style: Leaflet path options, label }.
 */

/** Screens this narrow (CSS px) start with the legend and title box collapsed. */
const NARROW = '(max-width: 600px), (max-height: 500px)';

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function swatch(kind, style) {
  const stroke = style.color || '#333';
  const fillColor = style.fillColor || stroke;
  if (kind === 'line') {
    return '<i class="pg-sw pg-sw-line" style="border-top:' + Math.max(2, style.weight || 2) + 'px solid ' + stroke + '"></i>';
  }
  return '<i class="pg-sw pg-sw-' + kind + '" style="background:' + fillColor + ';border-color:' + stroke + '"></i>';
}

function rowsHtml(rows, extraClass) {
  return rows.length ? '<ul class="pg-classes' + (extraClass ? ' ' + extraClass : '') + '">' +
    rows.map((r) => '<li>' + swatch(r.kind, r.style) + escapeHtml(r.label) + '</li>').join('') + '</ul>' : '';
}

function isNarrow() {
  return window.matchMedia ? window.matchMedia(NARROW).matches : window.innerWidth <= 600;
}

/**
 * @param options { map, entries, basemap (L.Layer or null), featureStyle(cfg, feature), classOf(cfg, feature),
 *                  zoomTo(bounds) }
 */
function create(options) {
  const { map, entries } = options;
  const results = new Map();
  const expandListeners = [];
  let box = null;

  /** The classes a collection's entry explains: its own, present in its data, or a result's restyling. */
  function layerRows(entry) {
    const cfg = entry.cfg;
    if (!cfg.classify) return [];
    // a tiled layer's features stay on the server: its entry explains every class it may draw
    if (entry.tiled) {
      return cfg.classify.classes.map((c) => ({ kind: entry.kind, label: c.label,
        style: options.featureStyle(cfg, { properties: { [cfg.classify.prop]: c.value } }) }));
    }
    const present = new Set(entry.features.map((f) => String((f.properties || {})[cfg.classify.prop])));
    const rows = cfg.classify.classes.filter((c) => present.has(c.value)).map((c) => ({ kind: entry.kind, label: c.label,
      style: options.featureStyle(cfg, { properties: { [cfg.classify.prop]: c.value } }) }));
    if (entry.features.some((f) => !options.classOf(cfg, f))) rows.push({ kind: entry.kind, style: cfg.base, label: 'other 其他' });
    return rows;
  }

  function restylingOf(entry) {
    return Array.from(results.values()).find((r) => r.restyles && r.restyles.collection === entry.id) || null;
  }

  /** "14", or "14 on the map · 10 without a place" when some features have no geometry. */
  function countText(entry) {
    if (entry.tiled) return (entry.countEstimated ? '≈' : '') + entry.count + ' · tiles 瓦片';
    return entry.unplaced ? entry.features.length + ' on the map 已定位 · ' + entry.unplaced + ' without a place 无位置'
      : String(entry.features.length);
  }

  function entryHtml(entry) {
    const c = entry.collection;
    const title = [c.title, c.title_zh].filter(Boolean).join(' · ');
    const restyled = restylingOf(entry);
    const icon = entry.cfg.classify || restyled ? '<i class="pg-sw pg-sw-none"></i>' : swatch(entry.kind, entry.cfg.base);
    const classes = restyled
      ? '<div class="pg-restyled-note">' + escapeHtml(restyled.restyles.note || restyled.title) + '</div>' +
        rowsHtml(restyled.restyles.rows, 'pg-classes-result')
      : rowsHtml(layerRows(entry));
    return '<div class="pg-legend-layer" data-collection="' + escapeHtml(entry.id) + '">' +
      '<button type="button" class="pg-zoom-layer" data-collection="' + escapeHtml(entry.id) + '" title="Zoom to layer 缩放到图层"' +
      ' aria-label="Zoom to ' + escapeHtml(entry.cfg.label) + '"' + (entry.features.length || entry.tiled ? '' : ' disabled') + '>⤢</button>' +
      '<label><input type="checkbox" class="pg-layer-switch"' + (map.hasLayer(entry.layer) ? ' checked' : '') + '>' +
      '<span class="pg-layer-name" title="' + escapeHtml(title) + '">' + icon + escapeHtml(entry.cfg.label) +
      ' <small>(' + countText(entry) + ')</small></span></label>' + classes + '</div>';
  }

  function resultsHtml() {
    const shown = Array.from(results.values()).filter((r) => (r.rows || []).length);
    if (!shown.length) return '';
    return '<div class="pg-legend-results" id="pg-legend-results"><div class="pg-legend-subtitle">Analysis results 分析结果</div>' +
      shown.map((r) => '<div class="pg-legend-result"><span class="pg-layer-name">' + escapeHtml(r.title) + '</span>' +
        rowsHtml(r.rows) + '</div>').join('') + '</div>';
  }

  function render() {
    const body = box.querySelector('.pg-legend-body');
    const overlays = body.querySelector('.leaflet-control-layers-overlays');
    overlays.innerHTML = entries.map(entryHtml).join('');
    const old = body.querySelector('#pg-legend-results');
    if (old) old.remove();
    overlays.insertAdjacentHTML('beforebegin', resultsHtml());
  }

  function onClick(e) {
    const zoom = e.target.closest('.pg-zoom-layer');
    if (zoom) {
      const entry = entries.find((x) => x.id === zoom.dataset.collection);
      if (entry && (entry.features.length || entry.tiled)) options.zoomTo(entry.layer.getBounds());
    }
  }

  function onChange(e) {
    const input = e.target;
    if (input.classList.contains('pg-layer-switch')) {
      const entry = entries.find((x) => x.id === input.closest('.pg-legend-layer').dataset.collection);
      if (input.checked) map.addLayer(entry.layer); else map.removeLayer(entry.layer);
    } else if (input.name === 'pg-basemap') {
      if (input.value === 'on') map.addLayer(options.basemap); else map.removeLayer(options.basemap);
    }
  }

  function setCollapsed(collapsed) {
    box.classList.toggle('pg-legend-collapsed', collapsed);
    const toggle = box.querySelector('#pg-legend-toggle');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.title = collapsed ? 'Show the legend 展开图例' : 'Collapse the legend 收起图例';
    if (!collapsed) expandListeners.forEach((fn) => fn());
  }

  const control = L.control({ position: 'topright' });
  control.onAdd = () => {
    box = L.DomUtil.create('section', 'leaflet-control pg-legend');
    box.id = 'legend';
    box.setAttribute('aria-label', 'Layers and legend 图层与图例');
    const basemapChoice = options.basemap
      ? '<div class="pg-basemaps"><label><input type="radio" name="pg-basemap" value="on" checked> Basemap 底图</label>' +
        '<label><input type="radio" name="pg-basemap" value="off"> No basemap 无底图</label></div>'
      : '';
    box.innerHTML = '<button type="button" class="pg-legend-toggle" id="pg-legend-toggle" aria-controls="pg-legend-body">' +
      '<span class="pg-legend-title">Layers · Legend 图层与图例</span><span class="pg-legend-short">Legend 图例</span>' +
      '<span class="pg-chevron" aria-hidden="true"></span></button>' +
      '<div class="pg-legend-body" id="pg-legend-body">' + basemapChoice +
      '<div class="leaflet-control-layers-overlays"></div></div>';
    if (options.basemap) options.basemap.addTo(map);
    box.querySelector('#pg-legend-toggle').addEventListener('click', () => setCollapsed(!box.classList.contains('pg-legend-collapsed')));
    box.addEventListener('click', onClick);
    box.addEventListener('change', onChange);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  control.addTo(map);
  render();
  setCollapsed(isNarrow());
  // on a phone the open legend covers much of the map: a tap on the map puts it away
  map.on('click', () => { if (isNarrow() && !box.classList.contains('pg-legend-collapsed')) setCollapsed(true); });
  // a layer switched on or off elsewhere (a test, the console) keeps its checkbox in step
  entries.forEach((entry) => entry.layer.on('add remove', () => {
    const input = box.querySelector('.pg-legend-layer[data-collection="' + CSS.escape(entry.id) + '"] .pg-layer-switch');
    if (input) input.checked = map.hasLayer(entry.layer);
  }));

  return {
    element: box,
    setResult(key, result) { results.set(key, result); render(); },
    clearResult(key) { if (results.delete(key)) render(); },
    setCollapsed,
    collapsed: () => box.classList.contains('pg-legend-collapsed'),
    onExpand: (fn) => expandListeners.push(fn),
    /** What the legend explains now, for a print: [{ title, rows }] of the switched-on layers, then the results. */
    model() {
      const sections = entries.filter((e) => map.hasLayer(e.layer)).map((e) => {
        const restyled = restylingOf(e);
        const rows = restyled ? restyled.restyles.rows : layerRows(e);
        return { title: e.cfg.label + ' (' + (e.tiled ? e.count : e.features.length) + ')', note: restyled ? restyled.restyles.note || restyled.title : null,
          rows: rows.length ? rows : [{ kind: e.kind, style: e.cfg.base, label: '' }], single: !rows.length };
      });
      results.forEach((r) => { if ((r.rows || []).length) sections.push({ title: r.title, rows: r.rows }); });
      return sections;
    }
  };
}

export { create, swatch, isNarrow, NARROW };
