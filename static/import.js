/*
 * Import tab ("Import 导入"), for signed-in editors: choose a file (GeoJSON, zipped Shapefile, GeoPackage, CSV,
 * KML, FlatGeobuf, land-approval TXT 电子报盘, DXF), a new or an existing layer and the file's CRS, then
 * "Dry run 试导入" shows the server's report (feature number, field, reason) in a table and writes nothing, and
 * "Import 导入" sends it with `Prefer: respond-async` and polls GET /imports/{id} for a progress bar; when the
 * import is done the layer is loaded onto the map (window.parkgrid.addCollection). All or nothing: a file with
 * one bad feature is refused with its report. Public API only: POST /imports, GET /imports/{id}, /me.
 */
import * as ParkGridPanels from './panels.js';
import { getJson, problemText, upload } from './http.js';
const P = ParkGridPanels;
const h = P.h;

const CRS = [['', 'As the file says 按文件'], ['EPSG:4326', 'WGS84 (EPSG:4326)'], ['EPSG:4490', 'CGCS2000 (EPSG:4490)'],
  ['CGCS2000-GK', 'Gauss–Krüger, zone auto 高斯-克吕格（自动分带）'], ['GCJ-02', 'GCJ-02 (AMap/Tencent 高德/腾讯)']];
const ACCEPT = '.geojson,.json,.zip,.gpkg,.csv,.kml,.kmz,.fgb,.txt,.dxf';
const POLL_MS = 250;

