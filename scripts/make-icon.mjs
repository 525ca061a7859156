// Draws media/icon.png (128×128, the marketplace icon) without any image library:
// three roadmap stops joined by a path, on a dark rounded square.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const px = new Uint8Array(size * size * 4);
const put = (x, y, [r, g, b, a]) => { const i = (y * size + x) * 4; px.set([r, g, b, a], i); };
const bg = [30, 41, 59, 255], path = [56, 189, 248, 255], stop = [250, 204, 21, 255];
const dist = (x0, y0, x1, y1, x, y) => {
  const dx = x1 - x0, dy = y1 - y0, t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy));
};
const stops = [[32, 32], [96, 64], [32, 96]];
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const cx = Math.min(x, size - 1 - x), cy = Math.min(y, size - 1 - y);
  const inCorner = cx < 20 && cy < 20 && Math.hypot(20 - cx, 20 - cy) > 20;
  if (inCorner) { put(x, y, [0, 0, 0, 0]); continue; }
  let c = bg;
  if (dist(...stops[0], ...stops[1], x, y) < 5 || dist(...stops[1], ...stops[2], x, y) < 5) c = path;
  if (stops.some(([sx, sy]) => Math.hypot(x - sx, y - sy) < 12)) c = stop;
  put(x, y, c);
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) { raw[y * (size * 4 + 1)] = 0; Buffer.from(px.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1); }
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync(new URL('../media/icon.png', import.meta.url), Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
]));
