/*
 * Compliance tab ("Compliance 合规"): site compliance review 选址合规审查 of a project boundary — a drawn polygon,
 * a picked polygon feature of any layer, or a land-approval TXT 电子报盘 file (pasted or uploaded) — against the
 * control layers (POST /processes/compliance/execution). Shows the overlap per layer and class in m², 亩 and 公顷
 * with the conclusions, draws the overlaps, and downloads the same review as PDF or xlsx (fetched, so the
 * bearer token goes along). reviewTable() is also used by the siting tab for a candidate's check.
 */
import * as ParkGridDraw from './draw.js';
import * as ParkGridPanels from './panels.js';
import { executeFile } from './http.js';
const P = ParkGridPanels;
const h = P.h;

const BOUNDARY = { color: '#0d47a1', weight: 2.5, dashArray: '6 4', fill: false };
const OVERLAP = { color: '#b71c1c', weight: 1.5, fillColor: '#e53935', fillOpacity: 0.45 };
const OUTSIDE = { color: '#e65100', weight: 1.5, dashArray: '3 3', fillColor: '#ffb74d', fillOpacity: 0.35 };
/* the part of a boundary inside a must-contain layer (城镇开发边界) is the good part: drawn faintly */
const INSIDE = { color: '#2e7d32', weight: 1, opacity: 0.6, fillColor: '#a5d6a7', fillOpacity: 0.12 };

