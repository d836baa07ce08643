/*
 * Statistics tab ("Statistics 统计"): GET /statistics drawn as small ECharts bar charts (charts.js),
 * with the numbers as tables as well. Figures the source article states are shown as stated, each with
 * its source; the data's own value is shown beside them only as a check. Invented values (capacities,
 * upgrade years) are labelled illustrative.
 */
import * as ParkGridCharts from './charts.js';
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
const P = ParkGridPanels;
const C = ParkGridCharts;
const h = P.h;

const LAND_USE = { industrial: '工业', logistics: '物流仓储', admin: '行政办公', green: '绿地', utility: '公用设施',
  residential: '居住', commercial: '商业', road: '道路' };
const SECTION_TITLES = {
  power_lines_km_by_voltage: 'Power lines by voltage 线路（按电压）',
  enterprises_by_cluster: 'Enterprises by cluster 企业（按产业集群）',
  enterprises_by_status: 'Enterprises by status 企业（按状态）',
  parcels_by_land_use: 'Parcels by land use 地块（按用途）',
  parcels_by_status: 'Parcels by status 地块（按状态）',
  transformers_kva_by_village: 'Transformer kVA by village 配变容量（按村）',
  facilities_by_category: 'Facilities by category 设施（按类别）',
  layers: 'Features per layer 各图层要素',
  article_figures: 'Figures stated by the article 资料所载数字'
};
/** Where a transformer's kVA comes from (transformers.capacity_source). */
const CAPACITY_SOURCES = {
  article_new: { name: 'new (article) 新增（资料）', short: 'new (article)', color: '#1a9850' },
  illustrative_new: { name: 'new, illustrative 新增（示意）', short: 'new (illustrative)', color: '#fdae61' },
  illustrative_existing: { name: 'existing, illustrative 现有（示意）', short: 'existing (illustrative)', color: '#bdbdbd' }
};
const YEAR_SOURCES = { illustrative: 'illustrative 示意', inferred: 'inferred 推定' };
const LEDGER_KEYS = ['ledger_industrial', 'ledger_production_sales', 'ledger_tech_transfer', 'ledger_industry_finance'];

/** The map's class (label, style) of `value` in the style of the layer playing `role`. */
function classLabel(ctx, role, value) {
  const cfg = ctx.layerConfig[role];
  const cls = cfg && cfg.classify && cfg.classify.classes.find((c) => c.value === String(value));
  return cls ? cls : null;
}

function voltageChart(ctx, groups) {
  const sorted = groups.slice().sort((a, b) => Number(b.value) - Number(a.value));
  const colorOf = (v) => {
    const cls = ctx.voltageClasses.find((c) => Number(c.value) === Number(v));
    return cls ? cls.style.color : '#607d8b';
  };
  return C.columnChart({ id: 'pg-chart-voltage', title: 'Line length by voltage 线路长度（按电压）', unit: 'km', digits: 1,
    categories: sorted.map((g) => format(g.value) + ' kV'),
    series: [{ name: 'length km', colors: sorted.map((g) => colorOf(g.value)), values: sorted.map((g) => g.length_km) }] });
}

function clusterChart(ctx, groups) {
  const bars = groups.slice().sort((a, b) => b.count - a.count).map((g) => {
    const cls = classLabel(ctx, ParkGridRoles.ROLE.ENTERPRISES, g.value);
    return { label: cls ? cls.label : String(g.value === null ? 'not stated 未载' : g.value), value: g.count,
      color: cls && cls.style.fillColor ? cls.style.fillColor : '#607d8b' };
  });
  return C.barChart({ id: 'pg-chart-clusters', title: 'Enterprises by cluster 企业（按产业集群）', unit: 'count 家', bars,
    labelWidth: 130 });
}

