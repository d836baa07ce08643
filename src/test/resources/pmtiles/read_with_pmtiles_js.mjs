// Reads a PMTiles archive with protomaps' own JavaScript reader (npm "pmtiles", in node_modules through
// protomaps-leaflet) and prints, for each "z/x/y" argument, the SHA-256 of the tile bytes (or null), plus the header.
// usage: node read_with_pmtiles_js.mjs NODE_MODULES FILE z/x/y ...
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [modules, file, ...addresses] = process.argv.slice(2);
const { PMTiles } = await import(pathToFileURL(path.join(modules, 'pmtiles', 'dist', 'index.js')).href);
const handle = await open(file, 'r');
const source = {
  getKey: () => file,
  getBytes: async (offset, length) => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead);
    return { data };
  },
};
const archive = new PMTiles(source);
const header = await archive.getHeader();
const tiles = {};
for (const a of addresses) {
  const [z, x, y] = a.split('/').map(Number);
  const tile = await archive.getZxy(z, x, y);
  tiles[a] = tile ? createHash('sha256').update(Buffer.from(tile.data)).digest('hex') : null;
}
const metadata = await archive.getMetadata();
await handle.close();
console.log(JSON.stringify({ header, metadata, tiles }));
