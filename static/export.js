/*
 * Print / export of the current view ("PNG" / "PDF" in the toolbar): one A4 landscape sheet at 150 dpi
 * (SHEET.width × SHEET.height px) with a title, the map as it is drawn now (html-to-image rasterises the
 * map's panes, without the on-screen controls), a north arrow, a scale bar, the legend of what is drawn,
 * the data sources of the layers shown and the approximate-positions note (zh + en). All text is painted
 * into the image by the browser, so Chinese needs no PDF font; the PDF (jsPDF) holds that image on one
 * A4 page plus the English note, title and sources as invisible, searchable text.
 *
 * ParkGridExport.start(ctx) → { png(), pdf(), sheet() (a canvas), last ({ type, width, height, bytes, name }) }.
 */

/** A4 landscape (297 × 210 mm) at 150 dots per inch. */
const SHEET = { width: 1754, height: 1240, dpi: 150, mmWidth: 297, mmHeight: 210 };
const MARGIN = 40;
const HEADER = 92;
const FOOTER = 190;
const SIDE = 430;
const GAP = 24;
const FONT = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';
const BACKGROUND = '#f3f1ea';

function font(size, weight) {
  return (weight || 400) + ' ' + size + 'px ' + FONT;
}

/** Breaks text into lines no wider than maxWidth (words, or single characters for CJK). */
function wrap(g, text, maxWidth) {
  const tokens = String(text).match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) || [];
  const lines = [];
  let line = '';
  tokens.forEach((t) => {
    const next = line + t;
    if (g.measureText(next).width > maxWidth && line.trim()) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else {
      line = next;
    }
  });
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A round length (1, 2 or 5 × 10^n metres) no longer than maxMetres. */
function roundLength(maxMetres) {
  const power = Math.pow(10, Math.floor(Math.log10(maxMetres)));
  const n = maxMetres / power;
  return power * (n >= 5 ? 5 : n >= 2 ? 2 : 1);
}

function formatLength(metres) {
  return metres >= 1000 ? metres / 1000 + ' km' : metres + ' m';
}

function drawSwatch(g, row, x, y) {
  const s = row.style || {};
  const stroke = s.color || '#333';
  const fillColor = s.fillColor || stroke;
  g.save();
  g.lineWidth = 2;
  g.strokeStyle = stroke;
  g.fillStyle = fillColor;
  if (row.kind === 'point') {
    g.beginPath();
    g.arc(x + 10, y, 7, 0, 2 * Math.PI);
    g.fill();
    g.stroke();
  } else if (row.kind === 'line') {
    g.lineWidth = Math.max(2.5, (s.weight || 2) * 1.3);
    if (s.dashArray) g.setLineDash(String(s.dashArray).split(/[ ,]+/).map(Number));
    g.beginPath();
    g.moveTo(x, y);
    g.lineTo(x + 22, y);
    g.stroke();
  } else {
    g.globalAlpha = 0.85;
    g.fillRect(x, y - 7, 22, 14);
    g.globalAlpha = 1;
    if (s.dashArray) g.setLineDash([4, 2]);
    g.strokeRect(x, y - 7, 22, 14);
  }
  g.restore();
}

function northArrow(g, x, y) {
  g.save();
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(x - 26, y - 8, 52, 76);
  g.fillStyle = '#222';
  g.beginPath();
  g.moveTo(x, y);
  g.lineTo(x + 14, y + 40);
  g.lineTo(x, y + 32);
  g.closePath();
  g.fill();
  g.strokeStyle = '#222';
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(x, y);
  g.lineTo(x - 14, y + 40);
  g.lineTo(x, y + 32);
  g.closePath();
  g.stroke();
  g.font = font(17, 700);
  g.textAlign = 'center';
  g.fillText('N 北', x, y + 62);
  g.restore();
}

/** Scale bar for the drawn map: metresPerPixel is in sheet pixels at the map's centre. */
function scaleBar(g, x, y, metresPerPixel, maxWidth) {
  const metres = roundLength(metresPerPixel * maxWidth);
  const width = metres / metresPerPixel;
  g.save();
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(x - 12, y - 32, width + 64, 48);
  g.fillStyle = '#222';
  g.fillRect(x, y, width / 2, 8);
  g.strokeStyle = '#222';
  g.lineWidth = 1.5;
  g.strokeRect(x, y, width, 8);
  g.font = font(16);
  g.textAlign = 'left';
  g.fillText('0', x - 4, y - 8);
  g.textAlign = 'center';
  g.fillText(formatLength(metres / 2), x + width / 2, y - 8);
  g.fillText(formatLength(metres), x + width, y - 8);
  g.restore();
  return metres;
}

/** Data sources of the layers shown: each layer's "source" without its parenthesised references. */
function sourcesText(entries, map) {
  const parts = entries.filter((e) => map.hasLayer(e.layer) && e.collection.source).map((e) =>
    e.cfg.label + ': ' + e.collection.source.replace(/\s*\([^()]*\)/g, '').replace(/\s+/g, ' ').trim());
  return parts.join(' · ');
}