function landUseChart(groups) {
  const bars = groups.slice().sort((a, b) => (b.share_of_park || 0) - (a.share_of_park || 0)).map((g) => ({
    label: g.value + (LAND_USE[g.value] ? ' ' + LAND_USE[g.value] : ''), value: (g.share_of_park || 0) * 100,
    text: ((g.share_of_park || 0) * 100).toFixed(1) + ' %', color: g.value === 'green' ? '#66bb6a' : '#8d6e63' }));
  return C.barChart({ id: 'pg-chart-landuse', title: 'Park land use, share of park area 园区用地占比', unit: '% of park',
    bars, max: Math.max(...bars.map((b) => b.value), 1), labelWidth: 120 });
}

/** "2020 illustrative 示意" etc.: what a year of the upgrade chart rests on. */
function yearNote(y) {
  if (y.year === null) return 'not stated';
  const s = y.yearSources || [];
  return s.includes('illustrative') ? YEAR_SOURCES.illustrative : s.includes('inferred') ? YEAR_SOURCES.inferred : null;
}

function upgradeCharts(u) {
  const years = u.years || [];
  const perYear = C.columnChart({ id: 'pg-chart-upgrades', title: 'Village grid upgrades per year 农网改造（按年）',
    unit: 'villages 村', digits: 0, height: 214, width: 360,
    categories: years.map((y) => y.year === null ? 'year? 年份' : String(y.year)),
    categoryNotes: years.map(yearNote),
    series: [
      { name: 'upgraded 已改造', color: '#1a9850', values: years.map((y) => y.upgraded || 0) },
      { name: 'planned 计划', color: '#fdae61', values: years.map((y) => y.planned || 0) },
      { name: 'cumulative 累计', color: '#00441b', values: years.map((y) => y.cumulative || 0) }] });
  const targets = u.targets || [];
  const bars = [];
  targets.forEach((t) => {
    bars.push({ label: t.year + ' target 目标', value: t.cumulativeVillages, color: '#bdbdbd',
      text: t.cumulativeVillages + ' city-wide 全市' });
    bars.push({ label: t.year + ' seed 样本', value: t.achieved, color: '#1a9850',
      text: t.achieved + ' · ' + (t.share * 100).toFixed(1) + ' %' });
  });
  const targetChart = C.barChart({ id: 'pg-chart-targets', title: 'Upgrade targets vs seed villages 改造目标与样本',
    unit: 'villages 村', bars, labelWidth: 96, right: 92 });
  return [perYear, targetChart];
}

function format(value) {
  return Number(value) % 1 ? String(Number(value)) : String(Math.round(Number(value)));
}

/** A stated figure as the article gives it: "> 8 bn yuan (80 亿元)", "12.73 bn yuan (127.3 亿元)", "800 kVA". */
function stated(f) {
  const prefix = f.qualifier === 'more_than' ? '> ' : f.qualifier === 'additional' ? '+' : '';
  const v = Number(f.value);
  if (/yuan/.test(f.unit || '') && v >= 1e8) return prefix + format(v / 1e9) + ' bn yuan (' + format(v / 1e8) + ' 亿元)';
  if (/yuan/.test(f.unit || '') && v >= 1e4) return prefix + format(v / 1e6) + ' million yuan (' + format(v / 1e4) + ' 万元)';
  return prefix + format(v) + ' ' + (f.unit || '');
}

function sourceLabel(f) {
  return '(' + f.source + ')';
}

function figuresTable(figures) {
  return h('table', { class: 'pg-stat-table', id: 'pg-table-figures', 'data-section': 'article_figures' }, [
    h('caption', {}, SECTION_TITLES.article_figures),
    h('tr', {}, ['figure 项目', 'stated 资料', 'in data 数据', 'source 出处', 'wording 原文'].map((c) => h('th', {}, c))),
    ...figures.map((f) => h('tr', { 'data-key': f.key, 'data-year': f.year === null ? '' : String(f.year) }, [
      h('td', {}, (f.year ? f.year + ' ' : '') + f.label + (f.label_zh ? ' ' + f.label_zh : '') + (f.scope ? ' · ' + f.scope : '')),
      h('td', { class: 'pg-stated' }, stated(f)),
      h('td', {}, f.in_data === null ? 'not in the data 无对应数据' : format(f.in_data) + (f.agrees ? ' ✓' : ' ≠ stated')),
      h('td', { class: 'pg-source' }, f.source),
      h('td', {}, f.quote_zh)]))]);
}

