/*
 * Hand-written inline SVG bar charts (no chart library): columnChart (vertical, grouped) and
 * barChart (horizontal). Each returns an <svg> string with a <title>, axis ticks and value labels.
 */
(function () {
  'use strict';

  function esc(value) {
    return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  /** Tick step of 1, 2 or 5 × 10^n giving about `count` ticks up to max. */
  function ticks(max, count) {
    if (!(max > 0)) return [0, 1];
    const raw = max / (count || 4);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
    const out = [];
    for (let v = 0; v < max + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
    return out;
  }

  /** Rough width in px of text at the given font size: CJK glyphs are square, Latin about 0.58 em. */
  function textWidth(text, size) {
    return Array.from(String(text)).reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 1 : 0.58), 0) * size;
  }

  function format(value, digits) {
    const d = digits === undefined ? (Math.abs(value) < 10 && value % 1 ? 1 : 0) : digits;
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  }

  /**
   * Vertical (grouped) columns.
   * spec: {id, title, categories: [label], series: [{name, color | colors: [..], values: [number]}],
   *        unit, digits, width, height, references: [{value, label, color}],
   *        categoryNotes: [text | null] (a second, smaller line under a category, e.g. "illustrative 示意";
   *        consecutive equal notes are drawn once under a bracket spanning their categories)}
   */
  function columnChart(spec) {
    const width = spec.width || 320, height = spec.height || 190;
    const notes = spec.categoryNotes || [];
    const noteRow = notes.some((n) => n) ? 12 : 0;
    const m = { top: 34, right: 8, bottom: (spec.series.length > 1 ? 34 : 22) + noteRow, left: 40 };
    const plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
    const values = spec.series.flatMap((s) => s.values).concat((spec.references || []).map((r) => r.value));
    const axis = ticks(Math.max(...values, 0), 4);
    const top = axis[axis.length - 1];
    const y = (v) => m.top + plotH - (v / top) * plotH;
    const groupW = plotW / spec.categories.length;
    const barW = Math.min(40, (groupW * 0.75) / spec.series.length);
    const parts = ['<svg class="pg-chart" id="' + esc(spec.id) + '" viewBox="0 0 ' + width + ' ' + height +
      '" role="img" aria-labelledby="' + esc(spec.id) + '-title" xmlns="http://www.w3.org/2000/svg">',
    '<title id="' + esc(spec.id) + '-title">' + esc(spec.title) + '</title>',
    '<text class="pg-chart-title" x="0" y="13">' + esc(spec.title) + '</text>'];
    axis.forEach((t) => {
      parts.push('<line class="pg-grid-line" x1="' + m.left + '" x2="' + (width - m.right) + '" y1="' + y(t) + '" y2="' + y(t) + '"/>',
        '<text class="pg-tick" x="' + (m.left - 4) + '" y="' + (y(t) + 3.5) + '" text-anchor="end">' + esc(format(t)) + '</text>');
    });
    if (spec.unit) parts.push('<text class="pg-axis-label" x="2" y="' + (m.top - 10) + '">' + esc(spec.unit) + '</text>');
    spec.categories.forEach((c, i) => {
      const x0 = m.left + groupW * i + (groupW - barW * spec.series.length) / 2;
      spec.series.forEach((s, j) => {
        const v = s.values[i] || 0;
        const x = x0 + barW * j;
        const color = s.colors ? s.colors[i] : s.color;
        parts.push('<rect class="pg-bar" data-series="' + esc(s.name) + '" data-category="' + esc(c) + '" data-value="' + v +
          '" x="' + x.toFixed(1) + '" y="' + y(v).toFixed(1) + '" width="' + (barW - 2).toFixed(1) + '" height="' +
          Math.max(0, m.top + plotH - y(v)).toFixed(1) + '" fill="' + esc(color) + '"><title>' + esc(c + ' · ' + s.name + ': ' +
          format(v, spec.digits) + (spec.unit ? ' ' + spec.unit : '')) + '</title></rect>',
        '<text class="pg-value" x="' + (x + (barW - 2) / 2).toFixed(1) + '" y="' + (y(v) - 3).toFixed(1) + '" text-anchor="middle">' +
          esc(format(v, spec.digits)) + '</text>');
      });
      parts.push('<text class="pg-tick" x="' + (m.left + groupW * (i + 0.5)).toFixed(1) + '" y="' + (m.top + plotH + 13) +
        '" text-anchor="middle">' + esc(c) + '</text>');

    });
    // consecutive categories with the same note share one label, centred under a bracket spanning them
    for (let i = 0; i < notes.length;) {
      let j = i;
      while (j + 1 < notes.length && notes[j + 1] === notes[i]) j++;
      if (notes[i]) {
        const x0 = m.left + groupW * i + 3, x1 = m.left + groupW * (j + 1) - 3, yNote = m.top + plotH + 13 + noteRow;
        parts.push('<line class="pg-note-bracket" x1="' + x0.toFixed(1) + '" x2="' + x1.toFixed(1) + '" y1="' + (yNote - 9) +
          '" y2="' + (yNote - 9) + '" stroke="#8d6e63" stroke-width="0.8"/>',
        '<text class="pg-tick pg-tick-note" font-size="8" font-style="italic" fill="#8d6e63" x="' + ((x0 + x1) / 2).toFixed(1) +
          '" y="' + yNote + '" text-anchor="middle">' + esc(notes[i]) + '</text>');
      }
      i = j + 1;
    }
    (spec.references || []).forEach((r) => {
      parts.push('<line class="pg-ref" x1="' + m.left + '" x2="' + (width - m.right) + '" y1="' + y(r.value) + '" y2="' + y(r.value) +
        '" stroke="' + esc(r.color || '#c62828') + '"/>', '<text class="pg-ref-label" x="' + (width - m.right) + '" y="' + (y(r.value) - 3) +
        '" text-anchor="end" fill="' + esc(r.color || '#c62828') + '">' + esc(r.label) + '</text>');
    });
    parts.push('<line class="pg-axis" x1="' + m.left + '" x2="' + (width - m.right) + '" y1="' + (m.top + plotH) + '" y2="' + (m.top + plotH) + '"/>');
    if (spec.series.length > 1) {
      let x = m.left;
      spec.series.forEach((s) => {
        parts.push('<rect x="' + x + '" y="' + (height - 10) + '" width="9" height="9" fill="' + esc(s.color) + '"/>',
          '<text class="pg-tick" x="' + (x + 12) + '" y="' + (height - 2) + '">' + esc(s.name) + '</text>');
        x += 20 + textWidth(s.name, 10);
      });
    }
    parts.push('</svg>');
    return parts.join('');
  }

  /**
   * Horizontal bars, one per row; a bar with `segments` is stacked from them (its value is their sum).
   * spec: {id, title, bars: [{label, value, color, text, segments: [{name, value, color}]}], unit, digits,
   *        width, labelWidth, max, right, legend: [{name, color}]}
   */
  function barChart(spec) {
    const width = spec.width || 320, rowH = 20, labelW = spec.labelWidth || 120;
    const legend = spec.legend || [];
    const m = { top: 22, right: spec.right || 46, bottom: (spec.unit ? 34 : 22) + (legend.length ? 14 : 0), left: labelW };
    const plotW = width - m.left - m.right;
    const height = m.top + rowH * spec.bars.length + m.bottom;
    const axis = ticks(spec.max || Math.max(...spec.bars.map((b) => b.value), 0), 4);
    const top = axis[axis.length - 1];
    const x = (v) => m.left + (v / top) * plotW;
    const parts = ['<svg class="pg-chart" id="' + esc(spec.id) + '" viewBox="0 0 ' + width + ' ' + height +
      '" role="img" aria-labelledby="' + esc(spec.id) + '-title" xmlns="http://www.w3.org/2000/svg">',
    '<title id="' + esc(spec.id) + '-title">' + esc(spec.title) + '</title>',
    '<text class="pg-chart-title" x="0" y="13">' + esc(spec.title) + '</text>'];
    const plotBottom = m.top + rowH * spec.bars.length;
    axis.forEach((t) => {
      parts.push('<line class="pg-grid-line" x1="' + x(t) + '" x2="' + x(t) + '" y1="' + m.top + '" y2="' + plotBottom + '"/>',
        '<text class="pg-tick" x="' + x(t) + '" y="' + (plotBottom + 12) + '" text-anchor="middle">' + esc(format(t)) + '</text>');
    });
    if (spec.unit) parts.push('<text class="pg-axis-label" x="' + (m.left + plotW / 2) + '" y="' + (plotBottom + 26) + '" text-anchor="middle">' + esc(spec.unit) + '</text>');
    spec.bars.forEach((b, i) => {
      const yTop = m.top + rowH * i + 3;
      parts.push('<text class="pg-tick" x="' + (m.left - 4) + '" y="' + (yTop + 11) + '" text-anchor="end">' + esc(b.label) + '</text>');
      const segments = b.segments || [{ name: null, value: b.value, color: b.color }];
      let start = 0;
      segments.forEach((sg) => {
        parts.push('<rect class="pg-bar" data-category="' + esc(b.label) + '"' + (sg.name ? ' data-series="' + esc(sg.name) + '"' : '') +
          ' data-value="' + sg.value + '" x="' + x(start).toFixed(1) + '" y="' + yTop + '" width="' +
          Math.max(0.5, x(start + sg.value) - x(start)).toFixed(1) + '" height="' + (rowH - 6) + '" fill="' + esc(sg.color || '#607d8b') +
          '"><title>' + esc(b.label + (sg.name ? ' · ' + sg.name : '') + ': ' + (sg.name ? format(sg.value, spec.digits) : b.text ||
          format(sg.value, spec.digits))) + '</title></rect>');
        start += sg.value;
      });
      parts.push('<text class="pg-value" x="' + (x(start) + 3).toFixed(1) + '" y="' + (yTop + 11) + '">' + esc(b.text || format(start, spec.digits)) + '</text>');
    });
    parts.push('<line class="pg-axis" x1="' + m.left + '" x2="' + m.left + '" y1="' + m.top + '" y2="' + plotBottom + '"/>');
    let lx = 2;
    legend.forEach((l) => {
      parts.push('<rect x="' + lx + '" y="' + (height - 10) + '" width="9" height="9" fill="' + esc(l.color) + '"/>',
        '<text class="pg-tick" x="' + (lx + 12) + '" y="' + (height - 2) + '">' + esc(l.name) + '</text>');
      lx += 20 + textWidth(l.name, 10);
    });
    parts.push('</svg>');
    return parts.join('');
  }

  window.ParkGridCharts = { columnChart, barChart, ticks };
}());