function start(ctx) {
  const map = ctx.map;
  const note = ctx.approximateNote;
  let lastExport = null;

  async function captureMap(scale) {
    const size = map.getSize();
    return window.htmlToImage.toCanvas(map.getContainer(), {
      width: size.x, height: size.y, pixelRatio: scale, backgroundColor: BACKGROUND, skipFonts: true,
      // a basemap tile the browser may not read back (no CORS) is left blank instead of failing the export
      imagePlaceholder: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
      filter: (node) => !(node.classList && (node.classList.contains('leaflet-control-container') ||
        node.classList.contains('leaflet-popup-pane')))
    });
  }

  /** Metres per CSS pixel east–west through the map's centre, geodesic on WGS84. */
  function metresPerCssPixel() {
    const size = map.getSize();
    const a = map.containerPointToLatLng([size.x / 2 - 50, size.y / 2]);
    const b = map.containerPointToLatLng([size.x / 2 + 50, size.y / 2]);
    return window.geodesic.Geodesic.WGS84.Inverse(a.lat, a.lng, b.lat, b.lng).s12 / 100;
  }

  function header(g, now) {
    const c = map.getCenter();
    g.fillStyle = '#1b5e20';
    g.font = font(34, 700);
    g.textAlign = 'left';
    g.textBaseline = 'alphabetic';
    g.fillText('ParkGrid 园区电网 · Map 地图', MARGIN, MARGIN + 30);
    g.fillStyle = '#444';
    g.font = font(17);
    g.fillText('Ruyang green building materials park & power grid 汝阳县绿色建材产业园与配电网 · ' +
      'centre 中心 ' + c.lng.toFixed(4) + '°E ' + c.lat.toFixed(4) + '°N · zoom ' + map.getZoom() +
      ' · WGS84 (EPSG:4326), Web Mercator view · ' + now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC', MARGIN, MARGIN + 62);
  }

  function legendColumn(g, x, y, width, bottom) {
    g.fillStyle = '#1b5e20';
    g.font = font(24, 700);
    g.textAlign = 'left';
    g.fillText('Legend 图例', x, y + 22);
    let cy = y + 56;
    const sections = ctx.legend ? ctx.legend.model() : [];
    const measured = window.parkgrid.measure && window.parkgrid.measure.summary && window.parkgrid.measure.summary();
    if (measured) sections.push({ title: 'Measured 量测', rows: [{ kind: 'line', style: { color: '#0d47a1', weight: 3, dashArray: '7 4' }, label: measured }] });
    for (const section of sections) {
      if (cy > bottom - 30) {
        g.fillStyle = '#555';
        g.font = font(15);
        g.fillText('… more in the on-screen legend 其余见屏幕图例', x, cy);
        break;
      }
      g.font = font(18, 700);
      g.fillStyle = '#222';
      if (section.single) {
        drawSwatch(g, section.rows[0], x, cy - 6);
        g.fillText(section.title, x + 32, cy);
        cy += 27;
        continue;
      }
      g.fillText(section.title, x, cy);
      cy += 24;
      if (section.note) {
        g.font = font(14);
        g.fillStyle = '#555';
        g.fillText(section.note, x + 4, cy);
        cy += 20;
      }
      g.font = font(16);
      g.fillStyle = '#333';
      for (const row of section.rows) {
        drawSwatch(g, row, x + 6, cy - 6);
        wrap(g, row.label, width - 40).forEach((line, i) => {
          g.fillText(line, x + 38, cy + i * 20);
          if (i) cy += 20;
        });
        cy += 22;
      }
      cy += 8;
    }
  }

  function footer(g, top) {
    const width = SHEET.width - 2 * MARGIN;
    g.strokeStyle = '#bbb';
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(MARGIN, top);
    g.lineTo(SHEET.width - MARGIN, top);
    g.stroke();
    g.fillStyle = '#b71c1c';
    g.font = font(20, 700);
    g.textAlign = 'left';
    g.fillText('⚠ ' + note.zh + ' · ' + note.en + '. 仅供规划参考 For planning discussion only.', MARGIN, top + 30);
    g.fillStyle = '#333';
    g.font = font(15, 700);
    g.fillText('Data sources 数据来源', MARGIN, top + 58);
    const heading = g.measureText('Data sources 数据来源').width;
    g.font = font(13);
    g.fillStyle = '#555';
    g.fillText('— each layer\'s source and positional accuracy 各图层来源与精度: ' + location.origin + '/collections',
      MARGIN + heading + 10, top + 58);
    g.fillStyle = '#333';
    const basemap = (ctx.config && ctx.config.basemap) || {};
    const text = 'Basemap 底图: ' + (basemap.name && basemap.name !== 'none' ? basemap.attribution || basemap.name : 'none 无') +
      ' · ' + sourcesText(ctx.entries, map);
    const lines = wrap(g, text, width);
    const room = Math.floor((SHEET.height - MARGIN - (top + 78)) / 17) + 1;
    lines.slice(0, room).forEach((line, i) => {
      g.fillText(i === room - 1 && lines.length > room ? line.slice(0, -2) + ' …' : line, MARGIN, top + 80 + i * 17);
    });
    return text;
  }

  /** The whole sheet as a canvas of SHEET.width × SHEET.height pixels. */
  async function sheet() {
    const now = new Date();
    const frame = { x: MARGIN, y: MARGIN + HEADER, w: SHEET.width - 2 * MARGIN - SIDE - GAP, h: SHEET.height - MARGIN - HEADER - FOOTER - GAP };
    const size = map.getSize();
    const scale = Math.min(frame.w / size.x, frame.h / size.y);
    const mapCanvas = await captureMap(scale);
    const canvas = document.createElement('canvas');
    canvas.width = SHEET.width;
    canvas.height = SHEET.height;
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, SHEET.width, SHEET.height);
    header(g, now);

    const w = Math.round(size.x * scale);
    const hgt = Math.round(size.y * scale);
    const mx = frame.x + Math.round((frame.w - w) / 2);
    const my = frame.y + Math.round((frame.h - hgt) / 2);
    g.fillStyle = BACKGROUND;
    g.fillRect(frame.x, frame.y, frame.w, frame.h);
    g.drawImage(mapCanvas, mx, my, w, hgt);
    g.strokeStyle = '#555';
    g.lineWidth = 2;
    g.strokeRect(frame.x, frame.y, frame.w, frame.h);
    northArrow(g, frame.x + frame.w - 46, frame.y + 22);
    const metres = scaleBar(g, frame.x + 26, frame.y + frame.h - 28, metresPerCssPixel() / scale, frame.w / 4);

    legendColumn(g, frame.x + frame.w + GAP, frame.y, SIDE, frame.y + frame.h);
    const sources = footer(g, frame.y + frame.h + GAP);
    canvas.pgText = { sources, scaleBarMetres: metres };
    return canvas;
  }

  function fileName(ext) {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return 'parkgrid-map-' + d.getFullYear() + pad(d.getMonth() + 1) + pad(d.getDate()) + '-' + pad(d.getHours()) + pad(d.getMinutes()) + '.' + ext;
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function toBlob(canvas) {
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  }

  /** Only Latin-1 text for jsPDF's standard fonts (Chinese is in the image). */
  function latin(text) {
    return String(text).replace(/[^\x20-\x7E\xA0-\xFF]+/g, ' ').replace(/\s+/g, ' ').trim();
  }

  async function png() {
    const canvas = await sheet();
    const blob = await toBlob(canvas);
    const name = fileName('png');
    download(blob, name);
    lastExport = { type: 'png', width: canvas.width, height: canvas.height, bytes: blob.size, name };
    return lastExport;
  }

  async function pdf() {
    const canvas = await sheet();
    const { jsPDF } = window.jspdf;
    const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
    doc.setProperties({ title: 'ParkGrid map', subject: latin(note.en), creator: 'ParkGrid', keywords: 'ParkGrid, map, approximate' });
    doc.addImage(canvas, 'PNG', 0, 0, SHEET.mmWidth, SHEET.mmHeight);
    doc.setFontSize(8);
    const invisible = { renderingMode: 'invisible', maxWidth: SHEET.mmWidth - 20 };
    doc.text('ParkGrid map. ' + note.en + '.', 10, 8, invisible);
    doc.text('Data sources: ' + latin(canvas.pgText.sources), 10, SHEET.mmHeight - 30, invisible);
    const blob = doc.output('blob');
    const name = fileName('pdf');
    download(blob, name);
    lastExport = { type: 'pdf', width: canvas.width, height: canvas.height, bytes: blob.size, name };
    return lastExport;
  }

  function button(id, label, title, run) {
    const b = L.DomUtil.create('button', 'pg-tool', ctx.toolbar);
    b.type = 'button';
    b.id = id;
    b.title = title;
    b.textContent = label;
    b.addEventListener('click', async () => {
      if (b.dataset.state === 'busy') return;
      b.dataset.state = 'busy';
      b.disabled = true;
      try {
        await run();
        b.dataset.state = 'done';
      } catch (err) {
        b.dataset.state = 'failed';
        console.warn('ParkGrid export failed', err);
        b.title = title + ' — failed 失败: ' + (err && err.message ? err.message : err);
        ctx.setStatus('Export failed 导出失败: ' + (err && err.message ? err.message : err), true);
      } finally {
        b.disabled = false;
      }
    });
    return b;
  }

  button('pg-export-png', 'PNG', 'Export the view as PNG (A4, 150 dpi) 导出当前视图为 PNG', png);
  button('pg-export-pdf', 'PDF', 'Export the view as PDF (A4) 导出当前视图为 PDF', pdf);

  return { png, pdf, sheet, get last() { return lastExport; }, SHEET };
}

export { start, SHEET };
