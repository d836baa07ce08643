/*
 * Measuring tool ("Measure 量测"): distance along a drawn line and area (with perimeter) of a drawn
 * polygon, on the WGS84 ellipsoid (GeographicLib, Karney 2013: geodesic inverse problem and
 * PolygonArea), shown in m and km, m², 亩, 公顷 and km². Clicks within SNAP_PIXELS of a point feature
 * snap to it, so "from this village to that one" measures between their coordinates.
 *
 * ParkGridMeasure.start(ctx) → { start('line'|'polygon'), finish(), clear(), vertices() ([[lat, lon]]),
 * result() ({ kind, lengthMetres } or { kind, areaSquareMetres, perimeterMetres }, null before a shape) }.
 */
import * as ParkGridDraw from './draw.js';

/** 1 亩 (mu) = 10 000 / 15 m² ≈ 666.67 m²; 1 公顷 (hectare) = 10 000 m². */
const SQUARE_METRES_PER_MU = 10000 / 15;
const SQUARE_METRES_PER_HECTARE = 10000;
const SNAP_PIXELS = 10;
const STYLE = { color: '#0d47a1', weight: 3, dashArray: '7 4', fillColor: '#64b5f6', fillOpacity: 0.2, interactive: false };

function wgs84() {
  return window.geodesic.Geodesic.WGS84;
}

/** Geodesic length (metres, WGS84) of the polyline through the vertices. */
function lengthMetres(latlngs) {
  let sum = 0;
  for (let i = 1; i < latlngs.length; i++) {
    sum += wgs84().Inverse(latlngs[i - 1].lat, latlngs[i - 1].lng, latlngs[i].lat, latlngs[i].lng, window.geodesic.Geodesic.DISTANCE).s12;
  }
  return sum;
}

/** Geodesic area (m², WGS84, either orientation) and perimeter (m) of the polygon with these vertices (ring not closed). */
function polygonMetrics(latlngs) {
  const polygon = new window.geodesic.PolygonArea.PolygonArea(wgs84(), false);
  latlngs.forEach((ll) => polygon.AddPoint(ll.lat, ll.lng));
  const r = polygon.Compute(false, true);
  return { areaSquareMetres: Math.abs(r.area), perimeterMetres: r.perimeter };
}

function number(value, digits) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Display rows [label, [value text, unit, id]…] of a result. */
function rowsOf(result) {
  if (result.kind === 'line') {
    const m = result.lengthMetres;
    return [['Distance 距离', [[number(m, 1), 'm', 'pg-measure-m'], [number(m / 1000, 3), 'km', 'pg-measure-km']]]];
  }
  const a = result.areaSquareMetres;
  return [
    ['Area 面积', [[number(a, 0), 'm²', 'pg-measure-m2'], [number(a / SQUARE_METRES_PER_MU, 2), '亩', 'pg-measure-mu'],
      [number(a / SQUARE_METRES_PER_HECTARE, 4), '公顷', 'pg-measure-ha'], [number(a / 1e6, 4), 'km²', 'pg-measure-km2']]],
    ['Perimeter 周长', [[number(result.perimeterMetres, 1), 'm', 'pg-measure-perimeter-m'],
      [number(result.perimeterMetres / 1000, 3), 'km', 'pg-measure-perimeter-km']]]];
}

/** One line of text for the map and the print: "3,456.7 m (3.457 km)" / "12,345 m² · 18.52 亩 · 1.2345 公顷". */
function summaryOf(result) {
  if (result.kind === 'line') return number(result.lengthMetres, 1) + ' m (' + number(result.lengthMetres / 1000, 3) + ' km)';
  const a = result.areaSquareMetres;
  return number(a, 0) + ' m² · ' + number(a / SQUARE_METRES_PER_MU, 2) + ' 亩 · ' + number(a / SQUARE_METRES_PER_HECTARE, 4) + ' 公顷';
}

function resultOf(kind, latlngs) {
  if (kind === 'line') return latlngs.length >= 2 ? { kind, lengthMetres: lengthMetres(latlngs) } : null;
  return latlngs.length >= 3 ? Object.assign({ kind }, polygonMetrics(latlngs)) : null;
}