function build(root, ctx) {
  const who = h('p', { class: 'pg-hint', id: 'pg-im-who' }, 'Checking who is signed in… 正在确认登录身份');
  const file = h('input', { type: 'file', id: 'pg-im-file', accept: ACCEPT });
  const mode = P.select({ id: 'pg-im-mode' }, [['create', 'New layer 新图层'], ['append', 'Existing layer 已有图层']], 'create');
  const name = h('input', { type: 'text', id: 'pg-im-name', placeholder: 'e.g. survey_2024', pattern: '[a-z][a-z0-9_]{0,62}' });
  const target = P.select({ id: 'pg-im-target' }, ctx.entries.map((e) => [e.id, e.cfg.label || e.id]), (ctx.entries[0] || {}).id);
  const crs = P.select({ id: 'pg-im-crs' }, CRS, '');
  const nameField = P.field('New layer name 新图层名', name);
  const targetField = P.field('Layer 图层', target);
  const dry = h('button', { type: 'button', class: 'pg-btn', id: 'pg-im-dry', onclick: () => run(true) }, 'Dry run 试导入');
  const go = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-im-go', onclick: () => run(false) }, 'Import 导入');
  const progress = h('progress', { id: 'pg-im-progress', max: '100', value: '0', hidden: true });
  const percent = h('span', { id: 'pg-im-percent', class: 'pg-hint' });
  const out = h('div', { class: 'pg-results', id: 'pg-im-result', 'aria-live': 'polite' });
  root.append(who, P.field('File 文件', file), P.field('Into 导入到', mode), nameField, targetField, P.field('CRS 坐标系', crs),
    h('div', { class: 'pg-row' }, [dry, go]), h('div', { class: 'pg-row' }, [progress, percent]), out);

  let mayImport = false;
  let busy = false;
  let last = null;

  function sync() {
    const append = mode.value === 'append';
    nameField.hidden = append;
    targetField.hidden = !append;
    dry.disabled = go.disabled = !mayImport || busy;
  }
  mode.addEventListener('change', sync);

  async function whoAmI() {
    try {
      const me = await getJson('/me');
      mayImport = me.role === 'editor' || me.role === 'admin';
      who.textContent = mayImport ? 'Importing as 导入者: ' + me.name + ' (' + me.role + ')'
        : 'Signed in as ' + me.name + ' (' + me.role + '): importing needs an editor token 导入需要编辑者令牌';
    } catch (err) {
      mayImport = false;
      who.textContent = 'Sign in with an editor token to import 请用编辑者令牌登录后导入 (' + problemText(err) + ')';
    }
    sync();
  }

  function layerName() {
    return mode.value === 'append' ? target.value : name.value.trim();
  }

  function url(dryRun) {
    const f = file.files[0];
    const params = new URLSearchParams({ layer: layerName(), mode: mode.value, filename: f.name });
    if (crs.value) params.set('crs', crs.value);
    if (dryRun) params.set('dry_run', 'true');
    return '/imports?' + params.toString();
  }

  /** The report's problems as a table: feature number, field, reason. */
  function reportTable(report) {
    const problems = (report && report.problems) || [];
    const rows = problems.map((p) => h('tr', {}, [h('td', {}, p.feature === undefined || p.feature === null ? '–' : String(p.feature)),
      h('td', {}, p.field || '–'), h('td', {}, p.reason || '')]));
    return h('table', { class: 'pg-table', id: 'pg-im-report' }, [
      h('thead', {}, h('tr', {}, [h('th', {}, 'Feature 要素'), h('th', {}, 'Field 字段'), h('th', {}, 'Reason 原因')])),
      h('tbody', {}, rows)]);
  }

  function summary(report, written) {
    const n = report && report.features_read !== undefined ? report.features_read : '?';
    const problems = report && report.problem_count ? report.problem_count : 0;
    if (problems) return h('div', { class: 'pg-problem', role: 'alert', id: 'pg-im-problem' },
      'Refused 已拒绝: ' + problems + ' problem(s) 个问题 in ' + n + ' features 要素; nothing was written 未写入任何数据');
    return h('div', { class: 'pg-ok', id: 'pg-im-ok' }, (written ? 'Imported 已导入 ' : 'Dry run passed 试导入通过: ') + n +
      ' features 要素' + (written ? ' into 到 ' + layerName() : ', nothing written 未写入'));
  }

  function show(report, written) {
    out.replaceChildren(summary(report, written));
    if (report && report.problems && report.problems.length) out.append(reportTable(report));
  }

  function setProgress(value, text) {
    progress.hidden = false;
    progress.value = String(value);
    percent.textContent = text;
  }

  async function poll(id) {
    for (;;) {
      const s = await getJson('/imports/' + encodeURIComponent(id));
      const read = s.features_read || 0;
      const written = s.features_written || 0;
      if (s.state === 'done') {
        setProgress(100, '100 % · ' + written + ' written 已写入');
        return s;
      }
      if (s.state === 'rejected' || s.state === 'failed') return s;
      const total = s.features_total || 0;
      if (s.state === 'writing' && total > 0) {
        const p = Math.min(99, Math.floor((100 * written) / total));
        setProgress(p, p + ' % · ' + written + ' / ' + total + ' written 已写入');
      } else if (s.state === 'writing' || s.state === 'checking') {
        // one pass over the file checks and writes: the total is known only at its end, so the bar runs without a value
        progress.hidden = false;
        progress.removeAttribute('value');
        percent.textContent = (s.state === 'checking' ? 'Checking 检查中 · ' : 'Checking and writing 检查并写入 · ') + read + ' read 已读取';
      } else setProgress(0, 'Queued 排队中');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async function run(dryRun) {
    if (!file.files[0]) { out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-im-problem' }, 'Choose a file 请选择文件')); return; }
    if (!layerName()) { out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-im-problem' }, 'Name the new layer 请填写图层名')); return; }
    busy = true;
    sync();
    root.dataset.state = 'busy';
    out.replaceChildren(h('p', { class: 'pg-hint' }, dryRun ? 'Checking… 检查中' : 'Uploading… 上传中'));
    progress.hidden = dryRun;
    try {
      if (dryRun) {
        const answer = await upload(url(true), file.files[0]);
        last = answer.body;
        show(answer.body, false);
      } else {
        const answer = await upload(url(false), file.files[0], { Prefer: 'respond-async' });
        setProgress(0, 'Queued 排队中');
        const s = await poll(answer.body.id);
        last = s;
        if (s.state === 'done') {
          show(s.report, true);
          if (window.parkgrid && window.parkgrid.addCollection) await window.parkgrid.addCollection(s.layer);
          out.dataset.layer = s.layer;
        } else {
          // a refused import's report comes inside its problem
          const report = s.report || (s.problem && s.problem.report);
          show(report, false);
          if (!report || !report.problem_count) {
            out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-im-problem' },
              'Import failed 导入失败: ' + ((s.problem && s.problem.detail) || s.state)));
          }
        }
      }
      root.dataset.state = 'done';
    } catch (err) {
      if (err.report) show(err.report, false);
      else out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-im-problem' }, problemText(err)));
      root.dataset.state = 'failed';
    } finally {
      busy = false;
      sync();
    }
  }

  sync();
  build.refresh = whoAmI;
  build.last = () => last;
  whoAmI();
}

P.tab({ id: 'import', label: 'Import 导入', title: 'Import a file as a layer (editors) 导入文件为图层（编辑者）', build,
  activate: () => { if (build.refresh) build.refresh(); } });
