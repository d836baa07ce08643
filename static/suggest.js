/*
 * Suggest tab ("Suggest 建议"): a citizen places a point on the map, writes what they suggest, picks a category
 * and sends it (POST /suggestions, categories and limits from GET /suggestions/form). The stored suggestion is
 * drawn on the suggestions layer at once; a refused one shows the server's problem (field and reason), a client
 * past its hourly allowance is told when to try again.
 */
import * as ParkGridDraw from './draw.js';
import * as ParkGridPanels from './panels.js';
import * as ParkGridRoles from './roles.js';
import { getJson, postJson, problemText } from './http.js';
const P = ParkGridPanels;
const h = P.h;

function build(root, ctx) {
  const map = ctx.map;
  const layerId = ctx.layerFor(ParkGridRoles.ROLE.SUGGESTIONS);
  let point = null;
  let marker = null;
  const text = h('textarea', { id: 'pg-s-text', rows: '4', placeholder: '例如：请在龙腾社区旁建一个口袋公园 e.g. a pocket park next to Longteng community' });
  const count = h('span', { class: 'pg-hint', id: 'pg-s-count' }, '');
  const category = h('select', { id: 'pg-s-category' });
  const author = h('input', { id: 'pg-s-author', type: 'text', placeholder: '署名（可选）signature (optional)' });
  const where = h('p', { class: 'pg-source', id: 'pg-s-where' }, 'No place yet 尚未选点');
  const out = h('div', { class: 'pg-results', id: 'pg-s-result', 'aria-live': 'polite' });
  let maxChars = 500;

  const draw = new ParkGridDraw.DrawTool(map, {
    pane: P.pane('pg-shapes', 425),
    onChange: () => { where.textContent = 'Click the map 点击地图选点'; },
    onFinish: (geometry) => {
      point = geometry.coordinates;
      if (marker) marker.remove();
      marker = L.circleMarker([point[1], point[0]], { radius: 7, color: '#e65100', fillColor: '#ffb74d', fillOpacity: 0.9 }).addTo(map);
      where.textContent = 'Place 位置: ' + point[0].toFixed(5) + ', ' + point[1].toFixed(5);
    },
    onCancel: () => { where.textContent = 'Cancelled 已取消'; }
  });
  const placeButton = h('button', { type: 'button', class: 'pg-btn', id: 'pg-s-place', onclick: () => draw.start('point') }, 'Place on map 在地图上选点');
  const sendButton = h('button', { type: 'button', class: 'pg-btn pg-primary', id: 'pg-s-send', onclick: () => send() }, 'Send 提交建议');
  text.addEventListener('input', () => { count.textContent = [...text.value].length + ' / ' + maxChars; });

  root.append(
    h('p', { class: 'pg-hint' }, 'Tell the planners what you would like here. 欢迎市民当“规划师”：在地图上选点，写下您的建议。'),
    placeButton, where,
    P.field('Suggestion 建议', text), count,
    P.field('Category 类别', category),
    P.field('Signature 署名', author),
    sendButton, out);

  getJson('/suggestions/form').then((form) => {
    maxChars = form.max_text_chars;
    text.setAttribute('maxlength', String(maxChars));
    category.replaceChildren(...form.categories.map((c) => h('option', { value: c.code }, c.label_zh + ' ' + c.label_en)));
    count.textContent = '0 / ' + maxChars;
  }).catch((err) => P.showProblem(out, err));

  async function send() {
    if (!point) {
      out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert' }, 'Place the suggestion on the map first 请先在地图上选点'));
      return;
    }
    P.busy(out, 'Sending… 提交中');
    try {
      const stored = await postJson('/suggestions', { text: text.value, category: category.value, author: author.value || null,
        lon: point[0], lat: point[1] });
      if (marker) { marker.remove(); marker = null; }
      const drawn = ctx.addFeature(layerId, stored);
      if (drawn && drawn.openPopup) drawn.openPopup();
      out.replaceChildren(h('div', { class: 'pg-ok', id: 'pg-s-ok' },
        'Thank you — suggestion #' + stored.id + ' is received (status: new). 感谢您的建议，编号 ' + stored.id + '，状态：新提交。'));
      text.value = '';
      count.textContent = '0 / ' + maxChars;
      point = null;
      where.textContent = 'No place yet 尚未选点';
    } catch (err) {
      out.replaceChildren(h('div', { class: 'pg-problem', role: 'alert', id: 'pg-s-problem' }, problemText(err)));
    }
  }
}

P.tab({ id: 'suggest', label: 'Suggest 建议', title: 'Leave a planning suggestion 提交规划建议', build,
  deactivate: () => {} });
