/*
 * Siting tab ("Siting 选址"): where a site of a required area and width fits (POST /processes/siting/execution).
 * Study area: the park (role park), a polygon drawn on the map, or a polygon feature of any layer (tiled too) picked by a
 * click or in the search box, sent as {collection, id}; criteria: the presets of
 * GET /processes/siting/presets and one optional extra exclusion (a layer and a buffer). Draws the feasible
 * area and the ranked candidates (numbered), lists them with score and reasons; a candidate's breakdown and
 * its compliance review (compliance.js) show on click; "Export" saves the candidates as GeoJSON.
 */
import * as ParkGridDraw from './draw.js';
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
import { reviewTable, saveBlob, cancellable } from './compliance.js';
const P = ParkGridPanels;
const h = P.h;

const FEASIBLE = { color: '#2e7d32', weight: 1, opacity: 0.8, fillColor: '#81c784', fillOpacity: 0.3 };
const CANDIDATE = { color: '#1565c0', weight: 2.5, fillColor: '#42a5f5', fillOpacity: 0.35 };
const SELECTED = { color: '#e6007e', weight: 4, fillColor: '#ff4fa8', fillOpacity: 0.45 };

function fixed(value, digits) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US',
    { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function build(root, ctx) {
  const map = ctx.map;
  const areaPane = P.pane('pg-siting-area', 407);
  const resultPane = P.pane('pg-results', 430);
  const shapePane = P.pane('pg-shapes', 425);
  const feasible = L.featureGroup().addTo(map);
  const candidates = L.featureGroup().addTo(map);
  Object.assign(window.parkgrid.results, { sitingFeasible: feasible, siting: candidates });
  let drawn = null; // the drawn study area (GeoJSON Polygon)
  let answer = null;
  const layers = new Map(); // rank → Leaflet layer

  const parkLayer = ctx.layerFor(ParkGridRoles.ROLE.PARK);
  const hasPark = ctx.entries.some((e) => e.id === parkLayer);
  const areaParkRadio = h('input', { type: 'radio', name: 'pg-si-area', value: 'role-park', id: 'pg-si-area-park', checked: hasPark, disabled: !hasPark });
  const areaDrawnRadio = h('input', { type: 'radio', name: 'pg-si-area', value: 'drawn', id: 'pg-si-area-drawn', checked: !hasPark });
  const areaPickedRadio = h('input', { type: 'radio', name: 'pg-si-area', value: 'picked', id: 'pg-si-area-picked', disabled: true });
  let pickedArea = null; // {collection, id} of a polygon feature: the study area the server reads itself
  const areaInput = h('input', { id: 'pg-si-size', type: 'number', min: '1', step: '1000', value: '20000' });
  const unitSelect = P.select({ id: 'pg-si-unit' }, [['m2', 'm²'], ['mu', '亩 mu']], 'm2');
  const widthInput = h('input', { id: 'pg-si-width', type: 'number', min: '0', step: '10', value: '0' });
  const maxInput = h('input', { id: 'pg-si-max', type: 'number', min: '1', max: '50', value: '5' });
  const presetBox = h('div', { class: 'pg-si-presets', id: 'pg-si-presets' }, h('span', { class: 'pg-hint' }, 'Loading presets… 加载预设'));
  const demandLayer = ctx.layerFor(ParkGridRoles.ROLE.DEMAND);
  const exLayer = P.select({ id: 'pg-si-ex-layer' }, [['', '— none 无 —']].concat(P.collectionOptions()), '');
  const exBuffer = h('input', { id: 'pg-si-ex-buffer', type: 'number', min: '0', step: '50', value: '300' });
  const hint = h('p', { class: 'pg-hint', id: 'pg-si-hint' });
  const out = h('div', { class: 'pg-results', id: 'pg-si-results', 'aria-live': 'polite' });
  const detail = h('div', { class: 'pg-si-detail', id: 'pg-si-detail' });
  if (ctx.entries.some((e) => e.id === demandLayer)) exLayer.title = 'e.g. ' + demandLayer + ' with a health-protection distance 卫生防护距离';

  /* ---- presets, from the server ---- */
  (async () => {
    try {
      const body = await P.getJson('/processes/siting/presets');
      presetBox.replaceChildren(...(body.presets || []).map((p) => h('label', { class: 'pg-si-preset', title: p.title || p.name }, [
        h('input', { type: 'checkbox', value: p.name, id: 'pg-si-preset-' + p.name }),
        ' ' + (p.title_zh || '') + ' ', h('small', {}, p.title || p.name)])));
    } catch (err) {
      P.showProblem(presetBox, err);
    }
  })();

  /* ---- the drawn study area ---- */
  const draw = new ParkGridDraw.DrawTool(map, {
    pane: shapePane,
    onChange: (n, message) => {
      hint.textContent = message || n + ' points 个点 · click to add, double-click or Finish to end, Esc cancels 单击加点，双击或“完成”结束，Esc 取消';
      setDrawing(true);
    },
    onFinish: (geometry) => {
      setDrawing(false);
      drawn = geometry;
      areaDrawnRadio.checked = true;
      hint.textContent = 'Study area drawn 已绘制研究范围';
    },
    onCancel: () => { setDrawing(false); hint.textContent = 'Cancelled 已取消'; }
  });
  const drawButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-draw', onclick: () => { stopPicking(); draw.start('polygon'); } }, 'Draw area 绘制范围');
  const finishButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-si-finish', hidden: true, onclick: () => draw.finish() }, 'Finish 完成');
  const stopButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-stop', hidden: true, onclick: () => draw.cancel() }, 'Stop 停止');
  function setDrawing(on) {
    finishButton.hidden = !on;
    stopButton.hidden = !on;
  }

  /* ---- a polygon of any layer (GeoJSON or tiled) as the study area: the next one clicked or chosen in the search ---- */
  const pickedOutline = L.featureGroup().addTo(map);
  let picking = false;
  const pickButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-pick', onclick: () => startPicking() }, 'Pick area 选面要素');
  function startPicking() {
    draw.cancel(true);
    setDrawing(false);
    picking = true;
    map.getContainer().classList.add('pg-picking');
    hint.textContent = 'Click a polygon on the map, or choose one in the search 点击地图上的面要素，或在搜索框中选择';
  }
  function stopPicking() {
    picking = false;
    map.getContainer().classList.remove('pg-picking');
  }
  ctx.onFeatureClick((entry, feature) => {
    if (!picking) return false;
    if (!ctx.isAreaFeature(entry, feature)) {
      hint.textContent = 'Pick a polygon (area) feature 请选择面要素';
      return true;
    }
    stopPicking();
    map.closePopup();
    const next = { collection: entry.id, id: feature.id };
    pickedArea = next;
    areaPickedRadio.disabled = false;
    areaPickedRadio.checked = true;
    hint.textContent = 'Study area 研究范围: ' + entry.cfg.label + ' · ' + P.featureName(feature) + ' (#' + feature.id + ')';
    pickedOutline.clearLayers();
    ctx.wholeFeature(entry, feature).then((shown) => {
      if (pickedArea === next) L.geoJSON(shown, { pane: shapePane, interactive: false, style: () => ({ color: '#ff6f00', weight: 3, dashArray: '6 4', fill: false }) }).addTo(pickedOutline);
    }, () => {});
    return true;
  });

  const runButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-si-run', onclick: () => run() }, 'Run 选址');
  const cancelButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-cancel', hidden: true }, 'Cancel 取消');
  const exportButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-export', disabled: true, onclick: () => exportCandidates() },
    'Export candidates 导出候选');
  const clearButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-clear', onclick: () => clear() }, 'Clear 清除');

  /** The execution's inputs from the form. */
  function inputs() {
    const i = {};
    if (areaPickedRadio.checked && pickedArea) {
      i.study_area = pickedArea;
    } else if (areaDrawnRadio.checked) {
      if (!drawn) throw new P.Problem(400, { title: 'No study area 无研究范围', detail: 'Draw the study area first, or choose the park. 请先绘制研究范围或选择园区。' });
      i.study_area = drawn;
    } else {
      i.study_area = 'role:' + ParkGridRoles.ROLE.PARK;
    }
    i[unitSelect.value === 'mu' ? 'area_mu' : 'area_m2'] = Number(areaInput.value);
    i.min_width_m = Number(widthInput.value || 0);
    i.max_candidates = Number(maxInput.value || 5);
    const presets = Array.from(presetBox.querySelectorAll('input[type=checkbox]:checked')).map((c) => c.value);
    if (presets.length) i.presets = presets;
    if (exLayer.value) {
      // the server labels it by its collection
      i.exclusions = [{ collection: exLayer.value, buffer_m: Number(exBuffer.value || 0) }];
    }
    return i;
  }

  async function run() {
    let request;
    try {
      request = inputs();
    } catch (err) {
      P.showProblem(out, err);
      return;
    }
    runButton.disabled = true;
    detail.replaceChildren();
    try {
      const result = await cancellable(out, cancelButton, (signal) => P.execute('siting', request, { signal }), 'Siting… 选址计算中');
      if (!result) return;
      show(result);
    } catch (err) {
      clearResults();
      P.showProblem(out, err);
    } finally {
      runButton.disabled = false;
    }
  }

  function candidateFeatures() {
    return ((answer && answer.features) || []).filter((f) => (f.properties || {}).kind === 'candidate');
  }

  function clearResults() {
    feasible.clearLayers();
    candidates.clearLayers();
    layers.clear();
    answer = null;
    exportButton.disabled = true;
    if (ctx.legend) ctx.legend.clearResult('siting');
  }

  function show(result) {
    clearResults();
    answer = result;
    const features = result.features || [];
    const area = features.find((f) => (f.properties || {}).kind === 'feasible_area');
    if (area && area.geometry) L.geoJSON(area, { pane: areaPane, interactive: false, style: () => FEASIBLE }).addTo(feasible);
    const sites = candidateFeatures();
    L.geoJSON(sites, {
      pane: resultPane,
      style: () => CANDIDATE,
      onEachFeature: (f, layer) => {
        layer.options.className = 'pg-si-candidate pg-si-candidate-' + f.properties.rank;
        layer.bindTooltip(String(f.properties.rank), { permanent: true, direction: 'center', className: 'pg-si-number' });
        layer.on('click', () => select(f.properties.rank));
        layers.set(f.properties.rank, layer);
      }
    }).addTo(candidates);
    if (ctx.legend) {
      ctx.legend.setResult('siting', { title: 'Siting 选址', rows: [
        { kind: 'area', style: FEASIBLE, label: 'feasible area 可选范围' },
        { kind: 'area', style: CANDIDATE, label: 'candidate 候选 (' + sites.length + ')' }] });
    }
    const s = result.summary || {};
    const head = h('p', { class: 'pg-count', id: 'pg-si-count', 'data-count': sites.length },
      sites.length + ' candidates 个候选 · feasible 可选 ' + fixed(s.feasible_area_m2, 0) + ' m² (' + fixed(s.feasible_area_mu, 2) +
      ' 亩) of 研究范围 ' + fixed(s.study_area_m2, 0) + ' m²');
    const parts = [head];
    if (!sites.length) {
      parts.push(h('div', { class: 'pg-warn pg-si-nosite', id: 'pg-si-nosite', role: 'status' }, [
        h('strong', {}, 'No site 无可选址 '), h('div', {}, s.no_site_reason_zh || ''), h('div', { class: 'pg-cp-en' }, s.no_site_reason || '')]));
    } else {
      parts.push(h('ol', { class: 'pg-list pg-si-list', id: 'pg-si-list' }, sites.map((f) => {
        const p = f.properties;
        return h('li', { 'data-rank': p.rank, 'data-score': p.score, tabindex: '0', onclick: () => select(p.rank),
          onkeydown: (e) => { if (e.key === 'Enter') select(p.rank); } }, [
          h('span', { class: 'pg-list-value' }, 'score ' + fixed(p.score, 3)),
          h('span', { class: 'pg-list-name' }, fixed(p.area_m2, 0) + ' m² · ' + fixed(p.width_m, 0) + ' × ' + fixed(p.length_m, 0) + ' m'),
          h('div', { class: 'pg-si-reason', lang: 'zh-CN' }, (p.reasons_zh || [])[0] || ''),
          h('div', { class: 'pg-si-reason pg-cp-en', lang: 'en' }, (p.reasons || [])[0] || '')]);
      })));
    }
    const eliminations = s.eliminations || [];
    if (eliminations.length) {
      parts.push(h('details', { class: 'pg-si-eliminations', id: 'pg-si-eliminations', open: !sites.length }, [
        h('summary', {}, 'What removed area 排除面积 (' + eliminations.length + ')'),
        h('table', { class: 'pg-stat-table' }, eliminations.map((e) => h('tr', {}, [
          h('td', {}, [e.criterion_zh, h('br'), h('small', {}, e.criterion)]),
          h('td', {}, fixed(e.area_m2, 0) + ' m²'), h('td', {}, fixed(e.percent, 1) + ' %')])))]));
    }
    parts.push(detail);
    out.replaceChildren(...parts);
    exportButton.disabled = !sites.length;
    const bounds = L.latLngBounds([]);
    [feasible, candidates].forEach((g) => { const b = g.getBounds(); if (b.isValid()) bounds.extend(b); });
    if (bounds.isValid() && !map.getBounds().contains(bounds)) ctx.fitToFreeArea(bounds, 17);
  }

  /** A candidate's breakdown and its "check compliance" button. */
  function select(rank) {
    const f = candidateFeatures().find((c) => c.properties.rank === rank);
    if (!f) return;
    layers.forEach((layer, r) => layer.setStyle(r === rank ? SELECTED : CANDIDATE));
    const layer = layers.get(rank);
    if (layer) layer.bringToFront();
    out.querySelectorAll('#pg-si-list li').forEach((li) => li.classList.toggle('pg-active', Number(li.dataset.rank) === rank));
    const p = f.properties;
    const rows = (p.breakdown || []).map((b) => h('tr', { class: b.satisfied === false ? 'pg-si-unmet' : 'pg-si-met', 'data-kind': b.kind }, [
      h('td', {}, b.satisfied === false ? '✗' : '✓'),
      h('td', {}, [b.reason_zh, h('br'), h('small', {}, b.reason)]),
      h('td', {}, b.kind === 'preference' ? 'w ' + b.weight + ' · ' + fixed(b.score, 3) : '')]));
    // the candidate's compliance summary from the siting run itself (overlap per control layer and conclusion)
    const summary = p.compliance ? h('table', { class: 'pg-stat-table pg-si-cpsum', id: 'pg-si-cpsum', 'data-compliant': String(p.compliance.compliant) }, [
      h('caption', {}, [p.compliance.conclusion_zh || '', h('br'), h('small', {}, p.compliance.conclusion || '')]),
      h('tr', {}, [h('th', {}, 'Layer 管控图层'), h('th', {}, 'm²'), h('th', {}, '亩'), h('th', {}, 'Conclusion 结论')])].concat(
      (p.compliance.layers || []).map((l) => h('tr', { class: l.compliant ? 'pg-si-met' : 'pg-si-unmet', 'data-layer': l.layer }, [
        h('td', {}, [l.label_zh, h('br'), h('small', {}, l.label)]),
        h('td', { class: 'pg-si-cpsum-m2' }, fixed(l.overlap_m2, 1)),
        h('td', { class: 'pg-si-cpsum-mu' }, fixed(l.overlap_mu, 2)),
        h('td', {}, [l.conclusion_zh, h('br'), h('small', {}, l.conclusion)])])))) : null;
    const compliance = h('div', { class: 'pg-si-compliance', id: 'pg-si-compliance' });
    const checkButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-check' }, 'Check compliance 合规审查');
    const checkCancel = h('button', { type: 'button', class: 'pg-btn', id: 'pg-si-check-cancel', hidden: true }, 'Cancel 取消');
    checkButton.addEventListener('click', async () => {
      checkButton.disabled = true;
      try {
        const review = await cancellable(compliance, checkCancel,
          (signal) => P.execute('compliance', { boundary: f.geometry, project_name: '候选场址 ' + rank }, { signal }), 'Reviewing… 审查中');
        if (review) compliance.replaceChildren(reviewTable(review.summary || {}, 'pg-si-cp'));
      } catch (err) {
        P.showProblem(compliance, err);
      } finally {
        checkButton.disabled = false;
      }
    });
    detail.replaceChildren(
      h('h3', { id: 'pg-si-detail-title', 'data-rank': rank }, 'Candidate 候选 ' + rank + ' · score 得分 ' + fixed(p.score, 3)),
      h('p', { class: 'pg-hint' }, fixed(p.area_m2, 0) + ' m² · ' + fixed(p.area_mu, 2) + ' 亩 · ' + fixed(p.width_m, 1) + ' × ' +
        fixed(p.length_m, 1) + ' m'),
      h('table', { class: 'pg-stat-table pg-si-breakdown', id: 'pg-si-breakdown' }, rows),
      ...(summary ? [summary] : []),
      h('div', { class: 'pg-buttons' }, [checkButton, checkCancel]), compliance);
    if (layer && !map.getBounds().contains(layer.getBounds())) ctx.fitToFreeArea(layer.getBounds(), map.getZoom());
    detail.scrollIntoView({ block: 'nearest' });
  }

  function exportCandidates() {
    const sites = candidateFeatures();
    if (!sites.length) return;
    const collection = { type: 'FeatureCollection', features: sites, summary: (answer || {}).summary };
    const blob = new Blob([JSON.stringify(collection, null, 1)], { type: 'application/geo+json' });
    saveBlob(out, 'pg-si-export-link', blob, 'siting-candidates.geojson', 'GeoJSON');
  }

  function clear() {
    draw.clear();
    setDrawing(false);
    drawn = null;
    clearResults();
    out.replaceChildren();
    detail.replaceChildren();
    hint.textContent = '';
    stopPicking();
    pickedArea = null;
    pickedOutline.clearLayers();
    areaPickedRadio.disabled = true;
    if (hasPark) areaParkRadio.checked = true;
  }

  root.append(
    h('div', { class: 'pg-modes' }, [
      h('label', {}, [areaParkRadio, ' Park 园区']),
      h('label', {}, [areaDrawnRadio, ' Drawn area 绘制范围']),
      h('label', {}, [areaPickedRadio, ' Picked 选定'])]),
    h('div', { class: 'pg-buttons' }, [drawButton, pickButton, finishButton, stopButton]),
    h('label', { class: 'pg-field' }, [h('span', {}, 'Area 面积'), areaInput, unitSelect]),
    P.field('Min width 最小宽度 (m)', widthInput),
    P.field('Candidates 候选数', maxInput),
    h('fieldset', { class: 'pg-si-fieldset' }, [h('legend', {}, 'Presets 预设条件'), presetBox]),
    h('fieldset', { class: 'pg-si-fieldset' }, [h('legend', {}, 'Extra exclusion 附加排除'),
      P.field('Layer 图层', exLayer), P.field('Buffer 缓冲 (m)', exBuffer)]),
    h('div', { class: 'pg-buttons' }, [runButton, cancelButton, exportButton, clearButton]),
    hint, out);

  return {
    deactivate: () => { draw.cancel(true); setDrawing(false); stopPicking(); }
  };
}

let instance = null;
P.tab({
  id: 'siting', label: 'Siting 选址', title: 'Constraint-and-score siting 约束与评分选址',
  build: (root, ctx) => { instance = build(root, ctx); },
  deactivate: () => instance && instance.deactivate()
});
