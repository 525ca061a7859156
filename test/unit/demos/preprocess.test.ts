// Drawing → MNIST-like 28×28: crop to the ink, fit a 20×20 box keeping the aspect ratio, and centre
// by mass in the 28×28 field.
import * as assert from 'node:assert/strict';
import { BOX, SIDE, inkBounds, inkFromRgba, massCentre, resampleArea, toMnist, type InkImage } from '../../../webview/demos/digits/preprocess';

const PAD = 280;

function blank(w = PAD, h = PAD): InkImage {
  return { width: w, height: h, data: new Float32Array(w * h) };
}

/** Paints a round pen of `radius` along the segment from a to b (like the drawing pad). */
function stroke(img: InkImage, a: [number, number], b: [number, number], radius = 10): void {
  const steps = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1])) + 1;
  for (let s = 0; s <= steps; s++) {
    const cx = a[0] + ((b[0] - a[0]) * s) / steps, cy = a[1] + ((b[1] - a[1]) * s) / steps;
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
        if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius * radius) img.data[y * img.width + x] = 1;
      }
    }
  }
}

function rowsAndCols(pixels: Float32Array): { rows: number[]; cols: number[] } {
  const rows = new Set<number>(), cols = new Set<number>();
  for (let i = 0; i < pixels.length; i++) if (pixels[i] > 0.01) { rows.add(Math.floor(i / SIDE)); cols.add(i % SIDE); }
  return { rows: [...rows].sort((a, b) => a - b), cols: [...cols].sort((a, b) => a - b) };
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

describe('digit preprocessing', () => {
  it('turns a vertical stroke (a "1") into a 20-pixel-tall digit centred by mass at (14, 14)', () => {
    const img = blank();
    stroke(img, [70, 40], [70, 240]);
    const out = toMnist(img)!;
    assert.equal(out.pixels.length, SIDE * SIDE);
    assert.deepEqual(out.bounds, { x: 60, y: 30, width: 20, height: 220 });
    assert.equal(out.scaled.height, BOX);
    assert.equal(out.scaled.width, 2, 'aspect ratio kept: 20 wide × 220 tall → 2 × 20');
    const c = massCentre(out.pixels, SIDE, SIDE)!;
    assert.ok(Math.abs(c.x - 14) <= 0.5 && Math.abs(c.y - 14) <= 0.5, `mass centre (${c.x}, ${c.y})`);
    const { rows, cols } = rowsAndCols(out.pixels);
    assert.equal(rows.length, 20);
    assert.deepEqual([rows[0], rows[rows.length - 1]], [4, 23]);
    assert.ok(cols.length <= 3);
    for (const v of out.pixels) assert.ok(v >= 0 && v <= 1);
  });

  it('centres by mass, not by bounding box (a "7" drawn in a corner)', () => {
    const img = blank();
    stroke(img, [20, 20], [120, 20], 8); // top bar
    stroke(img, [120, 20], [60, 150], 8); // diagonal
    const out = toMnist(img)!;
    const c = massCentre(out.pixels, SIDE, SIDE)!;
    assert.ok(Math.abs(c.x - 14) <= 0.5 && Math.abs(c.y - 14) <= 0.5, `mass centre (${c.x}, ${c.y})`);
    const { rows, cols } = rowsAndCols(out.pixels);
    const boxCentre = { x: (cols[0] + cols[cols.length - 1] + 1) / 2, y: (rows[0] + rows[rows.length - 1] + 1) / 2 };
    // The ink is heavy at the top: the mass centre sits above the box centre, so the box moves down.
    assert.ok(boxCentre.y > c.y + 1, `box centre ${boxCentre.y} vs mass centre ${c.y}`);
    assert.equal(Math.max(out.scaled.width, out.scaled.height), BOX);
  });

  it('keeps the aspect ratio of a wide drawing (a "–" becomes 20 × 4)', () => {
    const img = blank();
    const ink = { width: PAD, height: PAD, data: img.data };
    for (let y = 100; y < 140; y++) for (let x = 40; x < 240; x++) ink.data[y * PAD + x] = 1;
    const out = toMnist(ink)!;
    assert.deepEqual(out.scaled, { width: 20, height: 4 });
    assert.ok(Math.abs(sum(out.pixels) - 80) < 1e-3, 'a solid block stays solid: 20 × 4 full pixels');
  });

  it('returns undefined for an empty drawing and handles a single dot', () => {
    assert.equal(toMnist(blank()), undefined);
    const img = blank(10, 10);
    img.data[5 * 10 + 5] = 1;
    const out = toMnist(img)!;
    assert.deepEqual(out.scaled, { width: 20, height: 20 });
    assert.ok(Math.abs(sum(out.pixels) - 400) < 1e-3);
  });

  it('ignores faint specks below the ink threshold when cropping', () => {
    const img = blank();
    stroke(img, [140, 50], [140, 230]);
    img.data[5 * PAD + 5] = 0.01;
    assert.deepEqual(inkBounds(img), { x: 130, y: 40, width: 20, height: 200 });
  });

  it('area resampling keeps the average ink', () => {
    const img = blank(30, 30);
    for (let i = 0; i < img.data.length; i++) img.data[i] = ((i * 7919) % 13) / 12;
    const box = { x: 3, y: 2, width: 25, height: 17 };
    const out = resampleArea(img, box, 11, 7);
    let inBox = 0;
    for (let y = 0; y < box.height; y++) for (let x = 0; x < box.width; x++) inBox += img.data[(box.y + y) * 30 + box.x + x];
    assert.ok(Math.abs(sum(out) / (11 * 7) - inBox / (box.width * box.height)) < 1e-5);
  });

  it('reads ink from the alpha channel of canvas pixels', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 0, 10, 20, 30, 255, 0, 0, 0, 51]);
    assert.deepEqual([...inkFromRgba(rgba, 3, 1).data].map((v) => +v.toFixed(3)), [0, 1, 0.2]);
  });
});
