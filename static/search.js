/*
 * Name search in the title box (#pg-search): features of every layer by name while the planner types.
 *
 * A GeoJSON layer's features are in the page, so it is searched here. A tiled layer (tiles.js) keeps its
 * features on the server, so the server is asked: GET /collections/{id}/items?filter=… (CQL2 text) with
 * `"name" LIKE '%…%'` over the layer's name properties (those of NAME_PROPERTY its queryables list),
 * under CASEI() when the text has letters with case (pinyin, English), at most LIMIT (+1, to know there are
 * more). Typing waits DEBOUNCE_MS; an IME's composition (pinyin → 汉字) is waited for; a newer text cancels
 * the request of an older one. Matches are listed under the box (#pg-search-results): exact names first,
 * then names starting with the text, then names containing it; within each, layers in legend order.
 * Choosing one (click, or arrow keys and Enter; Enter alone takes the first) closes the list and hands the layer's
 * entry and the GeoJSON feature to `onChoose`.
 */

/** At most this many matches are listed. */
const LIMIT = 20;
/** Typing pauses this long before a search starts. */
const DEBOUNCE_MS = 250;
/**
 * The properties a name is looked up in: those of the popup's heading (app.js headingOf: name_zh, name, name_en) in
 * any case, and the usual field of Chinese GIS data (MC 名称), so an imported Shapefile's NAME or MC is found too.
 */
const NAME_PROPERTY = /^(name(_zh|_en)?|mc|名称)$/i;
/** A property that tells two features of the same name apart in the list (a county, a township …). */
const PLACE_PROPERTY = /^(county|district|township|town|city|province)(_zh)?$/i;
const GEOJSON = 'application/geo+json, application/json;q=0.9';

/** True when case matters for `text`: it has letters with an upper and a lower form. */
function hasCase(text) {
  return text.toUpperCase() !== text.toLowerCase();
}

