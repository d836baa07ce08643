/*
 * Facility tab ("Facility 新设施"): where p new suppliers cover the most demand weight the existing ones leave
 * uncovered — POST /processes/facility-location/execution (maximal covering location, greedy and exact).
 * Candidates are a grid over the park (spacing in metres) or a point layer; the radius is a constant or the
 * DL/T 5729 rule table (as the Coverage tab offers). Draws the chosen sites as numbered stars and the newly
 * covered demand features, with a summary: before → after covered count and weight, greedy vs exact objective,
 * status and solve time. A run can be cancelled (AbortController).
 *
 * Test hook: window.parkgrid.facility = { lastInputs, lastAnswer, running }.
 */
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
const P = ParkGridPanels;
const h = P.h;

const CLASSES = ['A+', 'A', 'B', 'C', 'D', 'E'];
const NEW = '#6a1b9a';
const WEIGHTS = [['', 'none 不加权 (count 按个数)'], ['population', 'population 人口'], ['households', 'households 户数']];

function build(root, ctx) {
  const map = ctx.map;
  const resultPane = P.pane('pg-results', 430);
  const sitePane = P.pane('pg-facility-sites', 440);
  const sites = L.featureGroup().addTo(map);
  const covered = L.featureGroup().addTo(map);
  Object.assign(window.parkgrid.results, { facilitySites: sites, facilityCovered: covered });
  const hook = { lastInputs: null, lastAnswer: null, running: false };
  window.parkgrid.facility = hook;

  const ROLE = ParkGridRoles.ROLE;
  const layerOr = (role, fallback) => {
    const id = ctx.layerFor(role);
    return ctx.entries.some((e) => e.id === id) ? id : fallback;
  };
  const options = P.collectionOptions();
  const pointOptions = P.collectionOptions('point');
  const pInput = h('input', { id: 'pg-f-p', type: 'number', min: '1', step: '1', value: '2' });
  const candKind = P.select({ id: 'pg-f-cand' }, [['grid', 'grid over the park 园区网格'], ['layer', 'candidate layer 候选点图层']], 'grid');
  const spacing = h('input', { id: 'pg-f-spacing', type: 'number', min: '10', step: '50', value: '250' });
  const candLayer = P.select({ id: 'pg-f-cand-layer' }, pointOptions.length ? pointOptions : options,
    layerOr(ROLE.FACILITIES, (pointOptions[0] || options[0])[0]));
  const demand = P.select({ id: 'pg-f-demand' }, options, layerOr(ROLE.DEMAND, options[0][0]));
  const weight = P.select({ id: 'pg-f-weight' }, WEIGHTS, '');
  const existing = P.select({ id: 'pg-f-existing' }, [['', 'none 无']].concat(options),
    layerOr(ROLE.SUPPLY_TRANSFORMERS, ''));
  const kind = P.select({ id: 'pg-f-kind' }, [['constant', 'constant 固定半径'], ['rule', 'rule table DL/T 5729 规范表']], 'constant');
  const metresInput = h('input', { id: 'pg-f-metres', type: 'number', min: '1', step: '100', value: '500' });
  const voltage = P.select({ id: 'pg-f-voltage' }, [['0.4', '0.4 kV'], ['10', '10 kV']], '0.4');
  const supplyClass = P.select({ id: 'pg-f-class' },
    [['', 'from demand supply_class 按需求点属性']].concat(CLASSES.map((c) => [c, 'class ' + c + ' 类'])), '');
  const solver = P.select({ id: 'pg-f-solver' }, [['both', 'both 两者 (gap 差距)'], ['greedy', 'greedy 贪心'],
    ['exact', 'exact 精确 (CP-SAT)']], 'both');
  const out = h('div', { class: 'pg-results', id: 'pg-f-results', 'aria-live': 'polite' });

  const gridBox = P.field('Spacing 间距 (m)', spacing);
  const layerBox = P.field('Candidates 候选点', candLayer);
  const constantBox = P.field('Radius 半径 (m)', metresInput);
  const ruleBox = h('div', {}, [P.field('Voltage 电压', voltage), P.field('Supply class 供电分区', supplyClass)]);
  function sync() {
    gridBox.hidden = candKind.value !== 'grid';
    layerBox.hidden = candKind.value !== 'layer';
    constantBox.hidden = kind.value !== 'constant';
    ruleBox.hidden = kind.value !== 'rule';
  }
  candKind.addEventListener('change', sync);

  /** Weight choices the demand layer has as numbers (from /collections/{id}); the others are disabled. */
  async function loadWeights() {
    try {
      const collection = await P.getJson('/collections/' + encodeURIComponent(demand.value));
      const props = collection.properties || {};
      Array.from(weight.options).forEach((o) => {
        o.disabled = Boolean(o.value) && !/integer|number/.test((props[o.value] || {}).type || '');
      });
      if (weight.selectedOptions[0] && weight.selectedOptions[0].disabled) weight.value = '';
    } catch (err) {
      // the list only helps choosing; the run reports a wrong property itself
    }
  }
  demand.addEventListener('change', loadWeights);
  loadWeights();
  kind.addEventListener('change', sync);

  function radius() {
    if (kind.value === 'constant') return { type: 'constant', metres: Number(metresInput.value) };
    const rule = { type: 'rule', rules: 'dlt5729', voltage_kv: Number(voltage.value) };
    if (supplyClass.value) rule.class = supplyClass.value; else rule.class_property = 'supply_class';
    return rule;
  }

  /** The park polygon as {collection, id} when the map has one, else the map's view as a polygon. */
  function studyArea() {
    const park = ctx.entries.find((e) => e.role === ROLE.PARK && e.features.length);
    if (park) return { collection: park.id, id: park.features[0].id };
    const b = map.getBounds();
    const ring = [[b.getWest(), b.getSouth()], [b.getEast(), b.getSouth()], [b.getEast(), b.getNorth()],
      [b.getWest(), b.getNorth()], [b.getWest(), b.getSouth()]];
    return { type: 'Polygon', coordinates: [ring] };
  }

  function inputs() {
    const candidates = candKind.value === 'grid'
      ? { grid: { study_area: studyArea(), spacing_m: Number(spacing.value) } }
      : { collection: candLayer.value };
    const d = { collection: demand.value };
    if (weight.value) d.weight_property = weight.value;
    return { p: Number(pInput.value), candidates, demand: d, existing: existing.value ? [existing.value] : [],
      radius: radius(), solver: solver.value };
  }

  function clearLayers() {
    sites.clearLayers();
    covered.clearLayers();
    if (ctx.legend) ctx.legend.clearResult('facility');
  }

  /** What the form can tell before asking the server (a 400 would only say the same later). */
  function checkInputs(request) {
    const problem = (parameter, detail) => ({ title: 'Invalid parameter 参数错误', detail, parameter });
    if (!Number.isInteger(request.p) || request.p < 1) return problem('p', 'p must be a whole number ≥ 1 新站点数须为正整数');
    const grid = request.candidates.grid;
    if (grid && !(grid.spacing_m > 0)) return problem('candidates.grid.spacing_m', 'spacing must be more than 0 m 间距须大于 0 米');
    if (request.radius.type === 'constant' && !(request.radius.metres > 0)) return problem('radius.metres', 'radius must be more than 0 m 半径须大于 0 米');
    return null;
  }

  let controller = null;
  const runButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-f-run', onclick: run }, 'Place sites 选址计算');
  const cancelButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-f-cancel', disabled: true,
    onclick: () => { if (controller) controller.abort(); } }, 'Cancel 取消');

  function setRunning(running) {
    hook.running = running;
    runButton.disabled = running;
    cancelButton.disabled = !running;
  }

  async function run() {
    if (controller) return;
    const request = inputs();
    const wrong = checkInputs(request);
    if (wrong) return P.showProblem(out, wrong);
    hook.lastInputs = request;
    controller = new AbortController();
    setRunning(true);
    P.busy(out, 'Solving… 求解中 (p = ' + request.p + ')');
    clearLayers();
    try {
      const answer = await P.execute('facility-location', request, controller.signal);
      hook.lastAnswer = answer;
      show(answer, request);
    } catch (err) {
      if (err && err.name === 'AbortError') {
        out.replaceChildren(h('p', { class: 'pg-hint', id: 'pg-f-cancelled' }, 'Cancelled 已取消'));
      } else {
        P.showProblem(out, err);
      }
    } finally {
      controller = null;
      setRunning(false);
    }
  }

  function weightText(v) {
    return v === null || v === undefined ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 });
  }

  function solutionText(sol) {
    if (!sol) return null;
    return weightText(sol.objective) + ' · ' + sol.status + (sol.solve_s !== undefined ? ' · ' + sol.solve_s + ' s' : '');
  }

  function sitePopup(f) {
    const p = f.properties || {};
    return '<div class="pg-popup"><div class="pg-cov-status pg-ok">New site 新站点 #' + ctx.escapeHtml(String(p.rank)) + '</div><table>' +
      [['newly_covered_count', p.newly_covered_count], ['newly_covered_weight', weightText(p.newly_covered_weight)],
        ['reachable_count', p.reachable_count], ['candidate_id', p.candidate_id],
        ['lon, lat', f.geometry ? f.geometry.coordinates.map((c) => c.toFixed(5)).join(', ') : null]]
        .filter((r) => r[1] !== undefined && r[1] !== null)
        .map((r) => '<tr><th>' + r[0] + '</th><td>' + ctx.escapeHtml(String(r[1])) + '</td></tr>').join('') + '</table></div>';
  }

  function show(answer, request) {
    const entry = ctx.entries.find((e) => e.id === request.demand.collection) || { id: request.demand.collection, cfg: { label: request.demand.collection } };
    const features = answer.features || [];
    const newly = (answer.newly_covered && answer.newly_covered.features) || [];
    L.geoJSON(newly, {
      pane: resultPane,
      style: () => ({ color: NEW, weight: 3, fillColor: '#ce93d8', fillOpacity: 0.6 }),
      pointToLayer: (f, ll) => L.circleMarker(ll, { pane: resultPane, radius: 10, color: NEW, weight: 3,
        fillColor: '#ce93d8', fillOpacity: 0.85, className: 'pg-f-newly' }),
      onEachFeature: (f, layer) => layer.bindPopup(() => '<div class="pg-cov-status pg-ok">Newly covered 新增覆盖 · by #' +
        ctx.escapeHtml(String(f.properties.covered_by_rank)) + '</div>' + ctx.popupHtml(entry, f), { maxWidth: 380, maxHeight: 320 })
    }).addTo(covered);
    const siteLayers = new Map();
    L.geoJSON(features, {
      pointToLayer: (f, ll) => L.marker(ll, { pane: sitePane, keyboard: false, title: 'New site 新站点 #' + f.properties.rank,
        icon: L.divIcon({ className: 'pg-f-site', iconSize: [30, 30], iconAnchor: [15, 15],
          html: '<span class="pg-f-star">★</span><span class="pg-f-rank">' + f.properties.rank + '</span>' }) }),
      onEachFeature: (f, layer) => {
        layer.bindPopup(() => sitePopup(f), { maxWidth: 320 });
        siteLayers.set(f.properties.rank, layer);
      }
    }).addTo(sites);
    const bounds = L.featureGroup([sites, covered]).getBounds();
    if (bounds.isValid() && !map.getBounds().contains(bounds)) ctx.fitToFreeArea(bounds, map.getZoom());
    if (ctx.legend) {
      ctx.legend.setResult('facility', { title: 'New facilities 新设施选址', rows: [
        { kind: 'point', style: { color: '#b71c1c', fillColor: '#ffca28' }, label: 'new site 新站点 (' + features.length + ')' },
        { kind: 'point', style: { color: NEW, fillColor: '#ce93d8' }, label: 'newly covered 新增覆盖 (' + newly.length + ')' }] });
    }

    const s = answer.summary || {};
    const before = s.before || {};
    const after = s.after || {};
    const weighted = Boolean(s.weight_property);
    const gapText = s.gap === null || s.gap === undefined ? '' : s.gap > 0 ? ' (gap 差距 ' + P.percent(s.gap) + ')' : '';
    const solveTime = [s.greedy, s.exact].filter(Boolean).reduce((t, sol) => t + (sol.solve_s || 0), 0);
    const rows = [
      ['Covered 已覆盖', h('span', { id: 'pg-f-covered' }, [
        h('span', { id: 'pg-f-before' }, String(before.covered_count)), ' → ',
        h('strong', { id: 'pg-f-after' }, String(after.covered_count)), ' / ' + s.demand_count])],
      [weighted ? 'Weight 权重 (' + s.weight_property + ')' : 'Weight 权重', h('span', { id: 'pg-f-weight-change' },
        weightText(before.covered_weight) + ' → ' + weightText(after.covered_weight) + ' / ' + weightText(s.demand_weight))],
      ['Weight unknown 权重不详', weighted && s.weight_unknown_count ? s.weight_unknown_count + ' features 个 (weigh 0 计为 0)' : null],
      ['Newly covered 新增覆盖', s.newly_covered_count + ' · ' + weightText(s.newly_covered_weight)],
      ['Greedy 贪心', solutionText(s.greedy)],
      ['Exact 精确', s.exact ? solutionText(s.exact) : s.exact_skipped || null],
      ['Status 状态', h('span', { id: 'pg-f-status' }, (s.status || '') + gapText)],
      ['Solve time 求解时间', solveTime.toFixed(3) + ' s'],
      ['Candidates 候选点', s.candidate_count + ' (' + s.candidates + ')'],
      ['Radius 半径', s.radius]
    ].filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== '');
    const list = h('ol', { class: 'pg-list', id: 'pg-f-sites' }, features.map((f) => {
      const p = f.properties;
      const open = () => P.showResult(siteLayers.get(p.rank));
      return h('li', { 'data-rank': String(p.rank), tabindex: '0', onclick: open, onkeydown: (e) => { if (e.key === 'Enter') open(); } }, [
        h('span', { class: 'pg-list-value' }, '+' + p.newly_covered_count),
        h('span', { class: 'pg-list-name' }, '★ ' + p.rank + ' · ' + f.geometry.coordinates.map((c) => c.toFixed(4)).join(', '))]);
    }));
    out.replaceChildren(
      h('h4', {}, 'New sites 新站点 · ' + entry.cfg.label),
      h('table', { class: 'pg-summary', id: 'pg-f-summary' }, rows.map(([k, v]) => h('tr', {}, [h('th', {}, k), h('td', {}, v)]))),
      h('p', { class: 'pg-legend-inline' }, [h('span', { class: 'pg-f-star-inline' }, '★'), ' new site 新站点 ',
        h('i', { class: 'pg-dot', style: 'background:#ce93d8;border-color:' + NEW }), ' newly covered 新增覆盖']),
      features.length ? list : h('p', { class: 'pg-hint' }, 'No site adds coverage 无新增覆盖'));
  }

  sync();
  root.append(
    h('div', { class: 'pg-grid' }, [P.field('New sites p 新站点数', pInput), P.field('Candidates 候选', candKind), gridBox, layerBox,
      P.field('Demand 需求点', demand), P.field('Weight 权重', weight), P.field('Existing 现有供电点', existing),
      P.field('Radius 半径', kind), constantBox, ruleBox, P.field('Solver 求解器', solver)]),
    h('div', { class: 'pg-buttons' }, [runButton, cancelButton,
      h('button', { type: 'button', class: 'pg-btn', id: 'pg-f-clear', onclick: () => { clearLayers(); out.replaceChildren(); } }, 'Clear 清除')]),
    out);
}

P.tab({ id: 'facility', label: 'Facility 新设施', title: 'New facility placement 新设施选址', build });