/** The ledger's four categories as the article states them, with its total and investment. */
function ledgerChart(figures) {
  const cats = LEDGER_KEYS.map((k) => figures.find((f) => f.key === k)).filter((f) => f);
  const total = figures.find((f) => f.key === 'ledger_projects');
  const title = 'Ledger' + (total ? ': ' + format(total.value) + ' projects' : '') + ' 台账 (article)';
  return C.barChart({ id: 'pg-chart-ledger', title, unit: 'projects 项 (stated)', labelWidth: 110, right: 40,
    bars: cats.map((f) => ({ label: f.label_zh || f.label, value: f.value, color: '#5c6bc0',
      text: format(f.value) })) });
}

function transformerChart(groups) {
  const bars = groups.map((g) => {
    const parts = (g.by_capacity_source || []).filter((p) => p.sum > 0);
    return { label: g.value === null ? 'park 园区' : String(g.value), value: parts.reduce((n, p) => n + p.sum, 0),
      text: format(g.sum) + ' kVA',
      segments: parts.map((p) => ({ name: (CAPACITY_SOURCES[p.value] || { name: String(p.value) }).name, value: p.sum,
        color: (CAPACITY_SOURCES[p.value] || { color: '#607d8b' }).color })) };
  });
  const used = Object.keys(CAPACITY_SOURCES).filter((k) => groups.some((g) => (g.by_capacity_source || []).some((p) => p.value === k)));
  return C.barChart({ id: 'pg-chart-transformers', title: 'Transformer kVA by village 配变容量（按村）', unit: 'kVA', bars,
    labelWidth: 80, right: 60, legend: used.map((k) => ({ name: CAPACITY_SOURCES[k].name, color: CAPACITY_SOURCES[k].color })) });
}

/** "800 kVA new (article) + 200 kVA existing (illustrative)" for the village a capacity figure is about. */
function capacityText(group) {
  return (group.by_capacity_source || []).filter((p) => p.sum > 0).map((p) =>
    format(p.sum) + ' kVA ' + (CAPACITY_SOURCES[p.value] ? CAPACITY_SOURCES[p.value].short : p.value)).join(' + ');
}

