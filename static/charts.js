/*
 * Bar charts drawn by Apache ECharts (npm echarts, /static/vendor/echarts/dist/echarts.min.js):
 * columnChart (vertical, grouped) and barChart (horizontal, optionally stacked). Each returns a
 * <div class="pg-chart"> holding one ECharts instance with a title, axis and value labels, a tooltip,
 * a legend and a PNG download (toolbox saveAsImage). Read a chart's figures back with
 * echarts.getInstanceByDom(element).getOption().
 */

/** The statistics panel's content width in CSS pixels (the statistics tab widens .pg-panel to 380 px, less its padding and scroll bar). */
const PANEL_WIDTH = 340;
/** Long titles wrap short of the PNG button (mount() sets the width). */
const TITLE_STYLE = { fontSize: 12, fontWeight: 700, color: '#1b5e20', overflow: 'break' };
const TICK_STYLE = { fontSize: 10, color: '#444' };

/** The panel's width, or the phone screen's less the panel's margins and padding when that is narrower. */
function chartWidth() {
  return Math.max(200, Math.min(PANEL_WIDTH, window.innerWidth - 44));
}

function format(value, digits) {
  const d = digits === undefined ? (Math.abs(value) < 10 && value % 1 ? 1 : 0) : digits;
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

function toolbox(spec) {
  return { right: 0, top: 0, itemSize: 12,
    feature: { saveAsImage: { type: 'png', name: spec.id, title: 'PNG', pixelRatio: 2, backgroundColor: '#fff' } } };
}

/** A <div> of the given size with the chart in it; the chart is labelled for screen readers too. */
function mount(spec, option, width, height) {
  const el = document.createElement('div');
  el.className = 'pg-chart';
  el.id = spec.id;
  el.style.width = width + 'px';
  el.style.height = height + 'px';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', spec.title);
  option.title.textStyle = Object.assign({}, option.title.textStyle, { width: width - 40 });
  const chart = window.echarts.init(el, null, { renderer: 'canvas', width, height });
  chart.setOption(Object.assign({ animation: false, aria: { enabled: true }, textStyle: { fontFamily: 'inherit' } }, option));
  return el;
}

/**
 * Consecutive categories with the same note show it once, under the middle one of the run, so the notes
 * of narrow columns do not run into each other (the tooltip gives every category its note).
 */
function noteRuns(notes) {
  const out = notes.map(() => null);
  for (let i = 0; i < notes.length;) {
    let j = i;
    while (j + 1 < notes.length && notes[j + 1] === notes[i]) j++;
    if (notes[i]) out[Math.floor((i + j) / 2)] = notes[i];
    i = j + 1;
  }
  return out;
}

/**
 * Vertical (grouped) columns.
 * spec: {id, title, categories: [label], series: [{name, color | colors: [..], values: [number]}],
 *        unit, digits, height, references: [{value, label, color}],
 *        categoryNotes: [text | null] (a second, smaller line under a category, e.g. "illustrative 示意")}
 */
function columnChart(spec) {
  const height = spec.height || 190;
  const notes = spec.categoryNotes || [];
  const drawnNotes = noteRuns(notes);
  const suffix = spec.unit ? ' ' + spec.unit : '';
  const series = spec.series.map((s, j) => ({
    name: s.name, type: 'bar', barMaxWidth: 40,
    itemStyle: { color: s.color || (s.colors && s.colors[0]) },
    data: s.values.map((v, i) => ({ value: v || 0, itemStyle: { color: s.colors ? s.colors[i] : s.color } })),
    label: { show: true, position: 'top', fontSize: 9, color: '#222', formatter: (p) => format(p.value, spec.digits) },
    markLine: j === 0 && (spec.references || []).length ? { symbol: 'none', silent: true,
      data: spec.references.map((r) => ({ yAxis: r.value, name: r.label, lineStyle: { color: r.color || '#c62828' },
        label: { formatter: r.label, position: 'insideEndTop', color: r.color || '#c62828', fontSize: 9 } })) } : undefined
  }));
  const option = {
    title: { text: spec.title, left: 0, top: 0, textStyle: TITLE_STYLE },
    toolbox: toolbox(spec),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (items) => {
      const i = items.length ? items[0].dataIndex : 0;
      return [spec.categories[i] + (notes[i] ? ' · ' + notes[i] : '')].concat(items.map((p) => p.marker + p.seriesName + ': ' +
        format(p.value, spec.digits) + suffix)).join('<br>');
    } },
    legend: { bottom: 0, left: 0, itemWidth: 9, itemHeight: 9, textStyle: TICK_STYLE },
    grid: { left: 40, right: 8, top: 44, bottom: 40 + (notes.some((n) => n) ? 14 : 0), containLabel: false },
    xAxis: { type: 'category', data: spec.categories.slice(),
      axisLabel: { interval: 0, fontSize: 10, color: '#444', lineHeight: 12,
        formatter: (value, i) => (drawnNotes[i] ? value + '\n{note|' + drawnNotes[i] + '}' : value),
        rich: { note: { fontSize: 8, fontStyle: 'italic', color: '#8d6e63' } } } },
    yAxis: { type: 'value', name: spec.unit || '', nameTextStyle: TICK_STYLE, axisLabel: Object.assign({ formatter: (v) => format(v) }, TICK_STYLE) },
    series
  };
  return mount(spec, option, chartWidth(), height);
}

