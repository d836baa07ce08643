/*
 * ParkGrid analysis panels: one collapsible, tabbed box under the title box. Tabs register themselves
 * (query.js, coverage.js, statistics.js) with ParkGridPanels.tab({...}); app.js calls
 * ParkGridPanels.start(ctx) once the layers are loaded. Public HTTP endpoints only (http.js). An ES module.
 */
import * as ParkGridLegend from './legend.js';
import { Problem, getJson, execute } from './http.js';

const tabs = [];
let ctx = null;

/* ---------- small DOM and formatting helpers ---------- */

function h(tag, attrs, children) {
  const el = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k === 'text') el.textContent = v;
    else if (k === 'html') el.innerHTML = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  });
  [].concat(children || []).forEach((c) => {
    if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return el;
}

function select(attrs, options, selected) {
  return h('select', attrs, options.map((o) => {
    const [value, label] = Array.isArray(o) ? o : [o, o];
    return h('option', { value, selected: String(value) === String(selected) }, label);
  }));
}

function field(label, control) {
  return h('label', { class: 'pg-field' }, [h('span', {}, label), control]);
}

function metres(value) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '–';
  const m = Number(value);
  return m >= 10000 ? (m / 1000).toFixed(1) + ' km' : Math.round(m).toLocaleString('en-US') + ' m';
}

function percent(share) {
  if (share === null || share === undefined || Number.isNaN(Number(share))) return '–';
  return (Number(share) * 100).toFixed(Number(share) < 0.1 ? 1 : 0) + ' %';
}

/** "程村 Chengcun" / "#12": the name a list shows for a feature. */
function featureName(feature) {
  const p = feature.properties || {};
  const zh = p.name_zh || p.name || p.parcel_id || p.source_name || '';
  const en = p.name_en && p.name_en !== zh ? p.name_en : '';
  return [zh, en].filter(Boolean).join(' ') || '#' + feature.id;
}

function showProblem(container, err) {
  container.replaceChildren(h('div', { class: 'pg-problem', role: 'alert' }, [
    h('strong', {}, (err.title || 'Error') + (err.status ? ' (' + err.status + ')' : '')), ' ',
    h('span', { class: 'pg-problem-detail' }, err.detail || err.message || String(err)),
    err.parameter ? h('div', { class: 'pg-problem-param' }, 'parameter: ' + err.parameter) : null]));
}

function busy(container, text) {
  container.replaceChildren(h('div', { class: 'pg-busy' }, text || 'Working… 计算中'));
}

/** Collections of the map, as [id, label] options, optionally only of a geometry kind. */
function collectionOptions(kind) {
  return ctx.entries.filter((e) => !kind || e.kind === kind).map((e) => [e.id, e.cfg.label || e.id]);
}

/** Points open at zoom ≥ 14, other shapes are fitted; then the layer's popup opens. */
function showResult(layer) {
  const map = ctx.map;
  if (layer.getLatLng) {
    const ll = layer.getLatLng();
    if (!map.getBounds().pad(-0.1).contains(ll) || map.getZoom() < 14) map.setView(ll, Math.max(map.getZoom(), 14), { animate: false });
  } else if (layer.getBounds && !map.getBounds().contains(layer.getBounds())) {
    ctx.fitToFreeArea(layer.getBounds(), 16);
  }
  if (layer.openPopup) layer.openPopup();
}

/** A pane above the base layers (z 405–420), below tooltips (650) and popups (700). */
function pane(name, zIndex) {
  const existing = ctx.map.getPane(name);
  if (existing) return name;
  ctx.map.createPane(name).style.zIndex = String(zIndex);
  return name;
}

/* ---------- the panel ---------- */

function tab(definition) {
  tabs.push(definition);
}

/** "Query 查询" as two spans, so that a phone can show the Chinese word alone and keep every tab on one row. */
function tabLabel(label) {
  const cut = label.lastIndexOf(' ');
  if (cut < 0) return label;
  return [h('span', { class: 'pg-tab-en' }, label.slice(0, cut)), ' ', h('span', { class: 'pg-tab-zh' }, label.slice(cut + 1))];
}

function buildControl(map) {
  const control = L.control({ position: 'topleft' });
  control.onAdd = () => {
    const box = h('section', { id: 'pg-panel', class: 'pg-panel pg-collapsed', 'aria-label': 'Analysis 分析' });
    const bar = h('div', { class: 'pg-tabs', role: 'tablist' });
    const body = h('div', { class: 'pg-panel-body' });
    const close = h('button', { type: 'button', class: 'pg-panel-close', title: 'Collapse 收起', 'aria-label': 'Collapse 收起' }, '×');
    box.append(bar, body);
    const views = tabs.map((t) => {
      const button = h('button', { type: 'button', role: 'tab', class: 'pg-tab', id: 'pg-tab-' + t.id,
        'aria-selected': 'false', title: t.title || t.label }, tabLabel(t.label));
      const view = h('div', { class: 'pg-view', id: 'pg-view-' + t.id, role: 'tabpanel', hidden: true });
      bar.append(button);
      body.append(view);
      return { t, button, view, built: false };
    });
    bar.append(close);
    let active = null;
    const activate = (v) => {
      if (active && active.t.deactivate) active.t.deactivate();
      views.forEach((o) => {
        o.view.hidden = o !== v;
        o.button.setAttribute('aria-selected', String(o === v));
        o.button.classList.toggle('pg-active', o === v);
      });
      box.classList.toggle('pg-collapsed', !v);
      box.dataset.tab = v ? v.t.id : '';
      active = v;
      if (!v) return;
      // on a phone the open panel and the open legend would cover each other: one at a time
      if (ctx.legend && ParkGridLegend.isNarrow()) ctx.legend.setCollapsed(true);
      fitHeight(body);
      if (!v.built) {
        v.built = true;
        v.t.build(v.view, ctx);
      }
      if (v.t.activate) v.t.activate();
    };
    views.forEach((v) => v.button.addEventListener('click', () => activate(active === v ? null : v)));
    close.addEventListener('click', () => activate(null));
    window.addEventListener('resize', () => fitHeight(body));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    box.pgOpen = (id) => activate(views.find((v) => v.t.id === id) || null);
    if (ctx.legend) ctx.legend.onExpand(() => { if (active && ParkGridLegend.isNarrow()) activate(null); });
    return box;
  };
  control.addTo(map);
  return control;
}

/** The body scrolls inside the map's height, so the panel never runs off the bottom. */
function fitHeight(body) {
  const top = body.getBoundingClientRect().top - ctx.map.getContainer().getBoundingClientRect().top;
  body.style.maxHeight = Math.max(160, ctx.map.getSize().y - top - 40) + 'px';
}

function start(context) {
  ctx = context;
  ctx.map.getContainer().classList.add('pg-has-panels');
  buildControl(ctx.map);
  window.parkgrid.openPanel = (id) => document.getElementById('pg-panel').pgOpen(id);
}

/** The context app.js started the panels with. */
function context() {
  return ctx;
}

export { start, tab, getJson, execute, Problem, h, select, field, metres, percent, featureName, showProblem, busy, collectionOptions, showResult, pane, context };
