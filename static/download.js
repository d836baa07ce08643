/*
 * Download of a layer as a file ("Download 下载" in the toolbar): a small form — layer, format (the server's
 * list: the format parameter of GET /collections/{id}/export in /api), CRS, and "only what is in view" (the
 * map's bbox) — then GET /collections/{id}/export?format=…&crs=…&bbox=… with the bearer token (http.js), saved
 * under the server's Content-Disposition file name or <layer>.<ext>.
 *
 * ParkGridDownload.start(ctx) → { open(), download({ layer, format, crs, inView }), last ({ name, bytes, url }) }.
 */
import { getJson, getFile, problemText } from './http.js';

/** Labels and file extensions of the export formats the server names; unknown ones show by name. */
const FORMATS = {
  geojson: { label: 'GeoJSON', ext: 'geojson' },
  shapefile: { label: 'Shapefile (zip)', ext: 'zip' },
  csv: { label: 'CSV', ext: 'csv' },
  flatgeobuf: { label: 'FlatGeobuf', ext: 'fgb' },
  geopackage: { label: 'GeoPackage', ext: 'gpkg' },
  kml: { label: 'KML (WGS84)', ext: 'kml' },
  txt: { label: 'TXT 电子报盘 (polygons 面)', ext: 'txt' }
};
const CRS = [['CRS84', 'CRS84 (WGS84 lon/lat)'], ['EPSG:4490', 'EPSG:4490 CGCS2000'], ['EPSG:4546', 'EPSG:4546 CGCS2000 / 3° GK CM 111°E']];
const EXPORT_PATH = '/collections/{collectionId}/export';

/** The format enum of the export route in the OpenAPI document, or null when it cannot be read. */
async function serverFormats() {
  try {
    const api = await getJson('/api', 'application/vnd.oai.openapi+json;version=3.0, application/json;q=0.9');
    const paths = api.paths || {};
    const key = Object.keys(paths).find((k) => /^\/collections\/\{[^}]+\}\/export$/.test(k)) || EXPORT_PATH;
    const op = (paths[key] || {}).get || {};
    const param = (op.parameters || []).map((p) => (p.$ref ? resolve(api, p.$ref) : p)).find((p) => p && p.name === 'format');
    const values = param && param.schema && param.schema.enum;
    return Array.isArray(values) && values.length ? values : null;
  } catch (err) {
    return null;
  }
}

function resolve(doc, ref) {
  return ref.replace(/^#\//, '').split('/').reduce((o, k) => (o ? o[k] : undefined), doc);
}

function start(ctx) {
  const map = ctx.map;
  let lastDownload = null;
  const wrap = L.DomUtil.create('div', 'pg-download', ctx.toolbar);
  const button = L.DomUtil.create('button', 'pg-tool', wrap);
  button.type = 'button';
  button.id = 'pg-download';
  button.title = 'Download a layer as a file 下载图层文件';
  // on a phone the toolbar keeps only 下载 (style.css hides the English word)
  button.innerHTML = '<span class="pg-dl-en">Download </span>下载';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'pg-dl-form');

  const form = L.DomUtil.create('form', 'pg-dl-form', wrap);
  form.id = 'pg-dl-form';
  form.hidden = true;
  const option = (value, label) => { const o = document.createElement('option'); o.value = value; o.textContent = label; return o; };
  const row = (label, control) => {
    const l = L.DomUtil.create('label', 'pg-field', form);
    const span = L.DomUtil.create('span', '', l);
    span.textContent = label;
    l.append(control);
    return l;
  };
  const layer = document.createElement('select');
  layer.id = 'pg-dl-layer';
  ctx.entries.forEach((e) => layer.append(option(e.id, e.cfg.label || e.id)));
  const format = document.createElement('select');
  format.id = 'pg-dl-format';
  /** TXT 电子报盘 holds land parcels (polygons) only: offered for area layers. */
  const syncFormats = () => {
    const entry = ctx.entries.find((e) => e.id === layer.value);
    Array.from(format.options).forEach((o) => { o.disabled = o.value === 'txt' && Boolean(entry) && entry.kind !== 'area'; });
    if (format.selectedOptions[0] && format.selectedOptions[0].disabled) format.value = 'geojson';
  };
  const fillFormats = (names) => {
    const selected = format.value || 'geojson';
    format.replaceChildren(...names.map((n) => option(n, (FORMATS[n] || { label: n }).label)));
    format.value = names.includes(selected) ? selected : names[0];
    syncFormats();
  };
  layer.addEventListener('change', syncFormats);
  fillFormats(Object.keys(FORMATS));
  const crs = document.createElement('select');
  crs.id = 'pg-dl-crs';
  CRS.forEach(([v, l]) => crs.append(option(v, l)));
  const inView = document.createElement('input');
  inView.type = 'checkbox';
  inView.id = 'pg-dl-view';
  row('Layer 图层', layer);
  row('Format 格式', format);
  row('CRS 坐标系', crs);
  const viewLabel = L.DomUtil.create('label', 'pg-dl-check', form);
  viewLabel.append(inView, document.createTextNode(' only what is in view 仅当前视图范围'));
  const go = L.DomUtil.create('button', 'pg-btn pg-primary', form);
  go.type = 'submit';
  go.id = 'pg-dl-go';
  go.textContent = 'Download 下载';
  const status = L.DomUtil.create('p', 'pg-dl-status', form);
  status.id = 'pg-dl-status';
  status.setAttribute('aria-live', 'polite');

  let formatsLoaded = false;
  function open(show) {
    const visible = show === undefined ? form.hidden : show;
    form.hidden = !visible;
    button.setAttribute('aria-expanded', String(visible));
    if (visible && !formatsLoaded) {
      formatsLoaded = true;
      serverFormats().then((names) => { if (names) fillFormats(names); });
    }
  }
  button.addEventListener('click', () => open());

  function bboxOfView() {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  async function download(choice) {
    const c = Object.assign({ layer: layer.value, format: format.value, crs: crs.value, inView: inView.checked }, choice || {});
    const params = new URLSearchParams({ format: c.format });
    if (c.crs && c.crs !== 'CRS84') params.set('crs', c.crs);
    if (c.inView) params.set('bbox', bboxOfView());
    const url = '/collections/' + encodeURIComponent(c.layer) + '/export?' + params.toString();
    const file = await getFile(url);
    const name = file.fileName || c.layer + '.' + (FORMATS[c.format] || { ext: c.format }).ext;
    save(file.blob, name);
    lastDownload = { name, bytes: file.blob.size, url, type: file.type };
    return lastDownload;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.state === 'busy') return;
    form.dataset.state = 'busy';
    go.disabled = true;
    status.classList.remove('pg-error');
    status.textContent = 'Downloading… 下载中';
    try {
      const d = await download();
      status.textContent = 'Saved 已保存: ' + d.name + ' (' + Math.max(1, Math.round(d.bytes / 1024)) + ' KB)';
      form.dataset.state = 'done';
    } catch (err) {
      status.textContent = 'Download failed 下载失败: ' + problemText(err);
      status.classList.add('pg-error');
      form.dataset.state = 'failed';
    } finally {
      go.disabled = false;
    }
  });

  return { open, download, get last() { return lastDownload; } };
}

export { start };