/**
 * Horizontal bars, one row per bar; a bar with `segments` is stacked from them (its value is their sum):
 * each segment name is one series, stacked in the order of `legend`, which the chart's legend shows.
 * spec: {id, title, bars: [{label, value, color, text, segments: [{name, value, color}]}], unit, digits,
 *        labelWidth, max, right, legend: [{name, color}]}
 */
function barChart(spec) {
  const labels = spec.bars.map((b) => b.label);
  const stacked = spec.bars.some((b) => b.segments);
  const endText = (b) => b.text || format(b.segments ? b.segments.reduce((n, s) => n + s.value, 0) : b.value, spec.digits);
  let series;
  if (stacked) {
    // stacked in the legend's order (e.g. stated before illustrative), then any segment it does not name
    const names = (spec.legend || []).map((l) => l.name);
    const colors = {};
    (spec.legend || []).forEach((l) => { colors[l.name] = l.color; });
    spec.bars.forEach((b) => (b.segments || []).forEach((s) => {
      if (!names.includes(s.name)) names.push(s.name);
      colors[s.name] = colors[s.name] || s.color || '#607d8b';
    }));
    // the row's total goes after its last segment
    const lastOf = spec.bars.map((b) => (b.segments || []).filter((s) => s.value > 0).map((s) => s.name).pop());
    series = names.map((name) => ({
      name, type: 'bar', stack: 'total', barWidth: 14, itemStyle: { color: colors[name] },
      data: spec.bars.map((b, i) => {
        const s = (b.segments || []).find((x) => x.name === name);
        return { value: s ? s.value : 0, label: { show: lastOf[i] === name, position: 'right', formatter: endText(b) } };
      }),
      label: { fontSize: 9, color: '#222' }
    }));
  } else {
    series = [{
      name: spec.unit || spec.title, type: 'bar', barWidth: 14, itemStyle: { color: (spec.bars[0] || {}).color || '#607d8b' },
      data: spec.bars.map((b) => ({ value: b.value, itemStyle: { color: b.color || '#607d8b' },
        label: { show: true, position: 'right', formatter: endText(b) } })),
      label: { fontSize: 9, color: '#222' }
    }];
  }
  const legend = spec.legend || [];
  const bottom = (spec.unit ? 34 : 22) + (stacked || legend.length ? 16 : 0);
  const height = 44 + 22 * spec.bars.length + bottom;
  const option = {
    title: { text: spec.title, left: 0, top: 0, textStyle: TITLE_STYLE },
    toolbox: toolbox(spec),
    tooltip: { trigger: 'item', formatter: (p) => p.name + (stacked ? ' · ' + p.seriesName : '') + ': ' +
      (stacked ? format(p.value, spec.digits) : endText(spec.bars[p.dataIndex])) },
    legend: { show: stacked || legend.length > 0, bottom: 0, left: 0, itemWidth: 9, itemHeight: 9, textStyle: TICK_STYLE },
    grid: { left: spec.labelWidth || 120, right: spec.right || 46, top: 40, bottom },
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: Object.assign({ interval: 0 }, TICK_STYLE) },
    xAxis: { type: 'value', max: spec.max || undefined, name: spec.unit || '', nameLocation: 'middle', nameGap: 20,
      nameTextStyle: TICK_STYLE, axisLabel: Object.assign({ formatter: (v) => format(v) }, TICK_STYLE) },
    series
  };
  return mount(spec, option, chartWidth(), height);
}

/** Frees the charts inside `root` (before their elements are replaced). */
function disposeIn(root) {
  root.querySelectorAll('.pg-chart').forEach((el) => {
    const chart = window.echarts.getInstanceByDom(el);
    if (chart) chart.dispose();
  });
}

export { columnChart, barChart, disposeIn };
