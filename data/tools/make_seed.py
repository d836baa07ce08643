#!/usr/bin/env python3
"""Generate the ParkGrid seed layers (data/seed/*.geojson) deterministically.

Stdlib only.  Run from anywhere:  python3 data/tools/make_seed.py
Positions are approximate, NOT survey data: the source article gives names, counts and
figures only (see data/SOURCES.md).  Every feature carries a `position_source`.

Geometry conventions: RFC 7946, WGS84 lon/lat, 7 decimals, outer rings counter-clockwise.
Geodesy: lengths by Vincenty inverse on WGS84; areas as spherical excess on the authalic
sphere (authalic latitudes, R_q), which matches the ellipsoidal area to well under 0.1 %
for polygons of this size.  Shapes are built in a local east/north metre frame and
converted with the ellipsoid's radii of curvature.
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "seed"))

# ---------------------------------------------------------------- geodesy (WGS84)
A = 6378137.0
F = 1 / 298.257223563
B = A * (1 - F)
E2 = F * (2 - F)
E = math.sqrt(E2)
RAD = math.pi / 180


def r7(v):
    return round(v + 0.0, 7)


def pt(lon, lat):
    return (r7(lon), r7(lat))


def vincenty(p1, p2):
    """Geodesic distance in metres between (lon, lat) points (Vincenty inverse)."""
    if p1 == p2:
        return 0.0
    L = (p2[0] - p1[0]) * RAD
    U1 = math.atan((1 - F) * math.tan(p1[1] * RAD))
    U2 = math.atan((1 - F) * math.tan(p2[1] * RAD))
    sU1, cU1, sU2, cU2 = math.sin(U1), math.cos(U1), math.sin(U2), math.cos(U2)
    lam = L
    for _ in range(200):
        sl, cl = math.sin(lam), math.cos(lam)
        ss = math.sqrt((cU2 * sl) ** 2 + (cU1 * sU2 - sU1 * cU2 * cl) ** 2)
        cs = sU1 * sU2 + cU1 * cU2 * cl
        sig = math.atan2(ss, cs)
        sa = cU1 * cU2 * sl / ss
        c2a = 1 - sa * sa
        c2sm = cs - 2 * sU1 * sU2 / c2a if c2a else 0.0
        C = F / 16 * c2a * (4 + F * (4 - 3 * c2a))
        lp = lam
        lam = L + (1 - C) * F * sa * (sig + C * ss * (c2sm + C * cs * (-1 + 2 * c2sm * c2sm)))
        if abs(lam - lp) < 1e-12:
            break
    else:
        raise AssertionError("Vincenty did not converge")
    u2 = c2a * (A * A - B * B) / (B * B)
    AA = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
    BB = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
    ds = BB * ss * (c2sm + BB / 4 * (cs * (-1 + 2 * c2sm * c2sm)
                                     - BB / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)))
    return B * AA * (sig - ds)


def line_length_m(coords):
    return sum(vincenty(coords[i], coords[i + 1]) for i in range(len(coords) - 1))


def _q(phi):
    s = math.sin(phi)
    return (1 - E2) * (s / (1 - E2 * s * s) - 1 / (2 * E) * math.log((1 - E * s) / (1 + E * s)))


QP = _q(math.pi / 2)
RQ = A * math.sqrt(QP / 2)  # authalic radius ~6371007.2 m


def ring_area_m2(ring):
    """Unsigned geodesic area of a closed lon/lat ring (authalic-sphere spherical excess)."""
    tot = 0.0
    for i in range(len(ring) - 1):
        (l1, p1), (l2, p2) = ring[i], ring[i + 1]
        b1 = math.asin(_q(p1 * RAD) / QP)
        b2 = math.asin(_q(p2 * RAD) / QP)
        t1, t2 = math.tan(b1 / 2), math.tan(b2 / 2)
        dl = (l2 - l1) * RAD
        tot += 2 * math.atan2(math.tan(dl / 2) * (t1 + t2), 1 + t1 * t2)
    return abs(tot) * RQ * RQ


class Frame:
    """Local east/north metre frame at an origin (lon, lat)."""

    def __init__(self, lon0, lat0):
        self.lon0, self.lat0 = lon0, lat0
        s = math.sin(lat0 * RAD)
        w = math.sqrt(1 - E2 * s * s)
        self.M = A * (1 - E2) / w ** 3
        self.N = A / w
        self.kx = self.N * math.cos(lat0 * RAD) * RAD  # metres per degree lon
        self.ky = self.M * RAD                         # metres per degree lat

    def ll(self, x, y):
        return pt(self.lon0 + x / self.kx, self.lat0 + y / self.ky)

    def xy(self, p):
        return ((p[0] - self.lon0) * self.kx, (p[1] - self.lat0) * self.ky)


def offset(p, dx, dy):
    return Frame(p[0], p[1]).ll(dx, dy)


def walk(start, legs):
    """Polyline from start along (bearing_deg clockwise from north, metres) legs."""
    fr = Frame(start[0], start[1])
    x = y = 0.0
    pts = [start]
    for brg, d in legs:
        x += d * math.sin(brg * RAD)
        y += d * math.cos(brg * RAD)
        pts.append(fr.ll(x, y))
    return pts


def walk_exact(start, legs, target_m):
    """Like walk(), legs scaled so the geodesic length (after rounding) equals target_m."""
    legs = list(legs)
    for _ in range(4):
        pts = walk(start, legs)
        k = target_m / line_length_m(pts)
        legs = [(b, d * k) for b, d in legs]
    pts = walk(start, legs)
    assert abs(line_length_m(pts) - target_m) < 0.05, (line_length_m(pts), target_m)
    return pts


# ---------------------------------------------------------------- planar helpers
def shoelace(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def close(ring):
    ring = list(ring)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def ccw(ring):
    ring = close(ring)
    return ring if shoelace(ring) > 0 else ring[::-1]


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def seg_intersect(p1, p2, p3, p4):
    d1, d2 = cross(p3, p4, p1), cross(p3, p4, p2)
    d3, d4 = cross(p1, p2, p3), cross(p1, p2, p4)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4:
        return True

    def on(p, q, r):
        return (min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1]))
    return ((d1 == 0 and on(p3, p4, p1)) or (d2 == 0 and on(p3, p4, p2))
            or (d3 == 0 and on(p1, p2, p3)) or (d4 == 0 and on(p1, p2, p4)))


def is_simple(ring):
    n = len(ring) - 1
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue
            if seg_intersect(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                return False
    return True


def inside(p, ring):
    """Strict-ish point in polygon (ray casting)."""
    x, y = p
    c = False
    for i in range(len(ring) - 1):
        (x1, y1), (x2, y2) = ring[i], ring[i + 1]
        if (y1 > y) != (y2 > y):
            if x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                c = not c
    return c


def ring_inside(inner, outer):
    if not all(inside(p, outer) for p in inner[:-1]):
        return False
    for i in range(len(inner) - 1):
        for j in range(len(outer) - 1):
            if seg_intersect(inner[i], inner[i + 1], outer[j], outer[j + 1]):
                return False
    return True


def rings_disjoint(r1, r2):
    for i in range(len(r1) - 1):
        for j in range(len(r2) - 1):
            if seg_intersect(r1[i], r1[i + 1], r2[j], r2[j + 1]):
                return False
    return not inside(r1[0], r2) and not inside(r2[0], r1)


def is_convex_ccw(poly):  # open list of xy
    n = len(poly)
    return all(cross(poly[i], poly[(i + 1) % n], poly[(i + 2) % n]) > 0 for i in range(n))


def clip_halfplane(poly, a, b):
    """Keep the part of poly left of the directed line a->b (Sutherland-Hodgman)."""
    out = []
    n = len(poly)
    for i in range(n):
        cur, nxt = poly[i], poly[(i + 1) % n]
        cin, nin = cross(a, b, cur) >= 0, cross(a, b, nxt) >= 0
        if cin:
            out.append(cur)
        if cin != nin:
            d1, d2 = cross(a, b, cur), cross(a, b, nxt)
            t = d1 / (d1 - d2)
            out.append((cur[0] + t * (nxt[0] - cur[0]), cur[1] + t * (nxt[1] - cur[1])))
    return out


def clip_convex(poly, clip, inset=0.0):
    """Clip poly by a convex CCW polygon whose edges are moved inwards by `inset` metres."""
    n = len(clip)
    for i in range(n):
        a, b = clip[i], clip[(i + 1) % n]
        dx, dy = b[0] - a[0], b[1] - a[1]
        L = math.hypot(dx, dy)
        nx, ny = -dy / L * inset, dx / L * inset  # left normal = inwards for CCW
        poly = clip_halfplane(poly, (a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny))
        if not poly:
            return []
    return poly


def centroid_xy(poly):
    a = cx = cy = 0.0
    n = len(poly)
    for i in range(n):
        (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % n]
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    return (cx / (3 * a), cy / (3 * a))


# ---------------------------------------------------------------- layer writer
LAYERS = {}


class Layer:
    def __init__(self, name, title, title_zh, description, gtype, source, accuracy, schema, temporal=None):
        # temporal: the property holding each feature's time (RFC 3339 text or a calendar year), which the
        # API's datetime parameter filters on
        self.meta = dict(type="FeatureCollection", name=name, title=title, title_zh=title_zh,
                         description=description, geometry_type=gtype, source=source,
                         positional_accuracy=accuracy)
        if temporal is not None:
            assert temporal in {n for n, _ in schema}, (name, temporal)
            self.meta["temporal_property"] = temporal
        self.meta["schema"] = [{"name": n, "type": t} for n, t in schema]
        self.name, self.gtype, self.schema = name, gtype, schema
        self.features = []
        self.figures = []
        LAYERS[name] = self

    def figure(self, key, label, label_zh, value, unit, quote_zh, source, year=None, qualifier="exact", scope=None,
               where=None, count=False, sum_of=None, tolerance=0.0):
        """A figure the article states about this layer, with its wording and section. With `count` or
        `sum_of` the figure is also a check: the features matching `where` (property equalities) must
        reproduce it (within `tolerance`); asserted in check_figures()."""
        assert qualifier in ("exact", "more_than", "additional"), qualifier
        assert not (count and sum_of)
        measure = None
        if count or sum_of:
            measure = {"where": where or {}, "sum": sum_of, "tolerance": tolerance}
        self.figures.append(dict(key=key, label=label, label_zh=label_zh, value=value, unit=unit, qualifier=qualifier,
                                 year=year, scope=scope, quote_zh=quote_zh, source=source, measure=measure))

    def measured(self, fig):
        m = fig["measure"]
        hits = [f for f in self.features if all(f["properties"][k] == v for k, v in m["where"].items())]
        return len(hits) if m["sum"] is None else sum(f["properties"][m["sum"]] or 0 for f in hits)

    def check_figures(self):
        names = {n for n, _ in self.schema}
        for fig in self.figures:
            assert "".join(fig["quote_zh"].split()) in ARTICLE_TEXT, (self.name, fig["key"], "quote not in the article")
            if fig["measure"] is None:
                continue
            assert set(fig["measure"]["where"]) <= names and fig["measure"]["sum"] in names | {None}, fig["key"]
            got = self.measured(fig)
            assert abs(got - fig["value"]) <= fig["measure"]["tolerance"] + 1e-9, (self.name, fig["key"], got, fig["value"])

    def add(self, coords, **props):
        """Adds a feature; coords None gives `"geometry": null` (RFC 7946 §3.2: an unlocated feature)."""
        unknown = set(props) - {n for n, _ in self.schema}
        assert not unknown, (self.name, unknown)
        ordered = {n: props.get(n) for n, _ in self.schema}
        geom = None if coords is None else {"type": self.gtype, "coordinates": coords}
        f = {"type": "Feature", "id": len(self.features) + 1, "geometry": geom, "properties": ordered}
        self.features.append(f)
        return f

    def check(self):
        types = {"string": str, "integer": int, "number": (int, float)}
        for f in self.features:
            g = f["geometry"]
            assert list(f["properties"]) == [n for n, _ in self.schema]
            for n, t in self.schema:
                v = f["properties"][n]
                assert v is None or (isinstance(v, types[t]) and not isinstance(v, bool)), (self.name, n, v)
            assert isinstance(f["properties"]["position_source"], str) and f["properties"]["position_source"]
            if g is None:
                assert f["properties"]["position_source"].startswith("none:"), (self.name, f["id"])
                continue
            assert g["type"] == self.gtype
            if self.gtype == "Polygon":
                for ring in g["coordinates"]:
                    ring = [tuple(p) for p in ring]
                    assert ring[0] == ring[-1] and len(ring) >= 4
                    assert shoelace(ring) > 0, "outer ring must be CCW"
                    assert is_simple(ring), (self.name, f["id"])
            if self.gtype == "LineString":
                assert len(g["coordinates"]) >= 2
            for p in flatten(g["coordinates"]):
                assert p[0] == r7(p[0]) and p[1] == r7(p[1])
                assert 111.5 < p[0] < 113.0 and 33.8 < p[1] < 34.8
        ids = [f["id"] for f in self.features]
        assert ids == list(range(1, len(ids) + 1))

    def write(self):
        self.check()
        self.check_figures()
        path = os.path.join(OUT, self.name + ".geojson")
        head = "{\n" + ",\n".join('"%s":%s' % (k, json.dumps(v, ensure_ascii=False))
                                   for k, v in self.meta.items() if k != "schema")
        head += ',\n"schema":[\n' + ",\n".join(json.dumps(s) for s in self.meta["schema"]) + "\n]"
        if self.figures:
            head += ',\n"article_figures":[\n' + ",\n".join(json.dumps(f, ensure_ascii=False) for f in self.figures) + "\n]"
        lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":"), default=list) for f in self.features]
        body = ',\n"features":[\n' + ",\n".join(lines) + "\n]}\n" if lines else ',\n"features":[]}\n'
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(head + body)
        json.load(open(path, encoding="utf-8"))  # round-trip sanity
        return path


def flatten(c):
    if isinstance(c[0], (int, float)):
        return [c]
    out = []
    for x in c:
        out.extend(flatten(x))
    return out


def as_list(coords):
    return [[p[0], p[1]] for p in coords]


ARTICLE = "Luoyang newspaper page, OCR 000_b42ed26f568ed081.txt, summarised in shared/seed/DIGEST.md"
# The article's text (OCR, line breaks removed) when it is at hand, so every quoted figure is checked against it.
# shared/ lies beside the repository (../shared from its top) on developers' machines and in CI.
ARTICLE_FILE = os.environ.get("PARKGRID_ARTICLE", os.path.join(HERE, "..", "..", "..", "shared", "seed", "000_b42ed26f568ed081.txt"))


# Quotes are checked against it with all white space removed (the OCR breaks lines inside phrases).
if not os.path.exists(ARTICLE_FILE):
    raise SystemExit("make_seed.py checks every quoted figure against the article: set PARKGRID_ARTICLE to "
                     "000_b42ed26f568ed081.txt (not found at %s)" % ARTICLE_FILE)
ARTICLE_TEXT = "".join(open(ARTICLE_FILE, encoding="utf-8").read().split())

# ================================================================= 1. park
RUYANG_SEAT = pt(112.4669, 34.1540)   # FACTS.md [S]
SONG_SEAT = pt(112.0856, 34.1345)     # FACTS.md [S]
PARK_ORIGIN = (112.4400, 34.1630)     # SW corner of the drawing frame, ~1 km NW of the seat
pf = Frame(*PARK_ORIGIN)
park_shape = [(0, 100), (700, 0), (2350, 60), (2450, 900), (2300, 1700), (900, 1780), (80, 1500), (-60, 700)]
assert is_convex_ccw(park_shape)
PARK_TARGET = 4_000_000.0
cx0, cy0 = centroid_xy(park_shape)
scale = 1.0
for _ in range(6):
    poly_xy = [(cx0 + (x - cx0) * scale, cy0 + (y - cy0) * scale) for x, y in park_shape]
    park_ring = ccw([pf.ll(x, y) for x, y in poly_xy])
    scale *= math.sqrt(PARK_TARGET / ring_area_m2(park_ring))
park_area = ring_area_m2(park_ring)
assert abs(park_area / PARK_TARGET - 1) < 0.001, park_area
assert not inside(RUYANG_SEAT, park_ring)
assert 500 < min(vincenty(RUYANG_SEAT, p) for p in park_ring) < 3000  # near, not on top

park = Layer("park", "Ruyang Green Building Materials Industrial Park (4 km² expansion area)",
             "汝阳县绿色建材产业园（产业集聚区4平方千米拓展区）",
             "Outline of the planned 4 km² expansion area of the Ruyang industrial cluster district, designated "
             "the green building materials industrial park.",
             "Polygon",
             "Article (" + ARTICLE + "): 4 km² planned expansion area; FACTS.md: boundary not public, draw near the "
             "Ruyang county seat (112.4669, 34.1540 [S]).",
             "approximate: hand-drawn convex outline ~1 km NW/N of the Ruyang county seat, scaled to 4.0 km² "
             "geodesic; the real boundary is unknown, expected position error 1-3 km.",
             [("name_zh", "string"), ("name_en", "string"), ("area_m2", "integer"),
              ("planned_area_km2", "number"), ("position_source", "string")])
park.add([as_list(park_ring)], name_zh="汝阳县绿色建材产业园", name_en="Ruyang Green Building Materials Industrial Park",
         area_m2=int(round(park_area)), planned_area_km2=4.0,
         position_source="invented: hand-drawn outline near the Ruyang county seat (FACTS.md [S] seat coordinate); "
                         "area from the article, boundary unknown, ±1-3 km")
park.figure("park_planned_area_km2", "Planned expansion area, the green building materials park", "拓展区（绿色建材产业园）",
            4, "km² 平方公里", "规划建设4平方公里的拓展区为绿色建材产业园", "article §1 · DIGEST §1", scope="Ruyang County",
            sum_of="planned_area_km2")

# ================================================================= 2. parcels
park_xy = [pf.xy(p) for p in park_ring[:-1]]
assert is_convex_ccw(park_xy)
COLS = [-150, 780, 1620, 2650]
ROWS = [-150, 450, 900, 1350, 1950]
ROAD_HALF = 15.0      # 30 m roads between blocks
LANE_HALF = 10.0      # 20 m lane between the two parcels of a block
EDGE_INSET = 25.0     # boundary road / green strip along the park edge

HONGLU = "鸿路钢构"
ROLES = {  # (col,row,half) -> (status, land_use, enterprise or None)
    (0, 0, 0): ("occupied", "industrial", "国邦陶瓷"), (0, 0, 1): ("occupied", "industrial", "强盛陶瓷"),
    (1, 0, 0): ("occupied", "industrial", "洛玻龙昊"), (1, 0, 1): ("occupied", "industrial", "优克玻璃"),
    (2, 0, 0): ("occupied", "admin", None), (2, 0, 1): ("occupied", "utility", None),
    (0, 1, 0): ("occupied", "industrial", "泰石岩棉"), (0, 1, 1): ("occupied", "industrial", "北玻硅巢"),
    (1, 1, 0): ("occupied", "industrial", "安华科建"), (1, 1, 1): ("occupied", "industrial", "中电建（洛阳）"),
    (2, 1, 0): ("occupied", "industrial", "洛阳盛鸿金诺"), (2, 1, 1): ("occupied", "industrial", "住宅钢结构智能制造基地"),
    (0, 2, 0): ("occupied", "industrial", "中泰弘义"), (0, 2, 1): ("occupied", "industrial", "洛阳环升"),
    (1, 2, 0): ("occupied", "industrial", HONGLU),
    (2, 2, 0): ("occupied", "industrial", "河南六建装配式产业园"), (2, 2, 1): ("available", "logistics", None),
    (0, 3, 0): ("green", "green", None), (0, 3, 1): ("reserved", "industrial", None),
    (1, 3, 0): ("available", "industrial", None), (1, 3, 1): ("available", "logistics", None),
    (2, 3, 0): ("reserved", "industrial", None), (2, 3, 1): ("green", "green", None),
}
parcel_polys = []  # (key, xy poly)
for r in range(len(ROWS) - 1):
    for c in range(len(COLS) - 1):
        x0, x1 = COLS[c] + ROAD_HALF, COLS[c + 1] - ROAD_HALF
        y0, y1 = ROWS[r] + ROAD_HALF, ROWS[r + 1] - ROAD_HALF
        if (c, r) == (1, 2):   # Honglu phase II: one whole block
            rects = [(x0, y0, x1, y1)]
        else:
            xm = (x0 + x1) / 2
            rects = [(x0, y0, xm - LANE_HALF, y1), (xm + LANE_HALF, y0, x1, y1)]
        for h, (a0, b0, a1, b1) in enumerate(rects):
            poly = clip_convex([(a0, b0), (a1, b0), (a1, b1), (a0, b1)], park_xy, EDGE_INSET)
            if len(poly) >= 3:
                parcel_polys.append(((c, r, h), poly))

parcels = Layer("parcels", "Park land parcels", "园区地块",
                "Schematic land parcels tiling the park interior between 30 m roads, with status, land use and occupant.",
                "Polygon",
                "Occupants from the article (" + ARTICLE + ") and FACTS.md [S] (Henan No.6 Construction prefab park, "
                "Honglu phase II ~500 mu); parcel layout, status of unoccupied parcels and land use invented.",
                "approximate: schematic grid of blocks clipped 25 m inside the invented park outline; not cadastral "
                "data, expected position error 1-3 km (inherits the park outline's error).",
                [("parcel_id", "string"), ("status", "string"), ("enterprise", "string"), ("land_use", "string"),
                 ("area_m2", "integer"), ("position_source", "string")])
PARCEL_BY_ENT = {}
PARCEL_BY_USE = {}
for i, (key, poly) in enumerate(parcel_polys):
    ring = ccw([pf.ll(x, y) for x, y in poly])
    # drop duplicate vertices produced by rounding
    ring = [p for j, p in enumerate(ring) if j == 0 or p != ring[j - 1]]
    area = ring_area_m2(ring)
    status, use, ent = ROLES[key]
    pid = "RY-P%02d" % (i + 1)
    src = "invented: schematic block %s of a 3x4 grid, clipped inside the park outline" % (key[:2],)
    if ent == HONGLU:
        src += "; sized as Honglu phase II ~500 mu / ~33 ha (FACTS.md [S])"
        assert 300_000 < area < 366_000, area  # 33.3 ha ± 10 %
    parcels.add([as_list(ring)], parcel_id=pid, status=status, enterprise=ent, land_use=use,
                area_m2=int(round(area)), position_source=src)
    assert area > 30_000, (pid, area)
    if ent:
        PARCEL_BY_ENT[ent] = ring
    PARCEL_BY_USE.setdefault(use, []).append(ring)
assert 20 <= len(parcels.features) <= 30, len(parcels.features)
assert len(parcel_polys) == len(ROLES)
prings = [[tuple(p) for p in f["geometry"]["coordinates"][0]] for f in parcels.features]
for i, r1 in enumerate(prings):
    assert ring_inside(r1, park_ring), "parcel outside park"
    for r2 in prings[i + 1:]:
        assert rings_disjoint(r1, r2), "parcels overlap"
assert sum(ring_area_m2(r) for r in prings) > 0.75 * PARK_TARGET


def ring_centroid(ring):
    fr = Frame(*ring[0])
    c = centroid_xy([fr.xy(p) for p in ring[:-1]])
    return fr.ll(*c)


def toward_vertex(ring, k, t):
    """Point a fraction t of the way from the ring centroid to vertex k (inside for convex rings)."""
    c = ring_centroid(ring)
    v = ring[k]
    return pt(c[0] + t * (v[0] - c[0]), c[1] + t * (v[1] - c[1]))


# ================================================================= 3. enterprises
ENTS = [  # name_zh, name_en, cluster, status, note
    ("国邦陶瓷", "Guobang Ceramics", "ceramics", "operating", "article: ceramics cluster anchor"),
    ("强盛陶瓷", "Qiangsheng Ceramics", "ceramics", "operating", "article: ceramics cluster anchor"),
    ("洛玻龙昊", "Luobo Longhao Glass", "glass", "operating", "article: glass cluster anchor"),
    ("优克玻璃", "Youke Glass", "glass", "operating", "article: glass cluster anchor"),
    (HONGLU, "Honglu Steel Structure", "prefab", "operating",
     "article: prefab cluster anchor; FACTS.md [S]: phase II ~500 mu (~33 ha) - point on the phase II parcel"),
    ("北玻硅巢", "Beibo Guichao New Materials", "prefab", "operating",
     "article: prefab cluster anchor; FACTS.md [S]: 洛阳北玻硅巢新材料"),
    ("泰石岩棉", "Taishi Rock Wool", "insulation", "operating", "article: insulation & decoration materials anchor"),
    ("安华科建", "Anhua Kejian", "prefab", "under_construction", "article: large project under construction"),
    ("中电建（洛阳）", "PowerChina (Luoyang)", "prefab", "under_construction",
     "article: large project under construction; taken to be the same as FACTS.md's PowerChina prefab park"),
    ("中泰弘义", "Zhongtai Hongyi", "prefab", "under_construction", "article: large project under construction"),
    ("洛阳环升", "Luoyang Huansheng", "prefab", "under_construction",
     "article: large project under construction; solid-waste building materials (FACTS.md [S] 中冶环升, taken as the "
     "same firm); no better cluster value, grouped with prefab/green materials as the article does"),
    ("洛阳盛鸿金诺", "Luoyang Shenghong Jinnuo", "equipment", "operating",
     "article photo: high-end multi-storey parking equipment; status assumed"),
    ("住宅钢结构智能制造基地", "Residential steel-structure smart-manufacturing base", "prefab", "operating",
     "article photo caption; operator not named (may belong to one of the prefab firms); status assumed"),
    ("河南六建装配式产业园", "Henan No.6 Construction prefab park", "prefab", "operating",
     "FACTS.md [S]: hosted by the industrial cluster district; not in the article; status assumed"),
]
ENTERPRISES_STATED = 24  # article §1: 全县绿色建材企业达24家
ents = Layer("enterprises", "Park enterprises", "园区企业",
             "The 24 green building materials enterprises the article counts: the 13 it names plus one from FACTS.md, "
             "one point each inside the parcel it occupies, and 10 unnamed, unlocated placeholders.",
             "Point",
             "Names, clusters and under-construction status from the article (" + ARTICLE + "); Henan No.6 "
             "Construction prefab park and Honglu phase II size from FACTS.md [S]. The article gives only the total "
             "(24 enterprises, annual output > 8 billion yuan), so per-firm output/investment are null and the 10 "
             "firms it does not name are placeholders (`placeholder` = 1, geometry null).",
             "approximate: each named firm's point is the centroid of an invented parcel inside the invented park "
             "outline; expected error 1-3 km; relative positions inside the park are not real. Placeholders have "
             "no position (geometry null).",
             [("name_zh", "string"), ("name_en", "string"), ("cluster", "string"), ("status", "string"),
              ("output_cny", "number"), ("investment_cny", "number"), ("placeholder", "integer"),
              ("name_source", "string"), ("note", "string"), ("position_source", "string")])
for zh, en, cl, st, note in ENTS:
    ring = PARCEL_BY_ENT[zh]
    p = ring_centroid(ring)
    assert inside(p, ring) and inside(p, park_ring)
    ents.add(list(p), name_zh=zh, name_en=en, cluster=cl, status=st, output_cny=None, investment_cny=None,
             placeholder=0, name_source="FACTS.md" if note.startswith("FACTS.md") else "article", note=note,
             position_source="invented: centroid of its parcel in the schematic park layout (±1-3 km)")
assert len(PARCEL_BY_ENT) == len(ENTS)
for n in range(len(ENTS) + 1, ENTERPRISES_STATED + 1):
    ents.add(None, name_zh="待补充企业 %d (placeholder)" % n, name_en="Enterprise %d to be added (placeholder)" % n,
             cluster=None, status=None, output_cny=None, investment_cny=None, placeholder=1, name_source="placeholder",
             note="placeholder: the article counts 24 green building materials enterprises but names only 13 (one more "
                  "from FACTS.md); name, cluster, status and figures unknown",
             position_source="none: placeholder, no position known (geometry null)")
ents.figure("enterprises_total", "Green building materials enterprises in Ruyang County", "汝阳县绿色建材企业",
            ENTERPRISES_STATED, "enterprises 家", "全县绿色建材企业达24家", "article §1 · DIGEST §1", scope="Ruyang County",
            count=True)
ents.figure("enterprises_annual_output", "Annual output of green building materials", "绿色建材年产值",
            8_000_000_000, "yuan 元", "绿色建材年产值超过80亿元", "article §1 · DIGEST §1", qualifier="more_than",
            scope="Ruyang County")
ents.figure("sme_loan_fund", "SME loan-renewal fund raised by the county", "中小微企业还贷周转金", 5_000_000, "yuan 元",
            "县财政筹集资金500 万元", "article §1 (产融结合) · DIGEST §1", scope="Ruyang County")

# ================================================================= 4. projects (ledger) / suggestions (empty)
# Article §1: 汝阳县纳入全市地企合作管理台账项目共 144 个，其中产业项目 36 项、产销对接项目 18 项、科技成果转化项目 14 项、
# 产融结合项目 76 项，各类协议、项目总投资127.3亿元。  No project is named or located, and no per-project investment.
LEDGER = [  # category, Chinese category, English label, count, the article's words
    ("industrial", "产业项目", "industrial project", 36, "产业项目 36 项"),
    ("production_sales", "产销对接项目", "production-sales matching project", 18, "产销对接项目 18 项"),
    ("tech_transfer", "科技成果转化项目", "technology transfer project", 14, "科技成果转化项目 14 项"),
    ("industry_finance", "产融结合项目", "industry-finance project", 76, "产融结合项目 76 项"),
]
LEDGER_TOTAL = 144
assert sum(c for _, _, _, c, _ in LEDGER) == LEDGER_TOTAL
projects = Layer("projects", "Cooperation ledger projects", "地企合作项目台账",
                 "Ruyang's 144 entries in the city's local-enterprise cooperation ledger (36 industrial, 18 "
                 "production-sales, 14 technology transfer, 76 industry-finance; 12.73 billion yuan in all). The "
                 "article names none of them: every entry is a placeholder with its category only.",
                 "Point",
                 "Article (" + ARTICLE + "): 汝阳县纳入全市地企合作管理台账项目共144个 with the category counts and the total "
                 "investment of 12.73 billion yuan. Names, places, per-project investment, status and leaders are "
                 "not stated, so they are null.",
                 "none: no entry has a known place, so every geometry is null (RFC 7946 §3.2); editors add positions.",
                 [("ledger_no", "integer"), ("name_zh", "string"), ("name_en", "string"), ("category", "string"),
                  ("category_zh", "string"), ("investment_cny", "number"), ("status", "string"),
                  ("responsible_leader", "string"), ("placeholder", "integer"), ("source", "string"),
                  ("position_source", "string")])
n = 0
for cat, cat_zh, cat_en, count, words in LEDGER:
    for k in range(1, count + 1):
        n += 1
        projects.add(None, ledger_no=n, name_zh="台账项目 %03d（%s %d/%d，待补充）" % (n, cat_zh, k, count),
                     name_en="Ledger entry %03d (%s %d of %d, placeholder)" % (n, cat_en, k, count), category=cat,
                     category_zh=cat_zh, investment_cny=None, status=None, responsible_leader=None, placeholder=1,
                     source="article §1: one of the %d %s (%s) of the 144-project ledger; name, place and investment "
                            "not stated (placeholder)" % (count, cat_zh, words),
                     position_source="none: the article gives no place for any ledger project (geometry null)")
assert n == LEDGER_TOTAL
projects.figure("ledger_projects", "Projects in the city's cooperation ledger", "纳入全市地企合作管理台账项目", LEDGER_TOTAL,
                "projects 个", "汝阳县纳入全市地企合作管理台账项目共 144 个", "article §1 · DIGEST §1", scope="Ruyang County",
                count=True)
for cat, cat_zh, cat_en, count, words in LEDGER:
    projects.figure("ledger_" + cat, "Ledger: " + cat_en + "s", cat_zh, count, "projects 项", words, "article §1 · DIGEST §1",
                    scope="Ruyang County", where={"category": cat}, count=True)
projects.figure("ledger_investment", "Total investment of the ledger's agreements and projects", "各类协议、项目总投资",
                12_730_000_000, "yuan 元", "各类协议、项目总投资127.3亿元", "article §1 · DIGEST §1", scope="Ruyang County")
Layer("suggestions", "Public planning suggestions", "市民规划建议",
      "Suggestions submitted by citizens acting as 'amateur planners' (POST /suggestions), answered by editors; "
      "empty in the seed. status: new, under_review, answered; client: a salted hash of the sender's address, "
      "used only to limit posts per hour.",
      "Point", "Schema from DESIGN.md; the open-door planning idea from the article (" + ARTICLE + ").",
      "not applicable: no features; positions are supplied by the submitters.",
      [("text", "string"), ("category", "string"), ("status", "string"), ("created_at", "string"),
       ("author", "string"), ("position_source", "string"), ("client", "string"), ("reply", "string"),
       ("answered_at", "string"), ("answered_by", "string")], temporal="created_at")

# ================================================================= 9. wind farm (built early: villages avoid it)
WF_CENTRE = pt(112.3440, 34.1890)
wf = Frame(*WF_CENTRE)
WF_AXIS = 55.0  # ridge direction, degrees clockwise from north (SW-NE)


def rot(x_along, y_across):
    """Ridge-aligned metres -> east/north metres."""
    a = WF_AXIS * RAD
    return (x_along * math.sin(a) + y_across * math.cos(a), x_along * math.cos(a) - y_across * math.sin(a))


wf_shape = [(-2100, -350), (-1500, -800), (800, -850), (2100, -450), (2200, 500), (900, 900), (-1300, 850), (-2150, 350)]
wf_ring = ccw([wf.ll(*rot(a, b)) for a, b in wf_shape])
assert is_simple(wf_ring)
wf_area = ring_area_m2(wf_ring)
assert 3e6 < wf_area < 9e6, wf_area
WF_NAME = "中广核汝阳柏树风电场"
wind = Layer("wind_farm", "CGN Ruyang Baishu wind farm", "中广核汝阳柏树风电场",
             "Schematic boundary of the CGN Ruyang Baishu wind farm on the hills of Baishu township, west of the Ruyang seat.",
             "Polygon",
             "Name and township from the article's photo caption (" + ARTICLE + "); Baishu township location from "
             "FACTS.md (guess ≈112.37, 34.17; [S] 9 km W of the Ruyang seat, 70 km²).",
             "approximate: invented outline on the NW part of Baishu township; real boundary and size unknown, "
             "expected error 3-5 km.",
             [("name_zh", "string"), ("name_en", "string"), ("operator", "string"), ("capacity_mw", "number"),
              ("area_m2", "integer"), ("position_source", "string")])
wind.add([as_list(wf_ring)], name_zh=WF_NAME, name_en="CGN Ruyang Baishu Wind Farm", operator="CGN 中广核",
         capacity_mw=None, area_m2=int(round(wf_area)),
         position_source="guess: invented ridge outline in NW Baishu township (FACTS.md guess 112.37, 34.17), ±3-5 km")

turb = Layer("wind_turbines", "Wind turbines (CGN Ruyang Baishu)", "风电机组（中广核汝阳柏树风电场）",
             "Schematic turbine positions along two ridges inside the wind-farm outline, ~400 m apart.",
             "Point",
             "Wind farm from the article's photo caption (" + ARTICLE + "); turbine count and positions invented.",
             "approximate: invented positions along two straight ridge lines, ~400 m apart; number of turbines "
             "unknown; expected error 3-5 km.",
             [("name_zh", "string"), ("name_en", "string"), ("farm", "string"), ("position_source", "string")])
k = 0
for ridge_y, x_start, n in ((-380, -1700, 9), (420, -1300, 7)):
    for i in range(n):
        k += 1
        p = wf.ll(*rot(x_start + 400 * i, ridge_y + (60 if i % 2 else -60)))
        assert inside(p, wf_ring)
        turb.add(list(p), name_zh="%02d号风机" % k, name_en="WTG-%02d" % k, farm=WF_NAME,
                 position_source="invented: ridge line inside the schematic wind-farm outline, 400 m spacing")

# ================================================================= 5. villages
BAISHU_C = pt(112.37, 34.17)
bf = Frame(*BAISHU_C)
BAISHU = [  # zh, pinyin, dx km, dy km  (spread over ~70 km², avoiding the wind-farm outline)
    ("柏树", "Baishu", 0.6, -0.4), ("华沟", "Huagou", -3.0, -1.6), ("漫流", "Manliu", 2.6, 0.9),
    ("布岭", "Buling", -1.4, -3.0), ("黄路", "Huanglu", 3.1, -2.0), ("康扒", "Kangba", 1.3, 2.9),
    ("秦停", "Qinting", -3.9, -0.4), ("五龙", "Wulong", 3.6, 3.1), ("水磨", "Shuimo", 0.6, 1.2),
    ("孔龙", "Konglong", -0.8, -1.7), ("枣林", "Zaolin", 1.9, -3.4), ("石门", "Shimen", -3.2, -3.6),
    ("杨沟", "Yanggou", -0.2, 3.9),
]
vill = Layer("villages", "Villages and communities", "村庄与社区",
             "Administrative villages named in the article and FACTS.md, plus the county towns and two clearly "
             "labelled placeholder settlements beside the park.",
             "Point",
             "Chengcun, Dongyuantou, Sanhe and their upgrades from the article (" + ARTICLE + "); Baishu township's 13 "
             "villages, town/township locations and county seats from FACTS.md ([S] seats; guessed township centres).",
             "approximate: county seats from FACTS.md [S] (±1 km); Song County villages placed near guessed township "
             "centres (±3-5 km; Sanhe/Huangzhuang unknown, ±15 km); Baishu villages spread by hand over the "
             "township (±3 km); placeholders invented. Not survey data.",
             [("name_zh", "string"), ("name_en", "string"), ("township", "string"), ("township_zh", "string"),
              ("county", "string"), ("population", "integer"), ("households", "integer"),
              ("population_note", "string"), ("name_source", "string"), ("upgrade_year", "integer"),
              ("upgrade_year_source", "string"), ("upgrade_status", "string"), ("upgrade_note", "string"),
              ("supply_class", "string"), ("position_source", "string")])
VILLAGE_PT = {}


# name_source: where the village's name comes from ("article", "FACTS.md", "placeholder").
# upgrade_year_source: the article states no year at all, so a year is either "inferred" from its wording
# (the undated article is taken to be from 2019) or "illustrative" (invented); null when the year is null.
YEAR_SOURCES = ("inferred", "illustrative")


def add_village(p, zh, en, twp, twp_zh, county, name_source, year, year_source, status, unote, cls, src):
    VILLAGE_PT[zh] = p
    assert not inside(p, wf_ring), zh
    assert not inside(p, park_ring), zh
    assert (year is None) == (year_source is None) and year_source in YEAR_SOURCES + (None,), zh
    vill.add(list(p), name_zh=zh, name_en=en, township=twp, township_zh=twp_zh, county=county, population=None,
             households=None, population_note=None, name_source=name_source, upgrade_year=year,
             upgrade_year_source=year_source, upgrade_status=status, upgrade_note=unote, supply_class=cls,
             position_source=src)


for i, (zh, py, dx, dy) in enumerate(BAISHU):
    year = (2020, 2021, 2022)[i % 3]
    add_village(bf.ll(dx * 1000, dy * 1000), zh + "村", py + " Village", "Baishu", "柏树乡", "Ruyang", "FACTS.md",
                year, "illustrative", "planned",
                "illustrative: the article gives only city-wide targets (350 villages by 2020, 400 more by 2022); "
                "year and status invented", "D",
                "guess: spread by hand over Baishu township around FACTS.md guess 112.37, 34.17, ±3 km")
CHENGCUN = pt(112.2140, 34.2460)
DONGYUANTOU = pt(112.0040, 34.2890)
SANHE = pt(112.2000, 34.0500)
add_village(CHENGCUN, "程村", "Chengcun Village", "Tianhu", "田湖镇", "Song", "article", 2019, "inferred", "upgraded",
            "article: 2 new transformer areas, 2 new transformers 800 kVA, 1.09 km new overhead line (work under way "
            "in summer of the undated article, taken as 2019)", "D",
            "guess: near the FACTS.md guess for Tianhu town (112.22, 34.24), ±3-5 km")
add_village(DONGYUANTOU, "东源头村", "Dongyuantou Village", "Daping", "大坪乡", "Song", "article", 2018, "inferred",
            "upgraded",
            "article: done 'in the past two years' (前两年) before the undated article (~2019): 1.46 million yuan, 5 "
            "transformer areas, 2 new transformers, 1.41 km 10 kV, 11 km 400 V; year 2018 assumed", "D",
            "guess: near the FACTS.md guess for Daping township (112.00, 34.28), ±3-5 km")
add_village(SANHE, "三合村", "Sanhe Village", "Huangzhuang", "黄庄乡", "Song", "article", None, None, "upgraded",
            "article: low voltage and tangled wiring fixed; year not stated", "D",
            "guess: Huangzhuang township position unknown (FACTS.md); placed plausibly SE of the Song seat, ±15 km")
add_village(RUYANG_SEAT, "汝阳县城", "Ruyang county town", "Chengguan", "城关镇", "Ruyang", "FACTS.md", None, None,
            "not_started",
            "county town, not a rural-grid upgrade target", "C", "FACTS.md [S] Ruyang county seat coordinate")
add_village(SONG_SEAT, "嵩县县城", "Song county town", "Chengguan", "城关镇", "Song", "FACTS.md", None, None,
            "not_started",
            "county town, not a rural-grid upgrade target", "C", "FACTS.md [S] Song county seat coordinate")
park_north = pf.ll(1300, 2350)
park_west = pf.ll(-700, 900)
add_village(park_north, "园区北侧居民点（示意）", "Park north settlement (generic placeholder)", "Chengguan", "城关镇",
            "Ruyang", "placeholder", None, None, "not_started", "placeholder, name invented", "D",
            "invented: generic placeholder ~600 m north of the park outline (for buffer/siting analyses)")
add_village(park_west, "园区西侧居民点（示意）", "Park west settlement (generic placeholder)", "Chengguan", "城关镇",
            "Ruyang", "placeholder", None, None, "not_started", "placeholder, name invented", "D",
            "invented: generic placeholder ~600 m west of the park outline (for buffer/siting analyses)")
assert [f["properties"]["name_zh"] for f in vill.features if f["properties"]["name_source"] == "article"] == \
    ["程村", "东源头村", "三合村"]  # the only villages the article names
TARGET_2020 = "到2020年，完成1座110千伏变电站和350个行政村电网改造任务"
TARGET_2022 = "到2022年，再完成1座110千伏变电站和400个行政村电网改造任务"
CITY = "Luoyang city-wide 全市"
vill.figure("village_upgrade_target", "Administrative villages to have their grid upgraded", "行政村电网改造任务", 350,
            "villages 个", TARGET_2020, "article §3 · DIGEST §3", year=2020, scope=CITY)
vill.figure("village_upgrade_target", "Further administrative villages to have their grid upgraded", "再完成行政村电网改造任务",
            400, "villages 个", TARGET_2022, "article §3 · DIGEST §3", year=2022, qualifier="additional", scope=CITY)
vill.figure("dongyuantou_investment", "Dongyuantou: grid investment", "东源头村电网投资", 1_460_000, "yuan 元",
            "投资 146 万元", "article §3 · DIGEST §3", scope="东源头村")

# ================================================================= 6. substations
subs = Layer("substations", "Substations (110 kV / 35 kV)", "变电站（110千伏/35千伏）",
             "Schematic 110 kV and 35 kV substations feeding the park and the named villages; names are generic.",
             "Point",
             "FACTS.md: no 110 kV substation names found, so names are generic; the article mentions 110 kV substations "
             "only as city-wide targets (" + ARTICLE + ").",
             "approximate: invented positions near the places they serve (county seats, park, Tianhu, Daping, "
             "Huangzhuang); expected error 2-10 km; capacities are typical values, not real ones.",
             [("name_zh", "string"), ("name_en", "string"), ("voltage_kv", "number"), ("capacity_mva", "number"),
              ("year", "integer"), ("position_source", "string")], temporal="year")
SUB = {}


def add_sub(key, p, zh, en, kv, mva, src):
    SUB[key] = p
    subs.add(list(p), name_zh=zh, name_en=en, voltage_kv=kv, capacity_mva=mva, year=None, position_source=src)


subs.figure("substation_110kv_target", "110 kV substations to be completed", "完成110千伏变电站", 1, "substations 座",
            TARGET_2020, "article §3 · DIGEST §3", year=2020, scope=CITY)
subs.figure("substation_110kv_target", "Another 110 kV substation to be completed", "再完成110千伏变电站", 1, "substations 座",
            TARGET_2022, "article §3 · DIGEST §3", year=2022, qualifier="additional", scope=CITY)
add_sub("ruyang", offset(RUYANG_SEAT, 900, -700), "汝阳城关110千伏变电站（示意）", "Ruyang Chengguan 110 kV substation (generic)",
        110, 100, "invented: ~1.1 km SE of the Ruyang county seat (FACTS.md [S]); 2x50 MVA typical")
park_sub = ring_centroid(PARCEL_BY_USE["utility"][0])
add_sub("park", park_sub, "汝阳产业园110千伏变电站（示意）", "Ruyang Park 110 kV substation (generic)", 110, 100,
        "invented: centroid of the park's utility parcel; 2x50 MVA typical")
add_sub("tianhu", pt(112.2330, 34.2340), "嵩县田湖110千伏变电站（示意）", "Song Tianhu 110 kV substation (generic)", 110, 63,
        "invented: near the FACTS.md guess for Tianhu town (112.22, 34.24); 2x31.5 MVA typical")
add_sub("song", offset(SONG_SEAT, 1200, -600), "嵩县城关110千伏变电站（示意）", "Song Chengguan 110 kV substation (generic)",
        110, 100, "invented: ~1.3 km SE of the Song county seat (FACTS.md [S]); 2x50 MVA typical")
add_sub("daping", pt(112.0110, 34.2770), "嵩县大坪35千伏变电站（示意）", "Song Daping 35 kV substation (generic)", 35, 20,
        "invented: near the FACTS.md guess for Daping township (112.00, 34.28); 2x10 MVA typical")
add_sub("huangzhuang", offset(SANHE, 1500, 1200), "嵩县黄庄35千伏变电站（示意）", "Song Huangzhuang 35 kV substation (generic)",
        35, 10, "invented: near the guessed Sanhe position (Huangzhuang township position unknown), ±15 km; 1x10 MVA")

# ================================================================= 7/8. transformers and power lines
trans = Layer("transformers", "Distribution transformers (10/0.4 kV)", "配电变压器（10/0.4千伏）",
              "Distribution transformers (one per transformer area 台区) in the park and the named villages.",
              "Point",
              "Chengcun (2 new, 800 kVA) and Dongyuantou (5 transformer areas, 2 new) from the article (" + ARTICLE + "); "
              "ratings from the standard series (FACTS.md [R]); all other transformers, ratings and years invented.",
              "approximate: placed a few hundred metres around the (guessed) village points or inside park parcels; "
              "expected error that of the village/park (±3-15 km); Dongyuantou/Chengcun transformers are placed at "
              "the ends of lines drawn to the article's lengths.",
              [("name_zh", "string"), ("name_en", "string"), ("village", "string"), ("capacity_kva", "integer"),
               ("capacity_source", "string"), ("year", "integer"), ("new_in_upgrade", "integer"), ("note", "string"),
               ("position_source", "string")],
              temporal="year")
lines = Layer("power_lines", "Power lines", "电力线路",
              "Schematic 110 kV / 35 kV / 10 kV / 0.4 kV network; every line starts and ends exactly on a substation "
              "or transformer point so a network graph can be built.",
              "LineString",
              "Upgrade line lengths from the article (" + ARTICLE + "): Chengcun 1.09 km new overhead line (voltage not "
              "stated, modelled as 10 kV), Dongyuantou 1.41 km 10 kV and 11 km 400 V. Network topology, routes and all "
              "other lines invented.",
              "approximate: routes are straight or hand-bent lines between invented points, not real routes; "
              "lengths (length_km, geodesic WGS84) of the upgrade lines match the article, everything else is "
              "illustrative; expected error 2-15 km.",
              [("name_zh", "string"), ("name_en", "string"), ("voltage_kv", "number"), ("kind", "string"),
               ("feeder", "string"), ("year", "integer"), ("length_km", "number"), ("upgrade_project", "string"),
               ("from_node", "string"), ("to_node", "string"), ("position_source", "string")], temporal="year")
RATINGS = (100, 125, 160, 200, 250, 315, 400, 500, 630, 800)
TR = {}       # key -> point
NODE = {}     # node name -> point  (substations + transformers)
for key, p in SUB.items():
    NODE["SUB:" + key] = p
LINE_ENDS = []  # (feature, from_key, to_key)


# capacity_source: "article_new" = the article's new capacity (Chengcun's 800 kVA; the 400 + 400 split is
# assumed); "illustrative_new" / "illustrative_existing" = an invented rating of a new / existing transformer.
CAPACITY_SOURCES = ("article_new", "illustrative_new", "illustrative_existing")


def add_tr(key, p, zh, en, village, kva, year, new, note, src, capacity_source=None):
    assert kva in RATINGS
    if capacity_source is None:
        capacity_source = "illustrative_new" if new else "illustrative_existing"
    assert capacity_source in CAPACITY_SOURCES and (capacity_source != "article_new" or new)
    TR[key] = p
    NODE["TR:" + key] = p
    trans.add(list(p), name_zh=zh, name_en=en, village=village, capacity_kva=kva, capacity_source=capacity_source,
              year=year, new_in_upgrade=new, note=note, position_source=src)


def add_line(coords, frm, to, zh, en, kv, kind, feeder, year, project, src):
    coords = [pt(*c) for c in coords]
    assert coords[0] == NODE[frm], (frm, coords[0], NODE[frm])
    if to is not None:
        assert coords[-1] == NODE[to], (to, coords[-1], NODE[to])
    for j in range(len(coords) - 1):
        assert coords[j] != coords[j + 1]
    L = line_length_m(coords)
    f = lines.add(as_list(coords), name_zh=zh, name_en=en, voltage_kv=kv, kind=kind, feeder=feeder, year=year,
                  length_km=round(L / 1000, 2), upgrade_project=project, from_node=frm, to_node=to,
                  position_source=src)
    f["_len"] = L
    return f


def bent(a, b, frac=0.5, side=0.08):
    """a -> b with one deterministic bend (side offset as a fraction of the length)."""
    fr = Frame(*a)
    bx, by = fr.xy(b)
    mx, my = bx * frac - by * side, by * frac + bx * side
    return [a, fr.ll(mx, my), b]


# --- 110 kV / 35 kV backbone
SRC_BACKBONE = "invented: plausible route between invented substations, one or two hand-set bends"
add_line(bent(SUB["ruyang"], SUB["park"], 0.5, 0.1), "SUB:ruyang", "SUB:park", "城关—园区110千伏线路",
         "Chengguan-Park 110 kV line", 110, "overhead", None, None, None, SRC_BACKBONE)
add_line([SUB["ruyang"], pt(112.40, 34.135), pt(112.33, 34.160), pt(112.28, 34.205), SUB["tianhu"]], "SUB:ruyang", "SUB:tianhu",
         "汝阳城关—田湖110千伏线路", "Ruyang Chengguan-Tianhu 110 kV line", 110, "overhead", None, None, None,
         SRC_BACKBONE + " (south of the wind-farm outline)")
add_line(bent(SUB["tianhu"], SUB["song"], 0.5, -0.12), "SUB:tianhu", "SUB:song", "田湖—嵩县城关110千伏线路",
         "Tianhu-Song Chengguan 110 kV line", 110, "overhead", None, None, None, SRC_BACKBONE)
add_line(bent(SUB["song"], SUB["daping"], 0.45, 0.1), "SUB:song", "SUB:daping", "嵩县城关—大坪35千伏线路",
         "Song Chengguan-Daping 35 kV line", 35, "overhead", None, None, None, SRC_BACKBONE)
add_line(bent(SUB["song"], SUB["huangzhuang"], 0.5, -0.1), "SUB:song", "SUB:huangzhuang", "嵩县城关—黄庄35千伏线路",
         "Song Chengguan-Huangzhuang 35 kV line", 35, "overhead", None, None, None, SRC_BACKBONE)

# --- park: transformers in parcels, two 10 kV cable feeders
park_tr_specs = [  # (enterprise or land use, zh, en, kva)
    ("admin", "园区管委会配变", "Park admin transformer", 630),
    ("洛阳盛鸿金诺", "盛鸿金诺配变", "Shenghong Jinnuo transformer", 800),
    ("优克玻璃", "优克玻璃配变", "Youke Glass transformer", 800),
    ("河南六建装配式产业园", "六建产业园配变", "Henan No.6 prefab park transformer", 630),
    ("北玻硅巢", "北玻硅巢配变", "Beibo Guichao transformer", 800),
    ("泰石岩棉", "泰石岩棉配变", "Taishi Rock Wool transformer", 630),
]
for i, (who, zh, en, kva) in enumerate(park_tr_specs):
    ring = PARCEL_BY_USE[who][0] if who in PARCEL_BY_USE else PARCEL_BY_ENT[who]
    p = toward_vertex(ring, 0, 0.6)
    assert inside(p, ring)
    add_tr("park%d" % (i + 1), p, zh, en, None, kva, None, 0,
           "illustrative public/customer transformer; real plants take far larger supplies",
           "invented: inside the parcel, 60 % of the way from its centroid to its SW corner")
SRC_PARK_LINE = "invented: straight cable run between invented park points"
for fname, fzh, chain in (("Park 10 kV feeder No.1", "园区10千伏1号线", ["park1", "park2", "park4"]),
                          ("Park 10 kV feeder No.2", "园区10千伏2号线", ["park3", "park6", "park5"])):
    prev = "SUB:park"
    for t in chain:
        add_line([NODE[prev], TR[t]], prev, "TR:" + t, fzh, fname, 10, "cable", fname, None, None, SRC_PARK_LINE)
        prev = "TR:" + t

# --- Baishu villages: one transformer each, two 10 kV feeders from Ruyang Chengguan, two 0.4 kV lines each.
# The feeders are radial trees (a trunk with branches, as rural feeders are), not chains: every transformer
# lies within the class-D 10 kV supply radius (DL/T 5729, 15 km [R]) along the lines; checked below.
SRC_LV = "invented: short 0.4 kV line from the transformer into the village (≤500 m, class D radius)"
BAISHU_FEEDER_MAX_M = 15000.0
baishu_tree_n = [("漫流", None), ("五龙", "漫流"), ("水磨", "漫流"), ("柏树", "水磨"), ("康扒", "水磨"), ("杨沟", "康扒")]
baishu_tree_s = [("黄路", None), ("枣林", "黄路"), ("孔龙", "黄路"), ("布岭", "孔龙"), ("石门", "布岭"), ("华沟", "孔龙"),
                 ("秦停", "华沟")]
for i, (zh, py, dx, dy) in enumerate(BAISHU):
    v = VILLAGE_PT[zh + "村"]
    p = offset(v, 120, -90)
    add_tr("bs_" + zh, p, zh + "村1号配变", py + " transformer No.1", zh + "村", (200, 315, 400, 160)[i % 4], None, 0,
           "illustrative", "invented: ~150 m SE of the (guessed) village point")
    for j, brg in enumerate((20 + 37 * i, 200 + 37 * i)):
        add_line(walk(p, [(brg, 200), (brg + 30, 180)]), "TR:bs_" + zh, None, zh + "村0.4千伏线路%d" % (j + 1),
                 "%s 0.4 kV line %d" % (py, j + 1), 0.4, "overhead", None, None, None, SRC_LV)
baishu_path_m = {}  # transformer key -> metres along the feeder from SUB:ruyang
for fname, fzh, tree in (("Baishu north 10 kV feeder", "柏树北10千伏线", baishu_tree_n),
                         ("Baishu south 10 kV feeder", "柏树南10千伏线", baishu_tree_s)):
    for zh, parent in tree:
        prev = "SUB:ruyang" if parent is None else "TR:bs_" + parent
        t = "TR:bs_" + zh
        seg = bent(NODE[prev], NODE[t], 0.5, 0.05) if prev.startswith("SUB") else [NODE[prev], NODE[t]]
        f = add_line(seg, prev, t, fzh, fname, 10, "overhead", fname, None, None,
                     "invented: straight/bent 10 kV line between invented points (radial feeder tree)")
        baishu_path_m[t] = baishu_path_m.get(prev, 0.0) + f["_len"]
assert max(baishu_path_m.values()) <= BAISHU_FEEDER_MAX_M, max(baishu_path_m.values())  # class D 10 kV radius
print("Baishu feeders: longest path along the lines %.0f m (limit %.0f m)" % (max(baishu_path_m.values()), BAISHU_FEEDER_MAX_M))

# --- Chengcun (Song, Tianhu): existing overloaded transformer + 2 new (800 kVA), 1.09 km new overhead line
CC_FEEDER = "Chengcun 10 kV feeder"
CC_PROJECT = "Chengcun 2019 upgrade"
add_tr("cc0", offset(CHENGCUN, 60, 40), "程村原有配变", "Chengcun existing transformer", "程村", 200, None, 0,
       "illustrative: the pre-existing, overloaded transformer (article: upgrade cured heavy load); its 200 kVA "
       "rating is invented and not part of the article's 800 kVA",
       "invented: ~70 m from the (guessed) Chengcun village point")
add_line(bent(SUB["tianhu"], TR["cc0"], 0.5, 0.06), "SUB:tianhu", "TR:cc0", "程村10千伏线", CC_FEEDER, 10, "overhead",
         CC_FEEDER, None, None, "invented: existing feeder from the invented Tianhu substation")
cc_new = []
for k, (legs, target, kva) in enumerate((([(300, 260), (330, 300)], 560.0, 400),
                                         ([(160, 240), (205, 290)], 530.0, 400)), start=1):
    coords = walk_exact(TR["cc0"], legs, target)
    add_tr("cc%d" % k, coords[-1], "程村新建%d号台区配变" % k, "Chengcun new transformer area No.%d" % k, "程村", kva, 2019, 1,
           "article: 2 new transformers, 800 kVA in total; split 400+400 and year 2019 assumed",
           "invented: at the end of the new line drawn to the article's length", capacity_source="article_new")
    cc_new.append(add_line(coords, "TR:cc0", "TR:cc%d" % k, "程村新建10千伏架空线路%d" % k,
                           "Chengcun new 10 kV overhead line %d" % k, 10, "overhead", CC_FEEDER, 2019, CC_PROJECT,
                           "invented route; length from the article (1.09 km total, voltage not stated -> 10 kV)"))
for k, t in enumerate(("cc0", "cc1", "cc2")):
    for j, brg in enumerate((45 + 40 * k, 250 + 40 * k)):
        add_line(walk(TR[t], [(brg, 180), (brg - 25, 150)]), "TR:" + t, None, "程村0.4千伏线路%d-%d" % (k, j + 1),
                 "Chengcun 0.4 kV line %d-%d" % (k, j + 1), 0.4, "overhead", None, None, None,
                 SRC_LV + "; not part of the article's 1.09 km")

# --- Dongyuantou (Song, Daping): 5 transformer areas (2 new), 1.41 km 10 kV, 11 km 400 V
DY_FEEDER = "Dongyuantou 10 kV feeder"
DY_PROJECT = "Dongyuantou 2017-2018 upgrade"
DY_YEAR = 2018
dy1 = offset(DONGYUANTOU, -50, -60)
add_tr("dy1", dy1, "东源头1号台区配变", "Dongyuantou transformer area No.1", "东源头村", 315, DY_YEAR, 0,
       "rebuilt transformer area (article: 5 built or rebuilt); rating invented", "invented: ~80 m from the village point")
add_line(bent(SUB["daping"], dy1, 0.5, 0.07), "SUB:daping", "TR:dy1", "东源头10千伏线", DY_FEEDER, 10, "overhead",
         DY_FEEDER, None, None, "invented: existing feeder from the invented Daping substation")
dy_hv = []
DY_SPECS = [  # key, from, legs, length m, kva, new
    ("dy2", "dy1", [(20, 180), (45, 150)], 330.0, 200, 0),
    ("dy3", "dy2", [(60, 140), (30, 140)], 280.0, 200, 1),
    ("dy4", "dy1", [(230, 220), (200, 200)], 420.0, 160, 0),
    ("dy5", "dy4", [(250, 200), (280, 180)], 380.0, 100, 1),
]
for key, frm, legs, target, kva, new in DY_SPECS:
    coords = walk_exact(TR[frm], legs, target)
    n = int(key[2])
    add_tr(key, coords[-1], "东源头%d号台区配变" % n, "Dongyuantou transformer area No.%d" % n, "东源头村", kva, DY_YEAR, new,
           ("article: one of the 2 new transformers" if new else "rebuilt transformer area") + "; rating invented",
           "invented: at the end of a 10 kV line drawn to the article's lengths")
    dy_hv.append(add_line(coords, "TR:" + frm, "TR:" + key, "东源头10千伏线路(%s-%s)" % (frm, key),
                          "Dongyuantou 10 kV line %s-%s" % (frm, key), 10, "overhead", DY_FEEDER, DY_YEAR, DY_PROJECT,
                          "invented route; lengths sum to the article's 1.41 km of 10 kV line"))
dy_lv = []
for k, t in enumerate(("dy1", "dy2", "dy3", "dy4", "dy5")):
    for j in range(5):
        brg = 15 + 72 * j + 11 * k
        coords = walk_exact(TR[t], [(brg, 240), (brg + (25 if j % 2 else -25), 200)], 440.0)
        dy_lv.append(add_line(coords, "TR:" + t, None, "东源头400伏线路%d-%d" % (k + 1, j + 1),
                              "Dongyuantou 400 V line %d-%d" % (k + 1, j + 1), 0.4, "overhead", None, DY_YEAR,
                              DY_PROJECT, "invented route; 25 x 0.44 km = the article's 11 km of 400 V line"))

# --- Sanhe (Song, Huangzhuang): 2 transformers, rebuilt 0.4 kV lines
SH_PROJECT = "Sanhe upgrade (low voltage and wiring)"
add_tr("sh1", offset(SANHE, 70, 50), "三合村1号配变", "Sanhe transformer No.1", "三合村", 200, None, 0,
       "article does not give transformer figures for Sanhe; rating invented", "invented: ~90 m from the guessed village point")
add_tr("sh2", offset(SANHE, -380, -260), "三合村2号配变", "Sanhe transformer No.2", "三合村", 160, None, 0,
       "article does not give transformer figures for Sanhe; rating invented", "invented: ~460 m SW of the guessed village point")
add_line(bent(SUB["huangzhuang"], TR["sh1"], 0.5, 0.05), "SUB:huangzhuang", "TR:sh1", "三合10千伏线",
         "Sanhe 10 kV feeder", 10, "overhead", "Sanhe 10 kV feeder", None, None, "invented: from the invented Huangzhuang substation")
add_line(bent(TR["sh1"], TR["sh2"], 0.5, 0.1), "TR:sh1", "TR:sh2", "三合10千伏线", "Sanhe 10 kV feeder", 10, "overhead",
         "Sanhe 10 kV feeder", None, None, "invented route")
for k, t in enumerate(("sh1", "sh2")):
    for j in range(3):
        brg = 30 + 120 * j + 20 * k
        add_line(walk(TR[t], [(brg, 200), (brg + 20, 150)]), "TR:" + t, None, "三合村0.4千伏线路%d-%d" % (k + 1, j + 1),
                 "Sanhe 0.4 kV line %d-%d" % (k + 1, j + 1), 0.4, "overhead", None, None, SH_PROJECT,
                 SRC_LV + "; rebuilt in the article's Sanhe upgrade, lengths invented")

# --- article figures must hold on the geometry
def near(value, target, tol=0.02):
    return abs(value / target - 1) <= tol


cc_new_tr = [f for f in trans.features if f["properties"]["village"] == "程村" and f["properties"]["new_in_upgrade"] == 1]
assert len(cc_new_tr) == 2 and sum(f["properties"]["capacity_kva"] for f in cc_new_tr) == 800
cc_len = sum(f["_len"] for f in lines.features if f["properties"]["upgrade_project"] == CC_PROJECT)
assert near(cc_len, 1090, 0.005), cc_len
assert abs(sum(f["properties"]["length_km"] for f in cc_new) - 1.09) < 0.015
dy_tr = [f for f in trans.features if f["properties"]["village"] == "东源头村"]
assert len(dy_tr) == 5 and sum(f["properties"]["new_in_upgrade"] for f in dy_tr) == 2
dy_hv_len = sum(f["_len"] for f in lines.features
                if f["properties"]["upgrade_project"] == DY_PROJECT and f["properties"]["voltage_kv"] == 10)
dy_lv_len = sum(f["_len"] for f in lines.features
                if f["properties"]["upgrade_project"] == DY_PROJECT and f["properties"]["voltage_kv"] == 0.4)
assert near(dy_hv_len, 1410, 0.005), dy_hv_len
assert near(dy_lv_len, 11000, 0.005), dy_lv_len
for f in lines.features:
    assert near(line_length_m([tuple(p) for p in f["geometry"]["coordinates"]]), f["_len"], 1e-9)
    assert abs(f["properties"]["length_km"] - f["_len"] / 1000) <= 0.005 + 1e-9
    if f["properties"]["voltage_kv"] == 0.4:
        assert f["_len"] <= 500.0 + 1e-6, f["properties"]["name_en"]  # class D 0.4 kV radius (FACTS.md [R])

CC_NEW = {"village": "程村", "new_in_upgrade": 1}
trans.figure("chengcun_new_transformers", "Chengcun: new distribution transformers", "程村新增配电变压器", 2, "transformers 台",
             "新建配电台区2个，新增配电变压器2台", "article §3 · DIGEST §3", scope="程村", where=CC_NEW, count=True)
trans.figure("chengcun_new_kva", "Chengcun: capacity of the new transformers", "程村新增配变总容量", 800, "kVA 千伏安",
             "新增配电变压器2台，总容量为800千伏安", "article §3 · DIGEST §3", scope="程村",
             where={"village": "程村", "capacity_source": "article_new"}, sum_of="capacity_kva")
trans.figure("dongyuantou_transformer_areas", "Dongyuantou: transformer areas built or rebuilt", "东源头村新建及改造配电台区", 5,
             "transformer areas 个", "新建及改造配电台区 5 个", "article §3 · DIGEST §3", scope="东源头村",
             where={"village": "东源头村"}, count=True)
trans.figure("dongyuantou_new_transformers", "Dongyuantou: new distribution transformers", "东源头村新增配电变压器", 2,
             "transformers 台", "新增配电变压器 2 台，新建 10 千伏线路", "article §3 · DIGEST §3", scope="东源头村",
             where={"village": "东源头村"}, sum_of="new_in_upgrade")
lines.figure("chengcun_new_line_km", "Chengcun: new overhead line", "程村新建架空线路", 1.09, "km 千米", "新建架空线路1.09千米",
             "article §3 · DIGEST §3", scope="程村", where={"upgrade_project": CC_PROJECT}, sum_of="length_km",
             tolerance=0.005)
lines.figure("dongyuantou_10kv_km", "Dongyuantou: new 10 kV line", "东源头村新建10千伏线路", 1.41, "km 千米",
             "新建 10 千伏线路 1.41 千米", "article §3 · DIGEST §3", scope="东源头村",
             where={"upgrade_project": DY_PROJECT, "voltage_kv": 10}, sum_of="length_km", tolerance=0.005)
lines.figure("dongyuantou_400v_km", "Dongyuantou: new 400 V line", "东源头村新建400伏线路", 11, "km 千米", "400伏线路11千米",
             "article §3 · DIGEST §3", scope="东源头村", where={"upgrade_project": DY_PROJECT, "voltage_kv": 0.4},
             sum_of="length_km", tolerance=0.005)


# --- no backbone line crosses the wind farm; only park feeders/the park substation line enter the park
def crosses(coords, ring):
    return any(inside(p, ring) for p in coords) or any(
        seg_intersect(coords[i], coords[i + 1], ring[j], ring[j + 1])
        for i in range(len(coords) - 1) for j in range(len(ring) - 1))


for f in lines.features:
    c = [tuple(p) for p in f["geometry"]["coordinates"]]
    if f["properties"]["voltage_kv"] >= 35:
        assert not crosses(c, wf_ring), f["properties"]["name_en"]
    if crosses(c, park_ring):
        assert "SUB:park" in (f["properties"]["from_node"], f["properties"]["to_node"]) or \
            f["properties"]["feeder"] in ("Park 10 kV feeder No.1", "Park 10 kV feeder No.2"), f["properties"]["name_en"]

# --- network graph: every transformer reaches a substation; 0.4 kV lines start at transformers
adj = {}
for f in lines.features:
    c = f["geometry"]["coordinates"]
    a, b = tuple(c[0]), tuple(c[-1])
    adj.setdefault(a, set()).add(b)
    adj.setdefault(b, set()).add(a)
    if f["properties"]["voltage_kv"] == 0.4:
        assert f["properties"]["from_node"].startswith("TR:") and a == NODE[f["properties"]["from_node"]]
seen = set(SUB.values())
stack = list(seen)
while stack:
    for q in adj.get(stack.pop(), ()):
        if q not in seen:
            seen.add(q)
            stack.append(q)
assert all(p in seen for p in TR.values()), "transformer not connected to a substation"
assert all(p in seen for p in SUB.values())
for f in lines.features:
    del f["_len"]

# ================================================================= 10. facilities (Luolong District)
fac = Layer("facilities", "Planning facilities around Yingzhou Road", "瀛洲路周边规划设施",
            "Planning-layer facilities around Yingzhou Road (Luolong District): the planning exhibition hall, the "
            "pocket park a resident asked for near Longteng community, and generic existing services.",
            "Point",
            "Planning hall and the Longteng pocket-park request from the article (" + ARTICLE + "); positions from "
            "FACTS.md guesses (hall ≈112.43, 34.61; Yingzhou Road ≈112.41, 34.60-34.64); service radii from FACTS.md "
            "(GB 50180 [S]; pocket park [R]). Schools, kindergarten, elderly care, fire station and existing pocket "
            "park are generic placeholders.",
            "approximate: hall and road from FACTS.md guesses (±1-2 km); everything else placed by hand within a few "
            "hundred metres of the road line; generic facilities are invented.",
            [("name_zh", "string"), ("name_en", "string"), ("category", "string"), ("status", "string"),
             ("service_radius_m", "integer"), ("note", "string"), ("position_source", "string")])
FACS = [
    (112.4300, 34.6100, "洛阳规划展示馆", "Luoyang Planning Exhibition Hall", "exhibition_hall", "existing", None,
     "article: 2 floors, ~20 halls, weekend citizen reception days", "guess: FACTS.md ≈112.43, 34.61, ±1-2 km"),
    (112.4140, 34.6240, "龙腾小区", "Longteng community", "community", "existing", None,
     "article: residents asked for a pocket park nearby", "guess: placed by hand just east of the Yingzhou Road line, ±1 km"),
    (112.4125, 34.6262, "龙腾小区口袋公园（建议选址）", "Longteng community pocket park (proposed site)", "pocket_park",
     "proposed", 300, "article: resident's request; the bureau is checking for a suitable site. Radius for a "
     "2000-5000 m² park (FACTS.md [R])", "invented: candidate site ~280 m NW of the Longteng community point"),
    (112.4060, 34.6180, "瀛洲路小学（示意）", "Yingzhou Road primary school (generic)", "school", "existing", 500,
     "generic placeholder; radius FACTS.md [S]", "invented: generic, west of the road line"),
    (112.4170, 34.6320, "瀛洲路幼儿园（示意）", "Yingzhou Road kindergarten (generic)", "kindergarten", "existing", 300,
     "generic placeholder; radius FACTS.md [S]", "invented: generic, east of the road line"),
    (112.4030, 34.6380, "瀛洲路中学（示意）", "Yingzhou Road middle school (generic)", "school", "existing", 1000,
     "generic placeholder; middle-school radius FACTS.md [S]", "invented: generic, near the north end of the road"),
    (112.4075, 34.6070, "瀛洲路养老服务中心（示意）", "Yingzhou Road elderly care centre (generic)", "elderly_care", "existing",
     None, "generic placeholder; no radius in FACTS.md", "invented: generic, near the south end of the road"),
    (112.4180, 34.6030, "洛龙区消防站（示意）", "Luolong fire station (generic)", "fire_station", "existing", None,
     "generic placeholder; FACTS.md: 5-minute reach, district ≤7 km², no radius", "invented: generic, SE of the road"),
    (112.4050, 34.6330, "瀛洲路游园（示意）", "Yingzhou Road pocket park (generic)", "pocket_park", "existing", 300,
     "generic placeholder; radius FACTS.md [R]", "invented: generic, west of the road line"),
    (112.4160, 34.6120, "瀛洲路街角游园（示意）", "Yingzhou Road corner pocket park (generic)", "pocket_park", "planned", 500,
     "generic placeholder for a ≥5000 m² park; radius FACTS.md [R]", "invented: generic, east of the road line"),
]
for lon, lat, zh, en, cat, st, radius, note, src in FACS:
    fac.add([r7(lon), r7(lat)], name_zh=zh, name_en=en, category=cat, status=st, service_radius_m=radius, note=note,
            position_source=src)
longteng = pt(112.4140, 34.6240)
assert vincenty(longteng, pt(112.4125, 34.6262)) < 300  # the proposed park would serve the community

# ================================================================= 11. control lines (三区三线), illustrative
# Permanent basic farmland, ecological red line and urban development boundary around the park, so that a
# site compliance review has something to find. ALL INVENTED: the real 三区三线 of Ruyang County are not public
# here. The urban development boundary covers the county seat and the south of the park; the park's north strip
# lies outside it, and a few farmland patches on the park's north edge overlap the park.
ILLUSTRATIVE = "illustrative (invented, NOT the real control lines): "
urban_xy = [(-200, -1900), (4300, -1900), (4300, 500), (2800, 1150), (1500, 1350), (-200, 1150)]
urban_ring = ccw([pf.ll(x, y) for x, y in urban_xy])
assert is_simple(urban_ring)
urban = Layer("urban_boundary", "Urban development boundary (illustrative)", "城镇开发边界（示意）",
              "ILLUSTRATIVE control line, invented for the site compliance review: an urban development boundary "
              "around the Ruyang county seat covering the south of the park. Not the real 城镇开发边界 (layer CZKFBJ).",
              "Polygon",
              "Invented. FACTS.md: 三区三线 layer names (CZKFBJ [H]); county seat 112.4669, 34.1540 [S].",
              "illustrative: hand-drawn outline in the park's drawing frame; not a real boundary.",
              [("name_zh", "string"), ("name_en", "string"), ("area_m2", "integer"), ("position_source", "string")])
urban.add([as_list(urban_ring)], name_zh="汝阳县城镇开发边界（示意）", name_en="Ruyang urban development boundary (illustrative)",
          area_m2=int(round(ring_area_m2(urban_ring))),
          position_source=ILLUSTRATIVE + "hand-drawn around the county seat and the south of the park")
assert inside(RUYANG_SEAT, urban_ring)
assert not all(inside(p, urban_ring) for p in park_ring[:-1]), "part of the park must lie outside the urban boundary"

FARM_CLASSES = [("0101", "水田"), ("0102", "水浇地"), ("0103", "旱地")]
farm = Layer("basic_farmland", "Permanent basic farmland (illustrative)", "永久基本农田（示意）",
             "ILLUSTRATIVE control line, invented for the site compliance review: rectangular farmland patches "
             "(180 m × 140 m, 20 m field roads) outside the urban development boundary around the park, four of "
             "them reaching over the park's north edge. Not the real 永久基本农田 (layer YJJBNT).",
             "Polygon",
             "Invented. FACTS.md: 三区三线 layer names (YJJBNT [H]); land classes are the 三调 codes 0101 水田, "
             "0102 水浇地, 0103 旱地 (GB/T 21010-2017).",
             "illustrative: a regular grid of patches in the park's drawing frame; not real farmland.",
             [("tbbh", "string"), ("dlbm", "string"), ("dlmc", "string"), ("area_m2", "integer"),
              ("position_source", "string")])
edge_taken = 0
cells = []
for j in range(-4, 16):
    for i in range(-5, 21):
        x0, y0 = i * 200.0, j * 160.0
        cell = [(x0, y0), (x0 + 180, y0), (x0 + 180, y0 + 140), (x0, y0 + 140)]
        ring = ccw([pf.ll(x, y) for x, y in cell])
        if not rings_disjoint(ring, urban_ring):
            continue
        clip = clip_convex(cell, park_xy)
        share = abs(shoelace(close(clip))) / (180 * 140) if len(clip) >= 3 else 0.0
        if share > 0:
            # the park took these fields; four on its north edge still overlap it (what a review must find)
            if not (0.1 < share < 0.8 and y0 > 900 and edge_taken < 4):
                continue
            edge_taken += 1
        elif (i * 7 + j * 3) % 6 == 0:
            continue  # gaps: hamlets, ponds, roads
        cells.append((i, j, ring, share))
assert edge_taken == 4, edge_taken
for i, j, ring, share in cells:
    code, name = FARM_CLASSES[(i + 2 * j) % 3 if j >= 6 else (1 if i % 2 else 0)]
    farm.add([as_list(ring)], tbbh="JBNT-%02d%02d" % (i + 5, j + 4), dlbm=code, dlmc=name,
             area_m2=int(round(ring_area_m2(ring))),
             position_source=ILLUSTRATIVE + ("grid patch reaching over the park's north edge" if share > 0
                                             else "grid patch around the park, outside the urban boundary"))
assert 100 < len(farm.features) < 400, len(farm.features)

eco = Layer("eco_redline", "Ecological protection red line (illustrative)", "生态保护红线（示意）",
            "ILLUSTRATIVE control line, invented for the site compliance review: two red-line areas on the hills "
            "north and west of the park, clear of it. Not the real 生态保护红线 (layer STBHHX).",
            "Polygon",
            "Invented. FACTS.md: 三区三线 layer names (STBHHX [H]).",
            "illustrative: hand-drawn outlines in the park's drawing frame; not real red lines.",
            [("name_zh", "string"), ("name_en", "string"), ("category", "string"), ("area_m2", "integer"),
             ("position_source", "string")])
for shape, zh, en, cat in (
        ([(300, 2700), (1600, 2550), (2600, 2750), (2900, 3500), (1800, 3900), (500, 3600)],
         "北部山地水源涵养生态保护红线（示意）", "Northern hills water conservation red line (illustrative)", "水源涵养"),
        ([(-2600, 200), (-1500, -100), (-1100, 900), (-1300, 1900), (-2400, 2100), (-2900, 1100)],
         "西部丘陵水土保持生态保护红线（示意）", "Western hills soil conservation red line (illustrative)", "水土保持")):
    ring = ccw([pf.ll(x, y) for x, y in shape])
    assert is_simple(ring) and rings_disjoint(ring, park_ring) and rings_disjoint(ring, urban_ring)
    eco.add([as_list(ring)], name_zh=zh, name_en=en, category=cat, area_m2=int(round(ring_area_m2(ring))),
            position_source=ILLUSTRATIVE + "hand-drawn on the hills beside the park")
for f in farm.features:
    r = [tuple(p) for p in f["geometry"]["coordinates"][0]]
    assert all(rings_disjoint(r, [tuple(p) for p in e["geometry"]["coordinates"][0]]) for e in eco.features)

# ================================================================= village households / population (estimate)
# Neither the article nor FACTS.md gives any population or household figure for these villages or their
# townships. An explicitly labelled estimate instead: households = the village's transformer capacity (kVA,
# transformers layer) / 2 kVA per household (FACTS.md [R]: rural target >= 2 kVA per household, so this is the
# most households those transformers serve at the target), population = households x 2.62 persons (China's 2020
# 7th-census average family household size, a national figure, not in FACTS.md). Villages without a
# transformer of their own (county towns, placeholders) stay null.
KVA_PER_HOUSEHOLD = 2
PERSONS_PER_HOUSEHOLD = 2.62
for f in vill.features:
    zh = f["properties"]["name_zh"]
    kva = sum(t["properties"]["capacity_kva"] for t in trans.features if t["properties"]["village"] == zh)
    if kva == 0:
        continue
    hh = kva // KVA_PER_HOUSEHOLD
    f["properties"]["households"] = hh
    f["properties"]["population"] = int(round(hh * PERSONS_PER_HOUSEHOLD))
    f["properties"]["population_note"] = (
        # at most 254 bytes: a DBF character field (Shapefile export) holds no more
        "ESTIMATE, not a census figure: households = %d kVA of the village's transformers / 2 kVA per household "
        "(FACTS.md [R] rural target); population = households x 2.62 (2020 national census average). "
        "Confidence: low." % kva)
vill.meta["description"] += (" population and households are low-confidence ESTIMATES from the village's "
                             "transformer capacity (2 kVA per household, FACTS.md) and 2.62 persons per household "
                             "(2020 census, national); see each feature's population_note.")

# ================================================================= write
# Load order of the seed (parkgrid.io.SeedData reads layers.txt; lines starting with # are comments).
LOAD_ORDER = ["park", "parcels", "enterprises", "projects", "villages", "substations", "transformers", "power_lines",
              "wind_farm", "wind_turbines", "facilities", "suggestions", "basic_farmland", "eco_redline", "urban_boundary"]
assert sorted(LOAD_ORDER) == sorted(LAYERS), set(LAYERS) ^ set(LOAD_ORDER)
os.makedirs(OUT, exist_ok=True)
for name in sorted(LAYERS):
    path = LAYERS[name].write()
    print("%-16s %3d features  %s" % (name, len(LAYERS[name].features), os.path.relpath(path)))
with open(os.path.join(OUT, "layers.txt"), "w", encoding="utf-8", newline="\n") as fh:
    fh.write("# Seed layers loaded into an empty store on first start, in this order.\n"
             "# Written by data/tools/make_seed.py: one comment per layer gives its geometry, feature count\n"
             "# (how many have geometry null: no place known), stated article figures and schema (name:type).\n")
    for name in LOAD_ORDER:
        lay = LAYERS[name]
        unplaced = sum(1 for f in lay.features if f["geometry"] is None)
        fh.write("# %s: %s, %d features (%d without geometry), %d article figures; %s\n" % (
            name, lay.gtype, len(lay.features), unplaced, len(lay.figures), ", ".join("%s:%s" % c for c in lay.schema)))
        fh.write(name + ".geojson\n")
print("park area %.0f m2; Honglu parcel %s; Chengcun new line %.1f m; Dongyuantou 10 kV %.1f m, 400 V %.1f m"
      % (park_area, [f["properties"]["area_m2"] for f in parcels.features if f["properties"]["enterprise"] == HONGLU],
         cc_len, dy_hv_len, dy_lv_len))