function articleFigures(s) {
  const figures = s.article_figures || [];
  const byKey = (k) => figures.filter((f) => f.key === k);
  const layerOf = (f) => (s.layers || []).find((l) => l.layer === f.layer);
  const parts = [h('p', { class: 'pg-hint' }, 'Figures as the source article states them, with their source; "in data" only checks ' +
    'the seed against them. 以下为资料原文数字及出处。')];
  byKey('enterprises_total').forEach((f) => {
    const l = layerOf(f);
    parts.push(h('p', { id: 'pg-art-enterprises', class: 'pg-hint' }, [h('b', {}, stated(f) + ' '), f.label + ' ' + f.label_zh + ' ',
      h('span', { class: 'pg-source' }, sourceLabel(f)), l ? ' — in the data: ' + l.features + ' (' + l.positioned + ' positioned, ' +
        l.placeholders + ' placeholders 有位置 ' + l.positioned + ' 家，占位 ' + l.placeholders + ' 家)' : '']));
  });
  byKey('enterprises_annual_output').forEach((f) => parts.push(h('p', { id: 'pg-art-output', class: 'pg-hint' },
    [h('b', {}, stated(f) + ' '), f.label + ' ' + f.label_zh + ' ', h('span', { class: 'pg-source' }, sourceLabel(f))])));
  if (figures.some((f) => LEDGER_KEYS.includes(f.key))) {
    const fig = h('figure', { class: 'pg-figure', id: 'pg-fig-ledger' }, []);
    fig.append(ledgerChart(figures));
    const caption = [];
    byKey('ledger_projects').forEach((f) => {
      const l = layerOf(f);
      caption.push(stated(f) + ' ' + sourceLabel(f) + (l ? '; the data holds ' + l.features + ' entries, ' + l.placeholders +
        ' placeholders with no place 均为占位，无位置' : ''));
    });
    byKey('ledger_investment').forEach((f) => caption.push(f.label + ' ' + f.label_zh + ': ' + stated(f) + ' ' + sourceLabel(f) +
      ' — stated total; no entry carries an investment figure 各项目投资未载'));
    fig.append(h('figcaption', { id: 'pg-ledger-note' }, caption.join('. ')));
    parts.push(fig);
  }
  const substations = byKey('substation_110kv_target').sort((a, b) => a.year - b.year);
  if (substations.length) {
    parts.push(h('p', { id: 'pg-art-substations', class: 'pg-hint' }, [h('b', {}, '110 kV substation targets 110千伏变电站目标: '),
      substations.map((f) => (f.qualifier === 'additional' ? format(f.value) + ' more by ' : format(f.value) + ' by ') + f.year +
        (f.qualifier === 'additional' ? ' 再完成' : ' 完成') + format(f.value) + '座').join(', ') + ' (' +
        (substations[0].scope || '') + ') ', h('span', { class: 'pg-source' }, sourceLabel(substations[0]))]));
  }
  byKey('chengcun_new_kva').forEach((f) => {
    const g = (s.transformers_kva_by_village || []).find((x) => x.value === f.scope);
    parts.push(h('p', { id: 'pg-art-chengcun', class: 'pg-hint' }, [h('b', {}, f.scope + ': '), format(f.value) + ' kVA new (article) ',
      h('span', { class: 'pg-source' }, sourceLabel(f)), g ? ' — in the data: ' + capacityText(g) +
        '; ratings other than the article\'s are invented 其余容量为示意' : '']));
  });
  const wrap = h('div', { id: 'pg-article', class: 'pg-figure' }, parts);
  wrap.append(figuresTable(figures));
  return wrap;
}

/** The upgrade note, from the same years the chart draws (so text and chart agree). */
function upgradeNote(u) {
  const years = u.years || [];
  const upgraded = years.reduce((n, y) => n + (y.upgraded || 0), 0);
  const planned = years.reduce((n, y) => n + (y.planned || 0), 0);
  const noYear = years.filter((y) => y.year === null).reduce((n, y) => n + y.upgraded, 0);
  const illustrative = years.filter((y) => y.year !== null && (y.yearSources || []).includes('illustrative')).map((y) => y.year);
  const inferred = years.filter((y) => y.year !== null && !(y.yearSources || []).includes('illustrative') &&
    (y.yearSources || []).includes('inferred')).map((y) => y.year);
  const named = u.namedInSource || [];
  const targets = (u.targets || []).map((t) => (t.qualifier === 'additional' ? t.villages + ' more by ' : t.villages + ' by ') + t.year);
  const total = (u.targets || []).length ? u.targets[u.targets.length - 1].cumulativeVillages : null;
  return 'The seed holds ' + u.villages + ' villages; the article names ' + named.length + ' of them (' + named.join('、') + '). ' +
    upgraded + ' upgraded, ' + planned + ' planned' + (noYear ? ' (' + noYear + ' upgraded with no year stated)' : '') + '. ' +
    'The article states no upgrade year: ' + (inferred.length ? inferred.join(', ') + ' inferred from its wording, ' : '') +
    (illustrative.length ? illustrative.join(', ') + ' illustrative (invented). ' : '') +
    (targets.length ? 'The targets of ' + targets.join(' and ') + (total ? ' (' + total + ' in all)' : '') +
      ' are city-wide, so the seed cannot reach them. ' : '') +
    '资料点名的村庄：' + named.join('、') + '；改造年份资料未载，图中年份为推定或示意；目标为全市指标。';
}