function fixed(value, digits) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US',
    { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "符合 compliant" in green or "不符合 not compliant" in red. */
function verdict(compliant) {
  return h('span', { class: compliant ? 'pg-cp-ok' : 'pg-cp-fail', 'data-compliant': String(compliant) },
    compliant ? '符合 compliant' : '不符合 not compliant');
}

/**
 * The review's table (one row per control layer, one per class under it) and the overall conclusion, from the
 * summary of a compliance answer. `idPrefix` keeps the ids of two tables on one page apart.
 */
function reviewTable(summary, idPrefix) {
  const rows = [];
  (summary.layers || []).forEach((l) => {
    const outside = l.rule === 'inside' && l.outside_m2 !== undefined;
    rows.push(h('tr', { class: 'pg-cp-layer', 'data-layer': l.layer, 'data-rule': l.rule, 'data-ha': l.overlap_ha,
      'data-compliant': String(l.compliant) }, [
      h('th', { scope: 'row' }, [l.label_zh, h('br'), h('small', {}, l.label_en + ' · ' + (l.rule === 'inside' ? 'inside 须位于其内' : 'avoid 不得占用'))]),
      h('td', { class: 'pg-cp-m2' }, fixed(l.overlap_m2, 1)),
      h('td', { class: 'pg-cp-mu' }, fixed(l.overlap_mu, 2)),
      h('td', { class: 'pg-cp-ha' }, fixed(l.overlap_ha, 4)),
      h('td', {}, verdict(l.compliant))]));
    (l.class_property ? l.classes || [] : []).forEach((c) => rows.push(h('tr', { class: 'pg-cp-class', 'data-layer': l.layer, 'data-class': c['class'] }, [
      h('td', {}, '· ' + (l.class_property ? l.class_property + ' = ' : '') + c['class'] + ' (' + c.features + ')'),
      h('td', {}, fixed(c.overlap_m2, 1)), h('td', {}, fixed(c.overlap_mu, 2)), h('td', {}, fixed(c.overlap_ha, 4)), h('td')])));
    rows.push(h('tr', { class: 'pg-cp-conclusion', 'data-layer': l.layer }, [h('td', { colspan: '5' }, [
      l.conclusion_zh, h('br'), h('small', {}, l.conclusion_en),
      outside ? h('small', {}, ' · outside 范围外 ' + fixed(l.outside_m2, 1) + ' m²') : null])]));
  });
  const table = h('table', { class: 'pg-cp-table', id: idPrefix + '-table' }, [
    h('caption', {}, 'Boundary 用地范围 ' + fixed(summary.boundary_m2, 1) + ' m² · ' + fixed(summary.boundary_mu, 2) + ' 亩 · ' +
      fixed(summary.boundary_ha, 4) + ' 公顷'),
    h('thead', {}, h('tr', {}, ['Layer 图层', 'Overlap m² 占用', '亩', '公顷', 'Conclusion 结论'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows)]);
  const overall = h('div', { class: 'pg-cp-overall ' + (summary.compliant ? 'pg-cp-overall-ok' : 'pg-cp-overall-fail'),
    id: idPrefix + '-overall', 'data-compliant': String(summary.compliant) }, [
    h('strong', {}, 'Overall 总体: '), verdict(summary.compliant), h('div', {}, summary.conclusion_zh),
    h('div', { class: 'pg-cp-en' }, summary.conclusion_en)]);
  return h('div', { class: 'pg-cp-review' }, [overall, table, h('p', { class: 'pg-hint' }, summary.units || '')]);
}

/** Saves a blob under `filename` through a link the page keeps (id `linkId`), so a test can read it again. */
function saveBlob(container, linkId, blob, filename, label) {
  const old = document.getElementById(linkId);
  if (old) {
    URL.revokeObjectURL(old.href);
    old.remove();
  }
  const link = h('a', { id: linkId, class: 'pg-cp-download', href: URL.createObjectURL(blob), download: filename,
    'data-type': blob.type }, label + ' · ' + filename);
  container.append(link);
  link.click();
  return link;
}

/**
 * Runs `work(signal)` with the busy text in `out` and a Cancel button: the button aborts the request.
 * Answers what work answers, or null when cancelled (out then says so).
 */
async function cancellable(out, cancelButton, work, text) {
  const controller = new AbortController();
  P.busy(out, text || 'Working… 计算中');
  cancelButton.hidden = false;
  cancelButton.onclick = () => controller.abort();
  try {
    return await work(controller.signal);
  } catch (err) {
    if (err.aborted) {
      out.replaceChildren(h('p', { class: 'pg-warn pg-cancelled' }, 'Cancelled 已取消'));
      return null;
    }
    throw err;
  } finally {
    cancelButton.hidden = true;
    cancelButton.onclick = null;
  }
}

function build(root, ctx) {
  const map = ctx.map;
  const resultPane = P.pane('pg-results', 430);
  const shapePane = P.pane('pg-shapes', 425);
  const results = L.featureGroup().addTo(map);
  const picked = L.featureGroup().addTo(map);
  window.parkgrid.results.compliance = results;
  let source = null; // {boundary} | {feature: {collection, id}} | {boundary_txt}
  let lastInputs = null;

  const hint = h('p', { class: 'pg-hint', id: 'pg-cp-hint' });
  const sourceText = h('p', { class: 'pg-source', id: 'pg-cp-source' }, 'No boundary yet 尚未选择用地范围');
  const out = h('div', { class: 'pg-results', id: 'pg-cp-results', 'aria-live': 'polite' });
  const files = h('div', { class: 'pg-cp-files', id: 'pg-cp-files' });
  const nameInput = h('input', { id: 'pg-cp-name', type: 'text', placeholder: 'e.g. 玻璃厂二期' });
  const txtArea = h('textarea', { id: 'pg-cp-txt', rows: '4', placeholder: '[属性描述] … [地块坐标] …', spellcheck: 'false' });
  const fileInput = h('input', { id: 'pg-cp-file', type: 'file', accept: '.txt,text/plain' });

  const draw = new ParkGridDraw.DrawTool(map, {
    pane: shapePane,
    onChange: (n, message) => {
      hint.textContent = message || n + ' points 个点 · click to add, double-click or Finish to end, Esc cancels 单击加点，双击或“完成”结束，Esc 取消';
      setDrawing(true);
    },
    onFinish: (geometry) => {
      setDrawing(false);
      picked.clearLayers();
      setSource({ boundary: geometry }, 'Drawn polygon 已绘制面');
      hint.textContent = '';
      run();
    },
    onCancel: () => { setDrawing(false); hint.textContent = 'Cancelled 已取消'; }
  });

  const drawButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-draw', onclick: () => { stopPicking(); draw.start('polygon'); } },
    'Draw 绘制范围');
  const pickButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-pick', onclick: () => startPicking() }, 'Pick feature 选要素');
  const finishButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-cp-finish', hidden: true,
    onclick: () => draw.finish() }, 'Finish 完成');
  const stopButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-stop', hidden: true,
    onclick: () => { draw.cancel(); stopPicking(); } }, 'Stop 停止');
  const useTxtButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-use-txt', onclick: () => useTxt() }, 'Use TXT 使用报盘文件');
  const runButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-cp-run', onclick: () => run() }, 'Run 审查');
  const cancelButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-cancel', hidden: true }, 'Cancel 取消');
  const pdfButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-pdf', disabled: true, onclick: () => download('pdf') }, 'PDF report 报告');
  const xlsxButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-xlsx', disabled: true, onclick: () => download('xlsx') }, 'xlsx 表格');
  const clearButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-cp-clear', onclick: () => clear() }, 'Clear 清除');

  function setDrawing(on) {
    finishButton.hidden = !on;
    stopButton.hidden = !on;
  }

  function setSource(next, text) {
    source = next;
    sourceText.textContent = text;
  }

  /* ---- pick a polygon of any layer (GeoJSON or tiled): the next click on one, or the next chosen in the search ---- */
  let picking = false;
  function onFeatureClick(entry, feature) {
    if (!picking) return false;
    if (!ctx.isAreaFeature(entry, feature)) {
      hint.textContent = 'Pick a polygon (area) feature 请选择面要素';
      return true;
    }
    stopPicking();
    map.closePopup();
    picked.clearLayers();
    const next = { feature: { collection: entry.id, id: feature.id } };
    setSource(next, 'Picked 已选: ' + entry.cfg.label + ' · ' + P.featureName(feature) + ' (#' + feature.id + ')');
    hint.textContent = '';
    outline(entry, feature, next);
    run();
    return true;
  }
  /** Outlines the picked polygon; a tiled one's whole geometry comes from the server (a tile holds a cut of it). */
  async function outline(entry, feature, pickedSource) {
    let shown;
    try {
      shown = await ctx.wholeFeature(entry, feature);
    } catch (err) {
      hint.textContent = 'Could not show the picked feature 无法显示所选要素: ' + (err.detail || err.message);
      return;
    }
    if (source !== pickedSource) return;
    L.geoJSON(shown, { pane: shapePane, interactive: false, style: () => BOUNDARY }).addTo(picked);
  }
  ctx.onFeatureClick(onFeatureClick);
  function startPicking() {
    draw.clear();
    picking = true;
    map.getContainer().classList.add('pg-picking');
    hint.textContent = 'Click a polygon on the map, or choose one in the search 点击地图上的面要素，或在搜索框中选择';
    stopButton.hidden = false;
  }
  function stopPicking() {
    picking = false;
    map.getContainer().classList.remove('pg-picking');
    stopButton.hidden = true;
  }

  /* ---- TXT 电子报盘: pasted, or read from a chosen file ---- */
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    const buffer = await file.arrayBuffer();
    // land-approval files come in UTF-8 or GBK; a UTF-8 reading with replacement characters means GBK
    let text = new TextDecoder('utf-8').decode(buffer);
    if (text.includes('\uFFFD')) {
      try { text = new TextDecoder('gbk').decode(buffer); } catch (e) { /* keep the UTF-8 reading */ }
    }
    txtArea.value = text;
    useTxt(file.name);
  });
  function useTxt(name) {
    const text = txtArea.value.trim();
    if (!text) {
      P.showProblem(out, { title: 'No TXT 无报盘文件', detail: 'Paste or choose a TXT 电子报盘 file first. 请先粘贴或选择报盘文件。' });
      return;
    }
    draw.clear();
    picked.clearLayers();
    setSource({ boundary_txt: txtArea.value }, 'TXT 电子报盘' + (name ? ': ' + name : ''));
    run();
  }

  /* ---- requests and results ---- */
  function inputs() {
    const i = Object.assign({}, source);
    if (nameInput.value.trim()) i.project_name = nameInput.value.trim();
    return i;
  }

  async function run() {
    if (!source) {
      P.showProblem(out, { title: 'No boundary 无用地范围', detail: 'Draw a polygon, pick a feature or give a TXT file first. 请先绘制、选择要素或提供报盘文件。' });
      return;
    }
    const request = inputs();
    runButton.disabled = true;
    try {
      const answer = await cancellable(out, cancelButton, (signal) => P.execute('compliance', request, { signal }),
        'Reviewing… 审查中');
      if (!answer) return;
      lastInputs = request;
      show(answer);
    } catch (err) {
      results.clearLayers();
      if (ctx.legend) ctx.legend.clearResult('compliance');
      P.showProblem(out, err);
    } finally {
      runButton.disabled = false;
    }
  }

  function show(answer) {
    const features = answer.features || [];
    const summary = answer.summary || {};
    const inside = new Set((summary.layers || []).filter((l) => l.rule === 'inside').map((l) => l.layer));
    const styleOf = (p) => p.kind === 'overlap' && inside.has(p.layer) ? INSIDE :
      ({ boundary: BOUNDARY, overlap: OVERLAP, outside: OUTSIDE })[p.kind] || OVERLAP;
    results.clearLayers();
    L.geoJSON(features, {
      pane: resultPane,
      style: (f) => styleOf(f.properties || {}),
      onEachFeature: (f, layer) => {
        const p = f.properties || {};
        layer.options.className = 'pg-cp-' + (p.kind === 'overlap' && inside.has(p.layer) ? 'inside' : p.kind);
        if (p.kind !== 'boundary') {
          layer.bindPopup(ctx.escapeHtml((p.label_zh || p.layer || '') + (p['class'] ? ' · ' + p['class'] : '') +
            (p.feature_id !== undefined ? ' #' + p.feature_id : '')) + '<br>' + fixed(p.area_m2, 1) + ' m² · ' +
            fixed(p.area_mu, 2) + ' 亩 · ' + fixed(p.area_ha, 4) + ' 公顷');
        }
      }
    }).addTo(results);
    const overlaps = features.filter((f) => f.properties.kind === 'overlap' && !inside.has(f.properties.layer)).length;
    if (ctx.legend) {
      ctx.legend.setResult('compliance', { title: 'Compliance 合规审查', rows: [
        { kind: 'area', style: BOUNDARY, label: 'boundary 用地范围' },
        { kind: 'area', style: OVERLAP, label: 'overlap 占用 (' + overlaps + ')' },
        { kind: 'area', style: OUTSIDE, label: 'outside 范围外' },
        { kind: 'area', style: INSIDE, label: 'inside 范围内' }] });
    }
    files.replaceChildren();
    out.replaceChildren(reviewTable(summary, 'pg-cp'), files);
    pdfButton.disabled = false;
    xlsxButton.disabled = false;
    const bounds = results.getBounds();
    if (bounds.isValid() && !map.getBounds().contains(bounds)) ctx.fitToFreeArea(bounds, 17);
  }

  async function download(format) {
    if (!lastInputs) return;
    const button = format === 'pdf' ? pdfButton : xlsxButton;
    const request = Object.assign({}, lastInputs, { format });
    const note = h('p', { class: 'pg-busy' }, 'Preparing ' + format + '… 生成中');
    files.append(note);
    button.disabled = true;
    try {
      const file = await executeFile('compliance', request);
      note.remove();
      saveBlob(files, 'pg-cp-' + format + '-link', file.blob, file.filename || '选址合规审查报告.' + format,
        format === 'pdf' ? 'PDF 报告' : 'xlsx 表格');
    } catch (err) {
      note.remove();
      const box = h('div');
      files.append(box);
      P.showProblem(box, err);
    } finally {
      button.disabled = false;
    }
  }

  function clear() {
    draw.clear();
    stopPicking();
    setDrawing(false);
    source = null;
    lastInputs = null;
    results.clearLayers();
    picked.clearLayers();
    if (ctx.legend) ctx.legend.clearResult('compliance');
    out.replaceChildren();
    files.replaceChildren();
    pdfButton.disabled = true;
    xlsxButton.disabled = true;
    sourceText.textContent = 'No boundary yet 尚未选择用地范围';
    hint.textContent = '';
  }

  root.append(
    h('p', { class: 'pg-hint' }, 'Check a project boundary against the control lines (永久基本农田, 生态保护红线, 城镇开发边界). ' +
      '用地范围与管控线的合规审查。'),
    h('div', { class: 'pg-buttons' }, [drawButton, pickButton, finishButton, stopButton]),
    h('details', { class: 'pg-cp-txt-box', id: 'pg-cp-txt-box' }, [h('summary', {}, 'TXT 电子报盘 file (paste or upload 粘贴或上传)'),
      txtArea, h('div', { class: 'pg-buttons' }, [fileInput, useTxtButton])]),
    P.field('Project 项目名称', nameInput),
    sourceText,
    h('div', { class: 'pg-buttons' }, [runButton, cancelButton, pdfButton, xlsxButton, clearButton]),
    hint, out);

  return {
    deactivate: () => { draw.cancel(true); setDrawing(false); stopPicking(); }
  };
}

let instance = null;
P.tab({
  id: 'compliance', label: 'Compliance 合规', title: 'Site compliance review 选址合规审查',
  build: (root, ctx) => { instance = build(root, ctx); },
  deactivate: () => instance && instance.deactivate()
});

export { reviewTable, saveBlob, cancellable };
