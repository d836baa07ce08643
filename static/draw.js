/*
 * A small draw tool on plain Leaflet (no plugin): Point, Line, Polygon. Click adds a vertex;
 * double-click or finish() ends; Esc or cancel() aborts. While drawing, features ignore the mouse
 * (CSS class pg-drawing) so every click reaches the map. Answers an RFC 7946 GeoJSON geometry.
 */

const MIN_VERTICES = { point: 1, line: 2, polygon: 3 };
const STYLE = { color: '#d81b60', weight: 2.5, dashArray: '6 4', fillColor: '#f48fb1', fillOpacity: 0.15, interactive: false };

/** Signed area (shoelace, lon/lat): > 0 for counter-clockwise rings. */
function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

function toGeometry(kind, latlngs) {
  const coords = latlngs.map((ll) => [Number(ll.lng.toFixed(7)), Number(ll.lat.toFixed(7))]);
  if (kind === 'point') return { type: 'Point', coordinates: coords[0] };
  if (kind === 'line') return { type: 'LineString', coordinates: coords };
  const ring = coords.concat([coords[0]]);
  // RFC 7946: exterior rings are counter-clockwise
  return { type: 'Polygon', coordinates: [signedArea(ring) < 0 ? ring.reverse() : ring] };
}

class DrawTool {
  /**
   * @param map     the Leaflet map
   * @param options {pane, onFinish(geometry, layer), onCancel(), onChange(vertexCount),
   *                snap(latlng) → latlng (e.g. to a nearby feature), onPreview(latlngs incl. the cursor), style}
   */
  constructor(map, options) {
    this.map = map;
    this.options = options || {};
    this.kind = null;
    this.vertices = [];
    this.shape = L.layerGroup();
    this.handlers = {
      click: (e) => this.addVertex(this.snapped(e.latlng)),
      dblclick: (e) => { L.DomEvent.stop(e); this.finish(); },
      mousemove: (e) => this.preview(e.latlng)
    };
    this.onKey = (e) => { if (e.key === 'Escape') this.cancel(); };
  }

  get active() {
    return this.kind !== null;
  }

  start(kind) {
    if (!MIN_VERTICES[kind]) throw new Error('unknown shape ' + kind);
    this.cancel(true);
    this.kind = kind;
    this.vertices = [];
    this.shape.clearLayers().addTo(this.map);
    this.zoomOnDblClick = this.map.doubleClickZoom.enabled();
    this.map.doubleClickZoom.disable();
    this.map.getContainer().classList.add('pg-drawing');
    this.map.on(this.handlers);
    document.addEventListener('keydown', this.onKey);
    this.changed();
  }

  snapped(latlng) {
    return this.options.snap ? this.options.snap(latlng) : latlng;
  }

  addVertex(latlng) {
    const last = this.vertices[this.vertices.length - 1];
    // the two clicks of a double-click land on the same pixel: keep one vertex
    if (last && this.map.latLngToContainerPoint(last).distanceTo(this.map.latLngToContainerPoint(latlng)) < 4) return;
    this.vertices.push(latlng);
    if (this.kind === 'point') {
      this.finish();
      return;
    }
    this.redraw(null);
    this.changed();
  }

  preview(latlng) {
    if (this.vertices.length) this.redraw(this.snapped(latlng));
  }

  redraw(cursor) {
    const pane = this.options.pane;
    const style = this.options.style || STYLE;
    const points = cursor ? this.vertices.concat([cursor]) : this.vertices;
    this.shape.clearLayers();
    if (points.length > 1) {
      const Shape = this.kind === 'polygon' && points.length > 2 ? L.polygon : L.polyline;
      this.shape.addLayer(Shape(points, Object.assign({ pane }, style)));
    }
    this.vertices.forEach((ll) => this.shape.addLayer(L.circleMarker(ll,
      { pane, radius: 4, color: style.color, weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false })));
    if (this.options.onPreview) this.options.onPreview(points);
  }

  /** Ends the shape; false (and still drawing) when it has too few vertices. */
  finish() {
    if (!this.active) return false;
    if (this.vertices.length < MIN_VERTICES[this.kind]) {
      this.changed('Need at least ' + MIN_VERTICES[this.kind] + ' points 至少需要 ' + MIN_VERTICES[this.kind] + ' 个点');
      return false;
    }
    const kind = this.kind;
    const geometry = toGeometry(kind, this.vertices);
    this.stop();
    const style = this.options.style || STYLE;
    const vertices = this.vertices.slice();
    const layer = L.geoJSON(geometry, { pane: this.options.pane, style: () => style, interactive: false,
      pointToLayer: (f, ll) => L.circleMarker(ll, Object.assign({ pane: this.options.pane, radius: 6 }, style)) });
    this.shape.clearLayers().addLayer(layer).addTo(this.map);
    if (this.options.onFinish) this.options.onFinish(geometry, layer, kind, vertices);
    return true;
  }

  /** Stops drawing and removes the unfinished shape (quiet: no onCancel call). */
  cancel(quiet) {
    if (!this.active) return;
    this.stop();
    this.shape.clearLayers();
    if (!quiet && this.options.onCancel) this.options.onCancel();
  }

  stop() {
    this.kind = null;
    this.map.off(this.handlers);
    document.removeEventListener('keydown', this.onKey);
    this.map.getContainer().classList.remove('pg-drawing');
    if (this.zoomOnDblClick) this.map.doubleClickZoom.enable();
  }

  clear() {
    this.cancel(true);
    this.shape.clearLayers();
  }

  changed(message) {
    if (this.options.onChange) this.options.onChange(this.vertices.length, message || null);
  }
}

export { DrawTool, toGeometry };
