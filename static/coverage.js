/*
 * Coverage tab ("Coverage 供电覆盖"): which demand features (villages) lie within the supply radius of a
 * supplier (transformers) — POST /processes/coverage/execution — and the supply-radius check of the
 * lines — POST /processes/supply-radius/execution. Results: covered area, demand features coloured
 * covered/uncovered, a summary and lists with the reasons.
 */
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
const P = ParkGridPanels;
const h = P.h;

const CLASSES = ['A+', 'A', 'B', 'C', 'D', 'E'];
const COVERED = '#1a9850';
const UNCOVERED = '#d73027';

function build(root, ctx) {
  const map = ctx.map;
  const areaPane = P.pane('pg-coverage-area', 408);
  const resultPane = P.pane('pg-results', 430);
  const area = L.featureGroup().addTo(map);
  const demands = L.featureGroup().addTo(map);
  const paths = L.featureGroup().addTo(map);
  Object.assign(window.parkgrid.results, { coverageArea: area, coverage: demands, supplyRadius: paths });

  const ROLE = ParkGridRoles.ROLE;
  /** The collection playing `role` when the map has it, else `fallback`. */
  const layerOr = (role, fallback) => {
    const id = ctx.layerFor(role);
    return ctx.entries.some((e) => e.id === id) ? id : fallback;
  };
  const options = P.collectionOptions();
  const lineOptions = P.collectionOptions('line');
  const supply = P.select({ id: 'pg-c-supply' }, options, layerOr(ROLE.SUPPLY_TRANSFORMERS, options[0][0]));
  const demand = P.select({ id: 'pg-c-demand' }, options, layerOr(ROLE.DEMAND, options[0][0]));
  const kind = P.select({ id: 'pg-c-kind' }, [['constant', 'constant 固定半径'], ['property', 'per-feature property 按属性'],
    ['rule', 'rule table DL/T 5729 规范表']], 'constant');
  const metresInput = h('input', { id: 'pg-c-metres', type: 'number', min: '1', step: '100', value: '500' });
  const propertyInput = h('input', { id: 'pg-c-property', list: 'pg-c-properties', placeholder: 'service_radius_m' });
  const propertyList = h('datalist', { id: 'pg-c-properties' });
  const voltage = P.select({ id: 'pg-c-voltage' }, [['0.4', '0.4 kV'], ['10', '10 kV']], '0.4');
  const supplyClass = P.select({ id: 'pg-c-class' },
    [['', 'from demand supply_class 按需求点属性']].concat(CLASSES.map((c) => [c, 'class ' + c + ' 类'])), '');
  const mode = P.select({ id: 'pg-c-mode' }, [['euclidean', 'euclidean 直线距离'], ['network', 'network 沿线路']], 'euclidean');
  const network = P.select({ id: 'pg-c-network' }, lineOptions.length ? lineOptions : options,
    layerOr(ROLE.LINES, (lineOptions[0] || options[0])[0]));
  const out = h('div', { class: 'pg-results', id: 'pg-c-results', 'aria-live': 'polite' });

  const constantBox = P.field('Radius 半径 (m)', metresInput);
  const propertyBox = h('div', {}, [P.field('Property 属性 (m)', propertyInput), propertyList]);
  const ruleBox = h('div', {}, [P.field('Voltage 电压', voltage), P.field('Supply class 供电分区', supplyClass)]);
  const networkBox = P.field('Network 网络', network);
  function sync() {
    constantBox.hidden = kind.value !== 'constant';
    propertyBox.hidden = kind.value !== 'property';
    ruleBox.hidden = kind.value !== 'rule';
    networkBox.hidden = mode.value !== 'network';
  }
  kind.addEventListener('change', sync);
  mode.addEventListener('change', sync);

  /** Numeric properties of the supply layer, from its /collections/{id} description. */
  async function loadProperties() {
    propertyList.replaceChildren();
    try {
      const collection = await P.getJson('/collections/' + encodeURIComponent(supply.value));
      const props = collection.properties || {};
      const numeric = Object.keys(props).filter((k) => /integer|number/.test((props[k] || {}).type || ''));
      numeric.forEach((k) => propertyList.append(h('option', { value: k })));
      const preferred = numeric.find((k) => /radius/.test(k));
      if (preferred || !numeric.includes(propertyInput.value)) propertyInput.value = preferred || numeric[0] || '';
    } catch (err) {
      // the list only helps typing; the run reports a wrong property itself
    }
  }
  supply.addEventListener('change', loadProperties);
  loadProperties();

  function radius() {
    if (kind.value === 'constant') return { type: 'constant', metres: Number(metresInput.value) };
    if (kind.value === 'property') return { type: 'property', property: propertyInput.value.trim() };
    const rule = { type: 'rule', rules: 'dlt5729', voltage_kv: Number(voltage.value) };
    if (supplyClass.value) rule.class = supplyClass.value; else rule.class_property = 'supply_class';
    return rule;
  }

  function clearLayers() {
    area.clearLayers();
    demands.clearLayers();
    paths.clearLayers();
    if (ctx.legend) {
      ctx.legend.clearResult('coverage');
      ctx.legend.clearResult('supplyRadius');
    }
  }

  /** The legend explains the demand layer by the result's colours while the result is drawn. */
  function showInLegend(entry, kind, coveredCount, demandCount, hasArea) {
    if (!ctx.legend) return;
    const label = entry.cfg.label || entry.id;
    ctx.legend.setResult('coverage', {
      title: 'Coverage 覆盖分析 · ' + label,
      rows: hasArea ? [{ kind: 'area', style: { color: '#2e7d32', fillColor: '#66bb6a' }, label: 'covered area 覆盖范围' }] : [],
      restyles: { collection: entry.id, note: 'coloured by the coverage result 按覆盖分析结果着色', rows: [
        { kind, style: { color: '#333', fillColor: COVERED }, label: 'covered 已覆盖 (' + coveredCount + ')' },
        { kind, style: { color: '#333', fillColor: UNCOVERED }, label: 'not covered 未覆盖 (' + (demandCount - coveredCount) + ')' }] }
    });
  }

  async function runCoverage() {
    const inputs = { supply: supply.value, demand: demand.value, radius: radius(), mode: mode.value };
    if (mode.value === 'network') inputs.network = network.value;
    P.busy(out);
    clearLayers();
    try {
      showCoverage(await P.execute('coverage', inputs), inputs);
    } catch (err) {
      P.showProblem(out, err);
    }
  }

  function reasonOf(f) {
    return (f.properties || {}).reason || '';
  }

  function coveragePopup(entry, f) {
    const p = f.properties || {};
    return '<div class="pg-cov-status ' + (p.covered ? 'pg-ok' : 'pg-bad') + '">' +
      (p.covered ? 'Covered 已覆盖' : 'Not covered 未覆盖') + '</div>' +
      (p.reason ? '<div class="pg-cov-reason">' + ctx.escapeHtml(p.reason) + '</div>' : '') + ctx.popupHtml(entry, f);
  }

  function showCoverage(answer, inputs) {
    const entry = ctx.entries.find((e) => e.id === inputs.demand) || { id: inputs.demand, cfg: { label: inputs.demand } };
    const features = answer.features || [];
    if (answer.coverage_area) {
      L.geoJSON(answer.coverage_area, { pane: areaPane, interactive: false,
        style: () => ({ color: '#2e7d32', weight: 1, opacity: 0.7, fillColor: '#66bb6a', fillOpacity: 0.18 }) }).addTo(area);
    }
    const layers = new Map();
    L.geoJSON(features, {
      pane: resultPane,
      style: (f) => ({ color: '#111', weight: 1.5, fillColor: f.properties.covered ? COVERED : UNCOVERED, fillOpacity: 0.6 }),
      pointToLayer: (f, ll) => L.circleMarker(ll, { pane: resultPane, radius: 8, color: '#fff', weight: 2.5,
        fillColor: f.properties.covered ? COVERED : UNCOVERED, fillOpacity: 1 }),
      onEachFeature: (f, layer) => {
        layer.options.className = f.properties.covered ? 'pg-covered' : 'pg-uncovered';
        layer.bindPopup(() => coveragePopup(entry, f), { maxWidth: 380, maxHeight: 320 });
        layers.set(String(f.id), layer);
      }
    }).addTo(demands);

    const bounds = demands.getBounds();
    if (bounds.isValid() && !map.getBounds().contains(bounds)) ctx.fitToFreeArea(bounds, map.getZoom());
    const s = answer.summary || {};
    const uncoveredIds = Array.isArray(answer.uncovered) ? answer.uncovered.map(String)
      : features.filter((f) => !f.properties.covered).map((f) => String(f.id));
    const byId = new Map(features.map((f) => [String(f.id), f]));
    const demandCount = s.demand_count !== undefined ? s.demand_count : features.length;
    const coveredCount = s.covered_count !== undefined ? s.covered_count : features.filter((f) => f.properties.covered).length;
    const share = s.covered_share !== undefined ? s.covered_share : (demandCount ? coveredCount / demandCount : null);
    const popTotal = s.population_total !== undefined ? s.population_total : s.population_known;
    const popShare = s.population_covered_share !== undefined ? s.population_covered_share
      : (popTotal ? s.population_covered / popTotal : null);
    showInLegend(entry, entry.kind || 'point', coveredCount, demandCount, Boolean(answer.coverage_area));
    const rows = [
      ['Covered 已覆盖', coveredCount + ' / ' + demandCount + ' (' + P.percent(share) + ')'],
      ['Population 人口', s.population_covered !== undefined ? Number(s.population_covered).toLocaleString('en-US') + ' / ' +
        Number(popTotal || 0).toLocaleString('en-US') + ' (' + P.percent(popShare) + ')' : null],
      ['Population unknown 人口不详', s.population_unknown !== undefined ? s.population_unknown + ' features 个' : null],
      ['Mode 方式', s.mode || inputs.mode],
      ['Radius 半径', typeof s.radius === 'object' && s.radius !== null ? JSON.stringify(s.radius) : s.radius],
      ['Projection 投影', s.projection]
    ].filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== '');
    const bar = h('div', { class: 'pg-share', title: P.percent(share) },
      [h('div', { class: 'pg-share-fill', style: 'width:' + Math.round((share || 0) * 100) + '%' })]);
    const list = h('ol', { class: 'pg-list', id: 'pg-c-uncovered' }, uncoveredIds.map((id) => {
      const f = byId.get(id) || { id, properties: {} };
      const open = () => { const layer = layers.get(id); if (layer) P.showResult(layer); };
      return h('li', { 'data-id': id, tabindex: '0', onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); } }, [
        h('span', { class: 'pg-list-value' }, P.metres(f.properties.nearest_distance_m)),
        h('span', { class: 'pg-list-name' }, P.featureName(f)),
        h('span', { class: 'pg-list-reason' }, reasonOf(f))]);
    }));
    out.replaceChildren(
      h('h4', {}, 'Coverage 覆盖结果 · ' + entry.cfg.label),
      bar,
      h('table', { class: 'pg-summary', id: 'pg-c-summary' }, rows.map(([k, v]) => h('tr', {}, [h('th', {}, k), h('td', {}, v)]))),
      h('p', { class: 'pg-legend-inline' }, [h('i', { class: 'pg-dot', style: 'background:' + COVERED }), ' covered 已覆盖 ',
        h('i', { class: 'pg-dot', style: 'background:' + UNCOVERED }), ' not covered 未覆盖 ',
        h('i', { class: 'pg-sw pg-sw-area', style: 'background:#66bb6a55;border-color:#2e7d32' }), ' covered area 覆盖范围']),
      h('h4', {}, 'Not covered 未覆盖 (' + uncoveredIds.length + ')'),
      uncoveredIds.length ? list : h('p', { class: 'pg-hint', id: 'pg-c-all-covered' }, 'All covered 全部覆盖'));
  }

  /* ---- supply radius check ---- */
  const checkVoltage = P.select({ id: 'pg-r-voltage' }, [['10', '10 kV'], ['0.4', '0.4 kV']], '10');
  const checkClass = P.select({ id: 'pg-r-class' }, CLASSES.map((c) => [c, 'class ' + c + ' 类']), 'D');
  const checkLines = P.select({ id: 'pg-r-lines' }, lineOptions.length ? lineOptions : options,
    layerOr(ROLE.LINES, (lineOptions[0] || options[0])[0]));
  const checkOut = h('div', { class: 'pg-results', id: 'pg-r-results', 'aria-live': 'polite' });

  async function runCheck() {
    const inputs = { voltage_kv: Number(checkVoltage.value), class: checkClass.value, lines: checkLines.value };
    P.busy(checkOut);
    paths.clearLayers();
    if (ctx.legend) ctx.legend.clearResult('supplyRadius');
    try {
      showCheck(await P.execute('supply-radius', inputs), inputs);
    } catch (err) {
      P.showProblem(checkOut, err);
    }
  }

  function showCheck(answer) {
    const features = (answer.features || []).slice()
      .sort((a, b) => (b.properties.over === true) - (a.properties.over === true) ||
        (b.properties.longest_path_m || 0) - (a.properties.longest_path_m || 0));
    const layers = new Map();
    L.geoJSON(features, {
      pane: resultPane,
      style: (f) => ({ color: f.properties.over ? '#d50000' : '#1565c0', weight: 5, opacity: 0.8, lineCap: 'round' }),
      pointToLayer: (f, ll) => L.circleMarker(ll, { pane: resultPane, radius: 6 }),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        layer.bindPopup(() => '<div class="pg-popup"><div class="pg-cov-status ' + (p.over ? 'pg-bad' : 'pg-ok') + '">' +
          (p.over ? 'Over the limit 超出供电半径' : 'Within the limit 满足供电半径') + '</div><h3>' +
          ctx.escapeHtml(p.source_name || '#' + p.source_id) + '</h3><table>' +
          [['voltage_kv', p.voltage_kv], ['longest_path_m', P.metres(p.longest_path_m)], ['limit_m', P.metres(p.limit_m)],
            ['farthest_load_id', p.farthest_load_id], ['source_id', p.source_id]]
            .filter((r) => r[1] !== undefined && r[1] !== null)
            .map((r) => '<tr><th>' + r[0] + '</th><td>' + ctx.escapeHtml(String(r[1])) + '</td></tr>').join('') +
          '</table></div>', { maxWidth: 380 });
        layers.set(f, layer);
      }
    }).addTo(paths);
    const bounds = paths.getBounds();
    if (bounds.isValid() && !map.getBounds().contains(bounds)) ctx.fitToFreeArea(bounds, map.getZoom());
    const over = features.filter((f) => f.properties.over).length;
    if (ctx.legend && features.length) {
      ctx.legend.setResult('supplyRadius', { title: 'Supply radius check 供电半径校核', rows: [
        { kind: 'line', style: { color: '#1565c0', weight: 4 }, label: 'within the limit 满足 (' + (features.length - over) + ')' },
        { kind: 'line', style: { color: '#d50000', weight: 4 }, label: 'over the limit 超限 (' + over + ')' }] });
    }
    const list = h('ol', { class: 'pg-list', id: 'pg-r-list' }, features.map((f) => {
      const p = f.properties;
      const open = () => P.showResult(layers.get(f));
      return h('li', { class: p.over ? 'pg-over' : '', 'data-over': String(Boolean(p.over)), tabindex: '0', onclick: open,
        onkeydown: (e) => { if (e.key === 'Enter') open(); } }, [
        h('span', { class: 'pg-list-value' }, P.metres(p.longest_path_m) + ' / ' + P.metres(p.limit_m)),
        h('span', { class: 'pg-list-name' }, p.source_name || '#' + p.source_id),
        p.over ? h('span', { class: 'pg-badge' }, 'over 超限') : null]);
    }));
    checkOut.replaceChildren(
      h('p', { class: 'pg-count', id: 'pg-r-count' }, features.length + ' sources 电源 · ' + over + ' over the limit 超限'),
      features.length ? list : h('p', { class: 'pg-hint' }, 'No paths 无路径'));
  }

  sync();
  root.append(
    h('div', { class: 'pg-grid' }, [P.field('Supply 供电点', supply), P.field('Demand 需求点', demand),
      P.field('Radius 半径', kind), constantBox, propertyBox, ruleBox, P.field('Distance 距离', mode), networkBox]),
    h('div', { class: 'pg-buttons' }, [
      h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-c-run', onclick: runCoverage }, 'Run coverage 计算覆盖'),
      h('button', { type: 'button', class: 'pg-btn', id: 'pg-c-clear',
        onclick: () => { clearLayers(); out.replaceChildren(); checkOut.replaceChildren(); } }, 'Clear 清除')]),
    out,
    h('h4', { class: 'pg-section' }, 'Supply radius check 供电半径校核'),
    h('div', { class: 'pg-grid' }, [P.field('Voltage 电压', checkVoltage), P.field('Supply class 供电分区', checkClass),
      P.field('Lines 线路', checkLines)]),
    h('div', { class: 'pg-buttons' }, [
      h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-r-run', onclick: runCheck }, 'Supply radius check 供电半径校核')]),
    checkOut);
}

P.tab({ id: 'coverage', label: 'Coverage 覆盖', title: 'Coverage 供电覆盖', build });
