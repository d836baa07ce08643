#!/usr/bin/env python3
"""MBTiles -> PMTiles v3, standard library only, written from the PMTiles v3 specification
(github.com/protomaps/PMTiles spec/v3/spec.md), independently of ParkGrid's Java reader.

usage: mbtiles_to_pmtiles.py IN.mbtiles OUT.pmtiles [--internal gzip|none] [--leaf-entries N]

Identical tiles are stored once (run-length entries where they are consecutive in tile-id order, repeated offsets
where not); --leaf-entries N puts the entries into leaf directories of N entries (the root then only points to them).
"""
import gzip, json, sqlite3, struct, sys


def tile_id(z, x, y):
    acc = ((1 << (2 * z)) - 1) // 3
    d, s = 0, (1 << z) >> 1
    while s > 0:
        rx = 1 if x & s else 0
        ry = 1 if y & s else 0
        d += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        s >>= 1
    return acc + d


def varint(out, v):
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)


def directory(entries, compress):
    out = bytearray()
    varint(out, len(entries))
    last = 0
    for e in entries:
        varint(out, e[0] - last)
        last = e[0]
    for e in entries:
        varint(out, e[3])
    for e in entries:
        varint(out, e[2])
    for i, e in enumerate(entries):
        if i > 0 and e[1] == entries[i - 1][1] + entries[i - 1][2]:
            varint(out, 0)
        else:
            varint(out, e[1] + 1)
    return compress(bytes(out))


def main(argv):
    src, dst = argv[0], argv[1]
    internal = argv[argv.index("--internal") + 1] if "--internal" in argv else "gzip"
    leaf_entries = int(argv[argv.index("--leaf-entries") + 1]) if "--leaf-entries" in argv else 0
    compress = (lambda b: gzip.compress(b, mtime=0)) if internal == "gzip" else (lambda b: b)
    db = sqlite3.connect(src)
    meta = dict(db.execute("SELECT name, value FROM metadata"))
    tiles = []
    for z, col, tms_row, data in db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles"):
        y = (1 << z) - 1 - tms_row
        tiles.append((tile_id(z, col, y), bytes(data), z))
    tiles.sort()
    data, offsets, entries = bytearray(), {}, []  # entry: [tile_id, offset, length, run_length]
    for tid, blob, _ in tiles:
        if blob in offsets:
            off = offsets[blob]
        else:
            off = offsets[blob] = len(data)
            data += blob
        last = entries[-1] if entries else None
        if last and last[1] == off and last[0] + last[3] == tid:
            last[3] += 1
        else:
            entries.append([tid, off, len(blob), 1])
    leaves = bytearray()
    if leaf_entries:
        root = []
        for i in range(0, len(entries), leaf_entries):
            chunk = entries[i:i + leaf_entries]
            leaf = directory(chunk, compress)
            root.append([chunk[0][0], len(leaves), len(leaf), 0])
            leaves += leaf
    else:
        root = entries
    root_bytes = directory(root, compress)
    fmt = meta.get("format", "png").lower()
    tile_type = {"pbf": 1, "mvt": 1, "png": 2, "jpg": 3, "jpeg": 3, "webp": 4, "avif": 5}.get(fmt, 0)
    gz = [t for t in tiles if t[1][:2] == b"\x1f\x8b"]
    tile_compression = 2 if tiles and len(gz) == len(tiles) else 1
    md = {k: v for k, v in meta.items() if k not in ("json",)}
    if "json" in meta:
        md.update(json.loads(meta["json"]))
    md_bytes = compress(json.dumps(md, ensure_ascii=False).encode("utf-8"))
    zooms = [t[2] for t in tiles] or [0]
    w, s_, e, n = [float(v) for v in meta.get("bounds", "-180,-85.05112878,180,85.05112878").split(",")]
    e7 = lambda v: int(round(v * 1e7))
    root_off = 127
    md_off = root_off + len(root_bytes)
    leaf_off = md_off + len(md_bytes)
    data_off = leaf_off + len(leaves)
    header = b"PMTiles" + struct.pack(
        "<BQQQQQQQQQQQBBBBBBiiiiBii", 3, root_off, len(root_bytes), md_off, len(md_bytes), leaf_off, len(leaves),
        data_off, len(data), len(tiles), len(entries), len(offsets), 1, 2 if internal == "gzip" else 1,
        tile_compression, tile_type, min(zooms), max(zooms), e7(w), e7(s_), e7(e), e7(n), max(zooms),
        e7((w + e) / 2), e7((s_ + n) / 2))
    assert len(header) == 127, len(header)
    with open(dst, "wb") as f:
        f.write(header + root_bytes + md_bytes + bytes(leaves) + bytes(data))
    print(json.dumps({"tiles": len(tiles), "entries": len(entries), "contents": len(offsets), "leaves": len(root) if leaf_entries else 0}))


if __name__ == "__main__":
    main(sys.argv[1:])
