/*
 * Statistics tab ("Statistics 统计"): GET /statistics drawn as small inline SVG charts (charts.js),
 * with the numbers as tables as well.
 */
(function () {
  'use strict';
  const P = window.ParkGridPanels;
  const C = window.ParkGridCharts;
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
    facilities_by_category: 'Facilities by category 设施（按类别）'
  };

  function classLabel(ctx, layer, value) {
    const cfg = ctx.layerConfig[layer];
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
      const cls = classLabel(ctx, 'enterprises', g.value);
      return { label: cls ? cls.label : String(g.value === null ? 'unknown 未知' : g.value), value: g.count,
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

  function upgradeCharts(u) {
    const years = u.years || [];
    const perYear = C.columnChart({ id: 'pg-chart-upgrades', title: 'Village grid upgrades per year 农网改造（按年）',
      unit: 'villages 村', digits: 0, height: 200,
      categories: years.map((y) => String(y.year)),
      series: [
        { name: 'upgraded 已改造', color: '#1a9850', values: years.map((y) => y.upgraded || 0) },
        { name: 'planned 计划', color: '#fdae61', values: years.map((y) => y.planned || 0) },
        { name: 'cumulative 累计', color: '#00441b', values: years.map((y) => y.cumulative || 0) }] });
    const targets = u.targets || [];
    const bars = [];
    targets.forEach((t) => {
      bars.push({ label: t.year + ' target 目标', value: t.villages, color: '#bdbdbd', text: t.villages + ' city-wide 全市' });
      bars.push({ label: t.year + ' seed 样本', value: t.achieved, color: '#1a9850',
        text: t.achieved + ' · ' + (t.share * 100).toFixed(1) + ' %' });
    });
    const targetChart = C.barChart({ id: 'pg-chart-targets', title: 'Upgrade targets vs seed villages 改造目标与样本',
      unit: 'villages 村', bars, labelWidth: 96, right: 92 });
    return perYear + targetChart;
  }

  function format(value) {
    return Number(value) % 1 ? String(Number(value)) : String(Math.round(Number(value)));
  }

  function table(key, groups) {
    const cols = ['value', 'count', 'length_km', 'area_m2', 'share_of_park', 'sum']
      .filter((c) => groups.some((g) => g[c] !== undefined && g[c] !== 0 && g[c] !== null) || c === 'value' || c === 'count');
    return h('table', { class: 'pg-stat-table', 'data-section': key }, [
      h('caption', {}, SECTION_TITLES[key] || key),
      h('tr', {}, cols.map((c) => h('th', {}, c))),
      ...groups.map((g) => h('tr', {}, cols.map((c) => h('td', {}, g[c] === null || g[c] === undefined ? '–' :
        c === 'share_of_park' ? (g[c] * 100).toFixed(1) + ' %' : String(g[c])))))]);
  }

  function figure(id, svg, note) {
    const fig = h('figure', { class: 'pg-figure', id }, []);
    fig.innerHTML = svg;
    if (note) fig.append(h('figcaption', {}, note));
    return fig;
  }

  async function load(root, ctx) {
    const out = h('div', { id: 'pg-s-content' });
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
    if (s.village_upgrades) {
      const u = s.village_upgrades;
      parts.push(figure('pg-fig-upgrades', upgradeCharts(u),
        'The seed holds only the ' + u.villages + ' villages named in the source (' + u.upgraded + ' upgraded, ' + u.planned +
        ' planned, ' + u.notStarted + ' not started); the targets of ' +
        (u.targets || []).map((t) => t.villages + ' by ' + t.year).join(' and ') +
        ' (cumulative) are city-wide, so the seed cannot reach them. 样本只含资料中点名的 ' + u.villages + ' 个村庄，目标为全市指标。'));
    }
    const tables = Object.keys(s).filter((k) => Array.isArray(s[k])).map((k) => table(k, s[k]));
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
}());
