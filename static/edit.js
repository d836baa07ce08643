/*
 * Edit tab ("Edit 编辑"), for signed-in editors: add a feature to a layer by drawing it (Leaflet-Geoman), select
 * one to move or reshape it and change its attributes, or delete it. Every write goes to the public API
 * (OGC API – Features Part 4): POST …/items, PUT …/items/{id} and DELETE with the If-Match of the version read,
 * so a feature someone else changed in the meantime is refused (412) and re-read instead of overwritten.
 * The tab asks /me who is signed in; without an editor's token it says how to get one and edits nothing.
 */
import * as ParkGridPanels from './panels.js';
import { getJson, problemText, send } from './http.js';
const P = ParkGridPanels;
const h = P.h;

const SHAPES = { point: 'CircleMarker', line: 'Line', polygon: 'Polygon' };
const EDIT_STYLE = { color: '#6a1b9a', weight: 3, fillColor: '#ce93d8', fillOpacity: 0.4, radius: 8 };

function build(root, ctx) {
  const map = ctx.map;
  const editable = ctx.entries.filter((e) => SHAPES[e.kind]);
  const who = h('p', { class: 'pg-hint', id: 'pg-e-who' }, 'Checking who is signed in… 正在确认登录身份');
  const layerSelect = P.select({ id: 'pg-e-layer' }, editable.map((e) => [e.id, e.cfg.label || e.id]), (editable[0] || {}).id);
  const form = h('div', { id: 'pg-e-form' });
  const out = h('div', { class: 'pg-results', id: 'pg-e-result', 'aria-live': 'polite' });
  const buttons = {
    add: h('button', { type: 'button', class: 'pg-btn', id: 'pg-e-add', onclick: () => startAdd() }, 'Add 新增'),
    select: h('button', { type: 'button', class: 'pg-btn', id: 'pg-e-select', onclick: () => startSelect() }, 'Select 选择'),
    save: h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-e-save', onclick: () => save() }, 'Save 保存'),
    remove: h('button', { type: 'button', class: 'pg-btn', id: 'pg-e-delete', onclick: () => remove() }, 'Delete 删除'),
    cancel: h('button', { type: 'button', class: 'pg-btn', id: 'pg-e-cancel', onclick: () => reset('Cancelled 已取消') }, 'Cancel 取消')
  };
  root.append(who, P.field('Layer 图层', layerSelect), h('div', { class: 'pg-row' }, [buttons.add, buttons.select]),
    form, h('div', { class: 'pg-row' }, [buttons.save, buttons.remove, buttons.cancel]), out);

  // what is being edited: {entry, id (null for a new one), etag, layer (the Leaflet layer being drawn or reshaped), original}
  let editing = null;
  let mayEdit = false;

  function entry() {
    return ctx.entries.find((e) => e.id === layerSelect.value);
  }

  function enable() {
    buttons.add.disabled = !mayEdit || !!editing;
    buttons.select.disabled = !mayEdit || !!editing;
    buttons.save.disabled = !editing;
    buttons.remove.disabled = !editing || editing.id === null;
    buttons.cancel.disabled = !editing;
    layerSelect.disabled = !!editing;
  }

  async function whoAmI() {
    try {
      const me = await getJson('/me');
      mayEdit = me.role === 'editor' || me.role === 'admin';
      who.textContent = mayEdit ? 'Editing as 编辑者: ' + me.name + ' (' + me.role + ')'
        : 'Signed in as ' + me.name + ' (' + me.role + '): editing needs an editor token 编辑需要编辑者令牌';
    } catch (err) {
      mayEdit = false;
      who.textContent = 'Sign in with an editor token to edit 请用编辑者令牌登录后编辑 (' + problemText(err) + ')';
    }
    enable();
  }

  /** The attribute form of the layer's schema, filled with `values`. */
  function showForm(e, values) {
    const props = (e.collection && e.collection.properties) || {};
    form.replaceChildren(...Object.entries(props).map(([name, def]) => {
      const type = def.type === 'integer' || def.type === 'number' ? 'number' : 'text';
      const input = h('input', { type, 'data-property': name, 'data-type': def.type, id: 'pg-e-prop-' + name,
        step: def.type === 'integer' ? '1' : 'any' });
      const v = values ? values[name] : null;
      input.value = v === null || v === undefined ? '' : String(v);
      return P.field(name, input);
    }));
  }

  function formValues() {
    const values = {};
    form.querySelectorAll('input[data-property]').forEach((input) => {
      const raw = input.value.trim();
      values[input.dataset.property] = raw === '' ? null : input.dataset.type === 'string' ? raw : Number(raw);
    });
    return values;
  }

  function startAdd() {
    const e = entry();
    out.replaceChildren(h('p', { class: 'pg-hint' }, 'Draw the new feature on the map 在地图上绘制新要素'));
    map.pm.enableDraw(SHAPES[e.kind], { pathOptions: EDIT_STYLE, templineStyle: EDIT_STYLE, hintlineStyle: EDIT_STYLE, continueDrawing: false });
    map.once('pm:create', (ev) => {
      editing = { entry: e, id: null, etag: null, layer: ev.layer, original: null };
      showForm(e, {});
      out.replaceChildren(h('p', { class: 'pg-hint' }, 'Fill in the attributes and save 填写属性后保存'));
      enable();
    });
    enable();
  }

  function startSelect() {
    const e = entry();
    out.replaceChildren(h('p', { class: 'pg-hint', id: 'pg-e-pick-hint' }, 'Click a feature of ' + (e.cfg.label || e.id) + ' 点击要选择的要素'));
    e.layer.once('click', async (ev) => {
      const target = ev.layer;
      map.closePopup();
      try {
        const read = await send('GET', '/collections/' + encodeURIComponent(e.id) + '/items/' + target.featureId);
        editing = { entry: e, id: target.featureId, etag: read.etag, layer: target, original: target.toGeoJSON().geometry };
        target.pm.enable({ draggable: true });
        showForm(e, read.body.properties);
        out.replaceChildren(h('p', { class: 'pg-hint', id: 'pg-e-selected' },
          'Feature #' + target.featureId + ' (version ' + read.etag + '): drag to move or reshape, edit attributes, then save 拖动修改位置或形状，编辑属性后保存'));
      } catch (err) {
        out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert' }, problemText(err)));
      }
      enable();
    });
  }

  async function save() {
    const e = editing.entry;
    const feature = { type: 'Feature', geometry: editing.layer.toGeoJSON().geometry, properties: formValues() };
    const base = '/collections/' + encodeURIComponent(e.id) + '/items';
    P.busy(out, 'Saving… 保存中');
    try {
      let stored;
      if (editing.id === null) {
        stored = (await send('POST', base, feature)).body;
        editing.layer.remove();
      } else {
        stored = (await send('PUT', base + '/' + editing.id, Object.assign({ id: editing.id }, feature), editing.etag)).body;
        editing.layer.pm.disable();
        e.layer.removeLayer(editing.layer);
        e.features = e.features.filter((f) => f.id !== editing.id);
      }
      ctx.addFeature(e.id, stored);
      const id = stored.id;
      editing = null;
      form.replaceChildren();
      out.replaceChildren(h('div', { class: 'pg-ok', id: 'pg-e-ok' }, 'Saved feature #' + id + ' 已保存'));
    } catch (err) {
      out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-e-problem' }, problemText(err) +
        (err.status === 412 ? ' — someone changed it meanwhile; cancel and select it again 他人已修改，请取消后重新选择' : '')));
    }
    enable();
  }

  async function remove() {
    const e = editing.entry;
    if (!window.confirm('Delete feature #' + editing.id + '? 确定删除该要素？')) return;
    try {
      await send('DELETE', '/collections/' + encodeURIComponent(e.id) + '/items/' + editing.id, null, editing.etag);
      editing.layer.pm.disable();
      e.layer.removeLayer(editing.layer);
      e.features = e.features.filter((f) => f.id !== editing.id);
      const id = editing.id;
      editing = null;
      form.replaceChildren();
      out.replaceChildren(h('div', { class: 'pg-ok', id: 'pg-e-ok' }, 'Deleted feature #' + id + ' 已删除'));
    } catch (err) {
      out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-e-problem' }, problemText(err)));
    }
    enable();
  }

  function reset(message) {
    map.pm.disableDraw();
    if (editing) {
      if (editing.id === null) editing.layer.remove();
      else {
        editing.layer.pm.disable();
        // put the shape back where it was
        const back = L.GeoJSON.geometryToLayer({ type: 'Feature', geometry: editing.original });
        if (editing.layer.setLatLng && back.getLatLng) editing.layer.setLatLng(back.getLatLng());
        else if (editing.layer.setLatLngs && back.getLatLngs) editing.layer.setLatLngs(back.getLatLngs());
      }
    }
    editing = null;
    form.replaceChildren();
    out.replaceChildren(h('p', { class: 'pg-hint' }, message || ''));
    enable();
  }

  layerSelect.addEventListener('change', () => form.replaceChildren());
  build.refresh = whoAmI;
  whoAmI();
}

P.tab({ id: 'edit', label: 'Edit 编辑', title: 'Edit layers (editors) 编辑图层（编辑者）', build,
  activate: () => { if (build.refresh) build.refresh(); } });