/** A CQL2 text string literal holding the LIKE pattern "%text%" (LIKE's % _ \ escaped, ' doubled). */
function containsPattern(text) {
  return "'%" + text.replace(/[\\%_]/g, (c) => '\\' + c).replace(/'/g, "''") + "%'";
}

/**
 * The CQL2 text filter matching `text` anywhere in one of `properties`. CASEI only when the text has case:
 * for Chinese it changes nothing, and a plain LIKE is one the GeoPackage store decides in SQL.
 */
function nameFilter(properties, text) {
  const pattern = containsPattern(text);
  const casei = hasCase(text);
  return properties.map((p) => {
    const column = '"' + p.replace(/"/g, '""') + '"';
    return casei ? 'CASEI(' + column + ') LIKE CASEI(' + pattern + ')' : column + ' LIKE ' + pattern;
  }).join(' OR ');
}

/** 0 exact, 1 starts with, 2 contains, -1 no match (case-insensitive). */
function rankOf(name, query) {
  const n = name.toLowerCase();
  if (n === query) return 0;
  if (n.startsWith(query)) return 1;
  return n.includes(query) ? 2 : -1;
}

/** The best-ranked name of a feature's name properties for `query` (lower case), or null. */
function bestName(props, query, properties) {
  let best = null;
  properties.forEach((p) => {
    const value = props[p];
    if (value === null || value === undefined || value === '') return;
    const rank = rankOf(String(value), query);
    if (rank >= 0 && (!best || rank < best.rank)) best = { name: String(value), rank };
  });
  return best;
}

function placeOf(props) {
  const key = Object.keys(props).find((k) => PLACE_PROPERTY.test(k) && typeof props[k] === 'string' && props[k]);
  return key ? props[key] : '';
}

class NameSearch {
  /**
   * @param {object} options `input`, `list` (an empty element for the matches), `entries` (app.js layer entries,
   *   legend order), `getJson(url, accept, {signal})`, `onChoose(entry, feature)`, `onProblem(text)`, `escapeHtml`
   */
  constructor(options) {
    Object.assign(this, options);
    this.timer = null;
    this.controller = null;
    this.sequence = 0;
    this.matches = [];
    this.active = -1;
    this.properties = new Map(); // collection id → Promise of its name properties
    this.latest = Promise.resolve([]);
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-controls', this.list.id);
    this.input.setAttribute('aria-expanded', 'false');
    this.input.addEventListener('input', (e) => { if (!e.isComposing) this.schedule(); });
    this.input.addEventListener('compositionend', () => this.schedule());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    // the list closes once a match is chosen (it would push the panels down); coming back to the box shows it again
    this.input.addEventListener('focus', () => { if (this.text && this.text === this.input.value.trim()) this.open(); });
    this.list.addEventListener('mousedown', (e) => e.preventDefault()); // keep the input's focus
    this.list.addEventListener('click', (e) => {
      const item = e.target.closest('[data-index]');
      if (item) this.choose(Number(item.dataset.index));
    });
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(), DEBOUNCE_MS);
  }

  onKey(e) {
    if (e.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.matches.length) return;
      e.preventDefault();
      if (this.list.hidden) { this.open(); return; }
      const n = this.matches.length, step = e.key === 'ArrowDown' ? 1 : -1;
      this.highlight(this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // the text as typed now, even when the pause has not run out yet
      const pending = this.timer !== null || this.text !== this.input.value.trim();
      const chosen = this.active;
      (pending ? this.search() : Promise.resolve(this.matches)).then((matches) => {
        if (matches.length) this.choose(pending || chosen < 0 ? 0 : chosen);
      });
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  /** Searches the input's text now; resolves with the matches listed (empty when a newer search replaced it). */
  search() {
    clearTimeout(this.timer);
    this.timer = null;
    const text = this.input.value.trim();
    this.text = text;
    if (this.controller) this.controller.abort();
    this.controller = null;
    const sequence = ++this.sequence;
    if (!text) {
      this.show([], false, text);
      return Promise.resolve([]);
    }
    const controller = typeof AbortController === 'undefined' ? null : new AbortController();
    this.controller = controller;
    const query = text.toLowerCase();
    const local = this.entries.filter((e) => !e.tiled).map((entry) => this.localMatches(entry, query));
    const remote = this.entries.filter((e) => e.tiled).map((entry) => this.serverMatches(entry, text, query, controller));
    this.list.setAttribute('aria-busy', 'true');
    this.latest = Promise.all(local.concat(remote)).then((parts) => {
      if (sequence !== this.sequence) return [];
      const order = new Map(this.entries.map((e, i) => [e.id, i]));
      const all = parts.flatMap((p) => p.matches)
        .sort((a, b) => a.rank - b.rank || order.get(a.entry.id) - order.get(b.entry.id) || Number(a.feature.id) - Number(b.feature.id));
      const more = all.length > LIMIT || parts.some((p) => p.more);
      const failed = parts.map((p) => p.problem).filter(Boolean);
      if (failed.length && this.onProblem) this.onProblem(failed[0]);
      this.show(all.slice(0, LIMIT), more, text);
      return this.matches;
    });
    return this.latest;
  }

  localMatches(entry, query) {
    const matches = [];
    entry.features.forEach((f) => {
      const props = f.properties || {};
      const best = bestName(props, query, Object.keys(props).filter((k) => NAME_PROPERTY.test(k)));
      if (best) matches.push({ entry, feature: f, name: best.name, rank: best.rank });
    });
    return { matches };
  }

  /** The layer's name properties, from its queryables (asked once per layer). */
  nameProperties(entry) {
    if (!this.properties.has(entry.id)) {
      const url = '/collections/' + encodeURIComponent(entry.id) + '/queryables';
      this.properties.set(entry.id, this.getJson(url, 'application/schema+json, application/json;q=0.9').then((doc) => {
        const props = doc.properties || {};
        return Object.keys(props).filter((p) => NAME_PROPERTY.test(p) && props[p].type === 'string');
      }, (err) => { this.properties.delete(entry.id); throw err; }));
    }
    return this.properties.get(entry.id);
  }

  async serverMatches(entry, text, query, controller) {
    try {
      const properties = await this.nameProperties(entry);
      if (!properties.length) return { matches: [] };
      const url = '/collections/' + encodeURIComponent(entry.id) + '/items?limit=' + (LIMIT + 1) +
        '&filter-lang=cql2-text&filter=' + encodeURIComponent(nameFilter(properties, text));
      const body = await this.getJson(url, GEOJSON, { signal: controller ? controller.signal : undefined });
      const features = (body.features || []).filter((f) => f.geometry);
      const matches = features.slice(0, LIMIT).map((f) => {
        const best = bestName(f.properties || {}, query, properties) || { name: String(f.properties[properties[0]]), rank: 2 };
        return { entry, feature: f, name: best.name, rank: best.rank };
      });
      return { matches, more: features.length > LIMIT };
    } catch (err) {
      if (err && err.aborted) return { matches: [] };
      return { matches: [], problem: (entry.cfg.label || entry.id) + ': ' + (err.detail || err.message || String(err)) };
    }
  }

  show(matches, more, text) {
    this.matches = matches;
    this.active = -1;
    this.list.removeAttribute('aria-busy');
    const esc = this.escapeHtml;
    if (!text) {
      this.close();
      return;
    }
    const items = matches.map((m, i) => {
      const place = placeOf(m.feature.properties || {});
      return '<li role="option" id="pg-search-option-' + i + '" data-index="' + i + '" data-collection="' + esc(m.entry.id) +
        '" data-id="' + esc(m.feature.id) + '"><span class="pg-search-name">' + esc(m.name) + '</span>' +
        (place ? ' <span class="pg-search-place">' + esc(place) + '</span>' : '') +
        '<span class="pg-search-layer">' + esc(m.entry.cfg.label) + '</span></li>';
    });
    if (!matches.length) items.push('<li class="pg-search-none" aria-disabled="true">No match 无结果: ' + esc(text) + '</li>');
    if (more) items.push('<li class="pg-search-more" aria-disabled="true">First ' + LIMIT + ' shown — type more 仅显示前 ' + LIMIT + ' 条，请输入更多字</li>');
    this.list.innerHTML = items.join('');
    this.open();
  }

  open() {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  highlight(i) {
    this.active = i;
    Array.from(this.list.querySelectorAll('[data-index]')).forEach((li) => {
      const on = Number(li.dataset.index) === i;
      li.classList.toggle('pg-active', on);
      li.setAttribute('aria-selected', String(on));
      if (on) li.scrollIntoView({ block: 'nearest' });
    });
    this.input.setAttribute('aria-activedescendant', i < 0 ? '' : 'pg-search-option-' + i);
  }

  choose(i) {
    const m = this.matches[i];
    if (!m) return;
    this.highlight(i);
    this.close();
    this.onChoose(m.entry, m.feature);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}

/** Starts the search on `options.input`; answers the NameSearch (its `search()` runs the input's text at once). */
function start(options) {
  return new NameSearch(options);
}

export { start, nameFilter, LIMIT, NAME_PROPERTY };
