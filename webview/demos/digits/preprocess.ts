// Turns a drawing into an MNIST-like 28×28 digit, the way the MNIST images were made: crop to the
// ink's bounding box, scale it to fit a 20×20 box keeping its aspect ratio (area averaging, so thin
// strokes turn grey rather than vanish), then place it in a 28×28 field so that its centre of mass
// sits at the field's centre. Pure TypeScript (no DOM): unit-tested in Node.

export const SIDE = 28;
export const BOX = 20;
/** Ink below this counts as background when finding the bounding box. */
export const INK_THRESHOLD = 0.05;

/** A greyscale picture: `data[y * width + x]` is the ink at (x, y) in [0, 1]. */
export interface InkImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest box holding every pixel with ink above the threshold; undefined when blank. */
export function inkBounds(img: InkImage, threshold = INK_THRESHOLD): Box | undefined {
  let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width;
    for (let x = 0; x < img.width; x++) {
      if (img.data[row + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Area-averaging resample of `box` of `img` to `outW`×`outH`: each output pixel is the mean ink of
 * the source area it covers (fractional pixels weighted by how much of them is covered).
 */
export function resampleArea(img: InkImage, box: Box, outW: number, outH: number): Float32Array {
  // Separable: first along x into outW × box.height, then along y.
  const wx = weights(box.width, outW);
  const wy = weights(box.height, outH);
  const tmp = new Float32Array(outW * box.height);
  for (let y = 0; y < box.height; y++) {
    const src = (box.y + y) * img.width + box.x;
    for (let o = 0; o < outW; o++) {
      let sum = 0;
      for (const [i, w] of wx[o]) sum += img.data[src + i] * w;
      tmp[y * outW + o] = sum;
    }
  }
  const out = new Float32Array(outW * outH);
  for (let o = 0; o < outH; o++) {
    for (let x = 0; x < outW; x++) {
      let sum = 0;
      for (const [i, w] of wy[o]) sum += tmp[i * outW + x] * w;
      out[o * outW + x] = sum;
    }
  }
  return out;
}

/** For each output cell, the source indices it covers and their weights (summing to 1). */
function weights(inLen: number, outLen: number): [number, number][][] {
  const scale = inLen / outLen;
  const out: [number, number][][] = [];
  for (let o = 0; o < outLen; o++) {
    const start = o * scale;
    const end = start + scale;
    const cell: [number, number][] = [];
    for (let i = Math.floor(start); i < Math.min(inLen, Math.ceil(end)); i++) {
      const cover = Math.min(end, i + 1) - Math.max(start, i);
      if (cover > 1e-9) cell.push([i, cover / scale]);
    }
    out.push(cell);
  }
  return out;
}

/**
 * Centre of mass of an image in continuous pixel coordinates (pixel i spans [i, i+1], so a single
 * lit pixel (0,0) has its mass centre at (0.5, 0.5)); undefined when the image has no ink.
 */
export function massCentre(data: ArrayLike<number>, width: number, height: number): { x: number; y: number } | undefined {
  let m = 0, mx = 0, my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x];
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: mx / m, y: my / m } : undefined;
}

export interface Preprocessed {
  /** 784 floats in [0, 1], row-major 28×28, 0 = background. */
  readonly pixels: Float32Array;
  /** Where the ink was in the input picture. */
  readonly bounds: Box;
  /** The size of the scaled digit inside the 20×20 box. */
  readonly scaled: { readonly width: number; readonly height: number };
}

/** The drawing as an MNIST digit; undefined when there is no ink. */
export function toMnist(img: InkImage): Preprocessed | undefined {
  const bounds = inkBounds(img);
  if (!bounds) return undefined;
  const scale = BOX / Math.max(bounds.width, bounds.height);
  const w = Math.max(1, Math.min(BOX, Math.round(bounds.width * scale)));
  const h = Math.max(1, Math.min(BOX, Math.round(bounds.height * scale)));
  const patch = resampleArea(img, bounds, w, h);
  const c = massCentre(patch, w, h)!;
  // Whole-pixel shift that brings the mass centre closest to the field's centre (14, 14).
  const ox = Math.round(SIDE / 2 - c.x);
  const oy = Math.round(SIDE / 2 - c.y);
  const pixels = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < h; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= SIDE) continue;
    for (let x = 0; x < w; x++) {
      const tx = x + ox;
      if (tx < 0 || tx >= SIDE) continue;
      pixels[ty * SIDE + tx] = Math.min(1, Math.max(0, patch[y * w + x]));
    }
  }
  return { pixels, bounds, scaled: { width: w, height: h } };
}

/** Ink from RGBA canvas pixels: the alpha channel (strokes drawn on a transparent canvas). */
export function inkFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): InkImage {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + 3] / 255;
  return { width, height, data };
}