function table(key, groups) {
  const scalar = (v) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  const keys = [];
  groups.forEach((g) => Object.keys(g).forEach((k) => { if (scalar(g[k]) && !keys.includes(k)) keys.push(k); }));
  const cols = keys.filter((c) => groups.some((g) => g[c] !== undefined && g[c] !== 0 && g[c] !== null) || c === 'value' || c === 'count');
  return h('table', { class: 'pg-stat-table', 'data-section': key }, [
    h('caption', {}, SECTION_TITLES[key] || key),
    h('tr', {}, cols.map((c) => h('th', {}, c))),
    ...groups.map((g) => h('tr', {}, cols.map((c) => h('td', {}, g[c] === null || g[c] === undefined ? '–' :
      c === 'share_of_park' ? (g[c] * 100).toFixed(1) + ' %' : String(g[c])))))]);
}

function figure(id, charts, note) {
  const fig = h('figure', { class: 'pg-figure', id }, []);
  fig.append(...[].concat(charts));
  if (note) fig.append(h('figcaption', {}, note));
  return fig;
}

async function load(root, ctx) {
  const out = h('div', { id: 'pg-s-content' });
  C.disposeIn(root);
  root.replaceChildren(out);
  P.busy(out, 'Loading… 加载中');
  let s;
  try {
    s = await P.getJson('/statistics');
  } catch (err) {
    P.showProblem(out, err);
    return;
  }
  const parts = [];
  if (s.article_figures && s.article_figures.length) parts.push(articleFigures(s));
  if (s.park_area_m2) {
    parts.push(h('p', { class: 'pg-hint' }, 'Park area 园区面积: ' + (s.park_area_m2 / 1e6).toFixed(2) + ' km²'));
  }
  if (s.power_lines_km_by_voltage) parts.push(figure('pg-fig-voltage', voltageChart(ctx, s.power_lines_km_by_voltage)));
  if (s.enterprises_by_cluster) parts.push(figure('pg-fig-clusters', clusterChart(ctx, s.enterprises_by_cluster)));
  if (s.parcels_by_land_use) {
    const share = s.parcels_by_land_use.reduce((n, g) => n + (g.share_of_park || 0), 0);
    parts.push(figure('pg-fig-landuse', landUseChart(s.parcels_by_land_use),
      'Parcels cover ' + (share * 100).toFixed(1) + ' % of the park; the rest is roads and unassigned land. 其余为道路及未划分用地。'));
  }
  if (s.transformers_kva_by_village) parts.push(figure('pg-fig-transformers', transformerChart(s.transformers_kva_by_village)));
  if (s.village_upgrades) {
    parts.push(figure('pg-fig-upgrades', upgradeCharts(s.village_upgrades), upgradeNote(s.village_upgrades)));
  }
  const tables = Object.keys(s).filter((k) => Array.isArray(s[k]) && k !== 'article_figures').map((k) => table(k, s[k]));
  parts.push(h('details', { class: 'pg-tables' }, [h('summary', {}, 'Tables 数据表'), ...tables]));
  parts.push(h('p', { class: 'pg-links' }, [h('a', { href: '/statistics', target: '_blank', rel: 'noopener' }, 'JSON')]));
  out.replaceChildren(...parts);
}

P.tab({
  id: 'statistics', label: 'Statistics 统计', title: 'Statistics 统计',
  build: (root, ctx) => {
    root.append(h('div', { class: 'pg-buttons' }, [h('button', { type: 'button', class: 'pg-btn', id: 'pg-s-reload',
      onclick: () => load(content, ctx) }, 'Reload 刷新')]));
    const content = h('div');
    root.append(content);
    load(content, ctx);
  }
});