function start(ctx) {
  const map = ctx.map;
  if (!map.getPane('pg-measure')) map.createPane('pg-measure').style.zIndex = '440';
  let result = null;
  let measured = [];

  /** The nearest point feature of a switched-on layer within SNAP_PIXELS, else the click itself. */
  function snap(latlng) {
    const p = map.latLngToContainerPoint(latlng);
    let best = null;
    let bestDistance = SNAP_PIXELS;
    ctx.entries.forEach((entry) => {
      if (entry.kind !== 'point' || entry.tiled || !map.hasLayer(entry.layer)) return;
      entry.layer.eachLayer((f) => {
        if (!f.getLatLng || !map.hasLayer(f)) return;
        const d = map.latLngToContainerPoint(f.getLatLng()).distanceTo(p);
        if (d <= bestDistance) {
          best = f.getLatLng();
          bestDistance = d;
        }
      });
    });
    return best ? L.latLng(best.lat, best.lng) : latlng;
  }

  const box = L.DomUtil.create('section', 'leaflet-control pg-measure');
  box.id = 'pg-measure';
  box.hidden = true;
  box.setAttribute('aria-label', 'Measure 量测');
  box.innerHTML = '<div class="pg-measure-head"><strong>Measure 量测</strong> <small>WGS84 ellipsoid 椭球面</small>' +
    '<button type="button" class="pg-panel-close" id="pg-measure-close" title="Close 关闭" aria-label="Close 关闭">×</button></div>' +
    '<div class="pg-buttons"><button type="button" class="pg-btn" id="pg-measure-line">Distance 距离</button>' +
    '<button type="button" class="pg-btn" id="pg-measure-polygon">Area 面积</button>' +
    '<button type="button" class="pg-btn pg-primary" id="pg-measure-finish" hidden>Finish 完成</button>' +
    '<button type="button" class="pg-btn" id="pg-measure-clear">Clear 清除</button></div>' +
    '<p class="pg-hint" id="pg-measure-hint">Choose Distance or Area, then click the map. 选择距离或面积，然后点击地图。</p>' +
    '<table class="pg-summary" id="pg-measure-result" aria-live="polite"></table>';
  L.DomEvent.disableClickPropagation(box);
  L.DomEvent.disableScrollPropagation(box);
  const hint = box.querySelector('#pg-measure-hint');
  const table = box.querySelector('#pg-measure-result');
  const finishButton = box.querySelector('#pg-measure-finish');

  function show(r, final) {
    table.replaceChildren();
    table.dataset.final = String(Boolean(final));
    if (!r) return;
    if (r.kind === 'line') table.dataset.metres = String(r.lengthMetres);
    else table.dataset.squareMetres = String(r.areaSquareMetres);
    rowsOf(r).forEach(([label, values]) => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<th>' + label + '</th><td>' + values.map(([text, unit, id]) =>
        '<span class="pg-measure-value" id="' + id + '">' + text + '</span> ' + unit).join(' · ') + '</td>';
      table.append(tr);
    });
  }

  const draw = new ParkGridDraw.DrawTool(map, {
    pane: 'pg-measure',
    style: STYLE,
    snap,
    onChange: (n, message) => {
      hint.textContent = message || n + ' points 个点 · click to add (snaps to point features 自动吸附点要素), ' +
        'double-click or Finish to end, Esc cancels 双击或“完成”结束，Esc 取消';
      finishButton.hidden = false;
    },
    onPreview: (points) => show(resultOf(draw.kind, points), false),
    onFinish: (geometry, layer, kind, vertices) => {
      measured = vertices;
      result = resultOf(kind, vertices);
      finishButton.hidden = true;
      hint.textContent = (kind === 'line' ? vertices.length + ' points 个点' : vertices.length + ' vertices 个顶点') +
        ' · geodesic on WGS84 按WGS84椭球测地线计算';
      show(result, true);
      layer.bindTooltip(summaryOf(result), { permanent: true, direction: 'top', className: 'pg-measure-label', pane: 'pg-measure' })
        .openTooltip(kind === 'line' ? vertices[vertices.length - 1] : layer.getBounds().getCenter());
    },
    onCancel: () => { finishButton.hidden = true; hint.textContent = 'Cancelled 已取消'; }
  });

  function begin(kind) {
    ctx.closePanels();
    clear();
    draw.start(kind);
    box.querySelectorAll('#pg-measure-line, #pg-measure-polygon').forEach((b) => b.classList.toggle('pg-active', b.id === 'pg-measure-' + kind));
  }

  function clear() {
    draw.clear();
    result = null;
    measured = [];
    finishButton.hidden = true;
    show(null);
    hint.textContent = 'Choose Distance or Area, then click the map. 选择距离或面积，然后点击地图。';
  }

  function setOpen(open) {
    box.hidden = !open;
    button.classList.toggle('pg-active', open);
    button.setAttribute('aria-expanded', String(open));
    if (!open) {
      draw.cancel(true);
      finishButton.hidden = true;
    }
  }

  box.querySelector('#pg-measure-line').addEventListener('click', () => begin('line'));
  box.querySelector('#pg-measure-polygon').addEventListener('click', () => begin('polygon'));
  finishButton.addEventListener('click', () => draw.finish());
  box.querySelector('#pg-measure-clear').addEventListener('click', clear);
  box.querySelector('#pg-measure-close').addEventListener('click', () => setOpen(false));

  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => box;
  control.addTo(map);

  const button = L.DomUtil.create('button', 'pg-tool', ctx.toolbar);
  button.type = 'button';
  button.id = 'pg-measure-open';
  button.title = 'Measure distance and area 量测距离和面积';
  button.textContent = 'Measure 量测';
  button.setAttribute('aria-controls', 'pg-measure');
  button.addEventListener('click', () => setOpen(box.hidden));

  return {
    start: (kind) => { setOpen(true); begin(kind); },
    finish: () => draw.finish(),
    clear,
    vertices: () => measured.map((ll) => [ll.lat, ll.lng]),
    result: () => result,
    summary: () => (result ? summaryOf(result) : null)
  };
}

export { start, lengthMetres, polygonMetrics, SQUARE_METRES_PER_MU, SQUARE_METRES_PER_HECTARE };
