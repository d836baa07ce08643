/*
 * Query tab ("Within distance 距离查询"): features of a layer in a relation to a drawn shape or to a
 * picked feature (POST /processes/spatial-query/execution), and the k nearest to a clicked point
 * (GET /collections/{id}/nearest). Hits are highlighted in a result layer and listed.
 */
import * as ParkGridDraw from './draw.js';
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
const P = ParkGridPanels;
const h = P.h;

const RELATIONS = [['intersects', 'intersects 相交'], ['within', 'within 在内'], ['contains', 'contains 包含'],
  ['within-distance', 'within distance 距离内']];
const HIGHLIGHT = { color: '#e6007e', weight: 3, opacity: 0.95, fillColor: '#ff4fa8', fillOpacity: 0.35 };

function build(root, ctx) {
  const map = ctx.map;
  const resultPane = P.pane('pg-results', 430);
  const shapePane = P.pane('pg-shapes', 425);
  const results = L.featureGroup().addTo(map);
  const picked = L.featureGroup().addTo(map);
  window.parkgrid.results.query = results;
  let source = null; // {geometry} or {feature: {collection, id}}
  let mode = 'query';

  const demandLayer = ctx.layerFor(ParkGridRoles.ROLE.DEMAND);
  const defaultLayer = ctx.entries.some((e) => e.id === demandLayer) ? demandLayer : (ctx.entries[0] || {}).id;
  const layerSelect = P.select({ id: 'pg-q-layer' }, P.collectionOptions(), defaultLayer);
  const relationSelect = P.select({ id: 'pg-q-relation' }, RELATIONS, 'within-distance');
  const distanceInput = h('input', { id: 'pg-q-distance', type: 'number', min: '0', step: '50', value: '500' });
  const kInput = h('input', { id: 'pg-q-k', type: 'number', min: '1', max: '100', value: '5' });
  const hint = h('p', { class: 'pg-hint', id: 'pg-q-hint' });
  const sourceText = h('p', { class: 'pg-source', id: 'pg-q-source' }, 'No shape yet 尚未选择图形');
  const out = h('div', { class: 'pg-results', id: 'pg-q-results', 'aria-live': 'polite' });

  const draw = new ParkGridDraw.DrawTool(map, {
    pane: shapePane,
    onChange: (n, message) => {
      hint.textContent = message || (draw.kind === 'point' ? 'Click the map 点击地图' :
        n + ' points 个点 · click to add, double-click or Finish to end, Esc cancels 单击加点，双击或“完成”结束，Esc 取消');
      setDrawing(true);
    },
    onFinish: (geometry, layer, kind) => {
      setDrawing(false);
      picked.clearLayers();
      source = { geometry };
      sourceText.textContent = 'Drawn 已绘制: ' + kind + ' ' + ({ point: '点', line: '线', polygon: '面' })[kind];
      hint.textContent = '';
      run();
    },
    onCancel: () => { setDrawing(false); hint.textContent = 'Cancelled 已取消'; }
  });

  const drawButtons = [['point', 'Point 点'], ['line', 'Line 线'], ['polygon', 'Polygon 面']].map(([kind, label]) =>
    h('button', { type: 'button', class: 'pg-btn', id: 'pg-q-draw-' + kind, onclick: () => { stopPicking(); draw.start(kind); } }, label));
  const pickButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-q-pick', onclick: () => startPicking() }, 'Pick feature 选要素');
  const finishButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-q-finish', hidden: true,
    onclick: () => draw.finish() }, 'Finish 完成');
  const cancelButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-q-cancel', hidden: true,
    onclick: () => { draw.cancel(); stopPicking(); } }, 'Cancel 取消');
  const runButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-q-run', onclick: () => run() }, 'Run 查询');
  const clearButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-q-clear', onclick: () => clear() }, 'Clear 清除');

  function setDrawing(on) {
    finishButton.hidden = !on || draw.kind === 'point';
    cancelButton.hidden = !on;
  }

  /*
   * ---- pick an existing feature: the next click on any layer's feature (GeoJSON or tiled), or the next one
   * chosen in the search box; the server reads the feature itself ({collection, id}) ----
   */
  let picking = false;
  function onFeatureClick(entry, feature) {
    if (!picking) return false;
    stopPicking();
    map.closePopup();
    source = { feature: { collection: entry.id, id: feature.id } };
    picked.clearLayers();
    outline(entry, feature, source);
    sourceText.textContent = 'Picked 已选: ' + entry.cfg.label + ' · ' + P.featureName(feature) + ' (#' + feature.id + ')';
    hint.textContent = '';
    run();
    return true;
  }
  /** Outlines the picked feature; a click on a tile knows no whole geometry, so a tiled feature's comes from the server. */
  async function outline(entry, feature, pickedSource) {
    let shown;
    try {
      shown = await ctx.wholeFeature(entry, feature);
    } catch (err) {
      hint.textContent = 'Could not show the picked feature 无法显示所选要素: ' + (err.detail || err.message);
      return;
    }
    if (source !== pickedSource) return; // picked again or cleared meanwhile
    L.geoJSON(shown, { pane: shapePane, interactive: false,
      style: () => ({ color: '#ff6f00', weight: 6, opacity: 0.6, dashArray: '2 6', fillOpacity: 0.1 }),
      pointToLayer: (f, ll) => L.circleMarker(ll, { pane: shapePane, radius: 11, color: '#ff6f00', weight: 3, fill: false }) })
      .addTo(picked);
  }
  ctx.onFeatureClick(onFeatureClick);
  function startPicking() {
    draw.clear();
    picking = true;
    map.getContainer().classList.add('pg-picking');
    hint.textContent = 'Click a feature on the map, or choose one in the search 点击地图上的要素，或在搜索框中选择';
    cancelButton.hidden = false;
  }
  function stopPicking() {
    picking = false;
    map.getContainer().classList.remove('pg-picking');
    cancelButton.hidden = true;
  }

  /* ---- nearest: every map click while the Nearest mode is shown ---- */
  function onMapClick(e) {
    if (mode !== 'nearest') return;
    picked.clearLayers();
    L.circleMarker(e.latlng, { pane: shapePane, radius: 5, color: '#d81b60', weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false })
      .addTo(picked);
    nearest(e.latlng);
  }
  function armNearest(on) {
    map.getContainer().classList.toggle('pg-drawing', on);
    if (on) map.on('click', onMapClick); else map.off('click', onMapClick);
  }

  /* ---- requests and results ---- */
  async function run() {
    if (!source) {
      P.showProblem(out, { title: 'No shape 无图形', detail: 'Draw a shape or pick a feature first. 请先绘制图形或选择要素。' });
      return;
    }
    const inputs = Object.assign({ collection: layerSelect.value, relation: relationSelect.value }, source);
    if (relationSelect.value === 'within-distance') inputs.distance = Number(distanceInput.value);
    P.busy(out);
    try {
      show(await P.execute('spatial-query', inputs), inputs.collection);
    } catch (err) {
      results.clearLayers();
      if (ctx.legend) ctx.legend.clearResult('query');
      P.showProblem(out, err);
    }
  }

  async function nearest(latlng) {
    const layer = layerSelect.value;
    const url = '/collections/' + encodeURIComponent(layer) + '/nearest?point=' + latlng.lng.toFixed(7) + ',' +
      latlng.lat.toFixed(7) + '&k=' + encodeURIComponent(kInput.value || '5');
    P.busy(out);
    try {
      show(await P.getJson(url), layer);
    } catch (err) {
      results.clearLayers();
      if (ctx.legend) ctx.legend.clearResult('query');
      P.showProblem(out, err);
    }
  }

  function show(answer, collectionId) {
    const entry = ctx.entries.find((e) => e.id === collectionId) || { cfg: { label: collectionId } };
    const features = answer.features || [];
    results.clearLayers();
    const layers = new Map();
    L.geoJSON(features, {
      pane: resultPane,
      style: () => HIGHLIGHT,
      pointToLayer: (f, ll) => L.circleMarker(ll, Object.assign({ pane: resultPane, radius: 9 }, HIGHLIGHT, { fillOpacity: 0.25 })),
      onEachFeature: (f, layer) => {
        layer.options.className = 'pg-hit';
        layer.bindPopup(() => ctx.popupHtml(entry, f), { maxWidth: 380, maxHeight: 320 });
        layers.set(String(f.id), layer);
      }
    }).addTo(results);
    if (ctx.legend) {
      ctx.legend.setResult('query', { title: 'Query 查询 · ' + entry.cfg.label, rows: [{ kind: entry.kind || 'area', style: HIGHLIGHT,
        label: 'hit 命中 (' + features.length + ')' }] });
    }
    const summary = answer.summary || answer.query || {};
    const head = features.length + ' ' + (features.length === 1 ? 'hit' : 'hits') + ' 个结果 · ' + entry.cfg.label +
      (summary.relation ? ' · ' + summary.relation : '') +
      (summary.distance_m !== undefined ? ' ' + P.metres(summary.distance_m) : '') +
      (summary.k !== undefined ? ' · k = ' + summary.k : '');
    const list = h('ol', { class: 'pg-list', id: 'pg-q-list' }, features.map((f) =>
      h('li', { 'data-collection': collectionId, 'data-id': f.id, 'data-distance': (f.properties || {}).distance_m,
        tabindex: '0', onclick: () => P.showResult(layers.get(String(f.id))),
        onkeydown: (e) => { if (e.key === 'Enter') P.showResult(layers.get(String(f.id))); } }, [
        h('span', { class: 'pg-list-value' }, P.metres((f.properties || {}).distance_m)),
        h('span', { class: 'pg-list-name' }, P.featureName(f))])));
    out.replaceChildren(...[h('p', { class: 'pg-count', id: 'pg-q-count', 'data-count': features.length }, head),
      summary.truncated ? h('p', { class: 'pg-warn' }, 'Truncated: more hits than returned 结果已截断') : null,
      features.length ? list : h('p', { class: 'pg-hint' }, 'Nothing found 无结果')].filter(Boolean));
    // bring hits and the query shape into view (zooming out only when something is outside)
    const bounds = L.latLngBounds([]);
    [results, picked, draw.shape].forEach((g) => g.eachLayer((l) => {
      const b = l.getBounds ? l.getBounds() : l.getLatLng && L.latLngBounds([l.getLatLng()]);
      if (b && b.isValid()) bounds.extend(b);
    }));
    if (features.length && bounds.isValid() && !map.getBounds().contains(bounds)) ctx.fitToFreeArea(bounds, map.getZoom());
  }

  function clear() {
    draw.clear();
    stopPicking();
    setDrawing(false);
    source = null;
    results.clearLayers();
    picked.clearLayers();
    if (ctx.legend) ctx.legend.clearResult('query');
    out.replaceChildren();
    sourceText.textContent = 'No shape yet 尚未选择图形';
    hint.textContent = '';
  }

  /* ---- layout ---- */
  const modeQuery = h('input', { type: 'radio', name: 'pg-q-mode', value: 'query', id: 'pg-q-mode-query', checked: true });
  const modeNearest = h('input', { type: 'radio', name: 'pg-q-mode', value: 'nearest', id: 'pg-q-mode-nearest' });
  const queryBox = h('div', { class: 'pg-q-query' }, [
    field('Relation 关系', relationSelect),
    h('label', { class: 'pg-field', id: 'pg-q-distance-field' }, [h('span', {}, 'Distance 距离 (m)'), distanceInput]),
    h('div', { class: 'pg-buttons' }, drawButtons.concat([pickButton])),
    h('div', { class: 'pg-buttons' }, [finishButton, cancelButton]),
    sourceText,
    h('div', { class: 'pg-buttons' }, [runButton, clearButton])]);
  const nearestBox = h('div', { class: 'pg-q-nearest', hidden: true }, [
    field('How many 数量 k', kInput),
    h('p', { class: 'pg-hint' }, 'Click a point on the map: the k nearest features of the layer. 点击地图查找最近的要素。'),
    h('div', { class: 'pg-buttons' }, [h('button', { type: 'button', class: 'pg-btn', id: 'pg-q-nearest-clear', onclick: () => clear() }, 'Clear 清除')])]);
  function setMode(next) {
    mode = next;
    draw.clear();
    stopPicking();
    setDrawing(false);
    queryBox.hidden = mode !== 'query';
    nearestBox.hidden = mode !== 'nearest';
    armNearest(mode === 'nearest');
    hint.textContent = '';
  }
  modeQuery.addEventListener('change', () => setMode('query'));
  modeNearest.addEventListener('change', () => setMode('nearest'));
  relationSelect.addEventListener('change', () => {
    distanceInput.disabled = relationSelect.value !== 'within-distance';
  });

  root.append(
    h('div', { class: 'pg-modes' }, [
      h('label', {}, [modeQuery, ' Spatial query 空间查询']),
      h('label', {}, [modeNearest, ' Nearest 最近'])]),
    field('Layer 目标图层', layerSelect),
    queryBox, nearestBox, hint, out);

  function field(label, control) {
    return P.field(label, control);
  }

  return {
    activate: () => armNearest(mode === 'nearest'),
    deactivate: () => { draw.cancel(true); setDrawing(false); stopPicking(); armNearest(false); }
  };
}

let instance = null;
P.tab({
  id: 'query', label: 'Query 查询', title: 'Within distance 距离查询',
  build: (root, ctx) => { instance = build(root, ctx); },
  activate: () => instance && instance.activate(),
  deactivate: () => instance && instance.deactivate()
});
