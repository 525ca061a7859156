// A learner's image generator (a GAN's or a VAE's decoder exported to ONNX) as the latent-space
// demo uses it: which input and output to use and how long a latent vector is, a seeded 2-D plane
// through a latent space of any size, and the output turned into 28×28 pixels in [0, 1].
// Pure TypeScript: usable in the webview and in Node.
import { formatShape, isDynamic, type ValueMetadataLike } from './layout';

/** Latent sizes beyond this are not a digit generator (and would make every step slow). */
export const MAX_LATENT_DIM = 4096;
const PIXELS = 28 * 28;

export interface GeneratorLayout {
  readonly inputName: string;
  readonly outputName: string;
  readonly latentDim: number;
  /** The batch size the model insists on, or null when the batch axis is dynamic. */
  readonly fixedBatch: number | null;
}

export type GeneratorLayoutResult = { ok: true; layout: GeneratorLayout } | { ok: false; reason: string };

/**
 * Checks a generator's declared inputs and outputs. `metadataLatentDim` is the `latent_dim` entry
 * of the model's metadata_props, used when the input's second axis is not a fixed size.
 */
export function detectGeneratorLayout(
  inputs: readonly ValueMetadataLike[] | undefined,
  outputs: readonly ValueMetadataLike[] | undefined,
  metadataLatentDim?: number,
): GeneratorLayoutResult {
  if (!inputs || inputs.length === 0) return { ok: false, reason: 'the model has no inputs' };
  if (inputs.length > 1) {
    return { ok: false, reason: `the model has ${inputs.length} inputs (${inputs.map((i) => `"${i.name}"`).join(', ')}); a generator takes one latent vector` };
  }
  const input = inputs[0];
  if (input.isTensor === false) return { ok: false, reason: `input "${input.name}" is not a tensor` };
  if (input.type !== undefined && input.type !== 'float32') return { ok: false, reason: `input "${input.name}" has type ${input.type}; expected float32` };
  const dims = input.shape;
  if (!dims || dims.length !== 2) {
    const shown = dims && dims.length > 0 ? formatShape(dims) : 'no declared shape';
    return { ok: false, reason: `input "${input.name}" has ${shown}; expected [N, latent_dim]` };
  }
  let latentDim: number;
  if (!isDynamic(dims[1])) {
    latentDim = dims[1] as number;
    if (metadataLatentDim !== undefined && metadataLatentDim !== latentDim) {
      return { ok: false, reason: `input "${input.name}" takes ${latentDim} numbers but the model's metadata says latent_dim = ${metadataLatentDim}` };
    }
  } else if (metadataLatentDim !== undefined) {
    latentDim = metadataLatentDim;
  } else {
    return { ok: false, reason: `input "${input.name}" does not say how long a latent vector is: export with a fixed second axis or add latent_dim to the model's metadata_props` };
  }
  if (!Number.isInteger(latentDim) || latentDim < 1 || latentDim > MAX_LATENT_DIM) {
    return { ok: false, reason: `latent_dim ${latentDim} is outside 1…${MAX_LATENT_DIM}` };
  }
  if (!outputs || outputs.length === 0) return { ok: false, reason: 'the model has no outputs' };
  const output = outputs[0];
  if (output.isTensor === false) return { ok: false, reason: `output "${output.name}" is not a tensor` };
  if (output.type !== undefined && output.type !== 'float32') return { ok: false, reason: `output "${output.name}" has type ${output.type}; expected float32` };
  const shape = output.shape;
  if (shape && shape.length > 1 && shape.slice(1).every((d) => !isDynamic(d))) {
    const perSample = shape.slice(1).reduce<number>((a, d) => a * (d as number), 1);
    if (perSample !== PIXELS) {
      return { ok: false, reason: `output "${output.name}" has shape ${formatShape(shape)}: ${perSample} values per sample; expected a 28×28 image (784 values)` };
    }
  }
  const fixedBatch = isDynamic(dims[0]) ? null : (dims[0] as number);
  return { ok: true, layout: { inputName: input.name, outputName: output.name, latentDim, fixedBatch } };
}

/**
 * The model's metadata_props (ModelProto field 14), read straight from the protobuf bytes since
 * onnxruntime-web does not expose them. Malformed or truncated bytes end the scan quietly.
 */
export function readMetadataProps(bytes: Uint8Array): Map<string, string> {
  const props = new Map<string, string>();
  const top = new ProtoReader(bytes, 0, bytes.length);
  for (let field = top.next(); field; field = top.next()) {
    if (field.number !== 14 || field.wire !== 2) continue;
    const entry = new ProtoReader(bytes, field.start, field.end);
    let key: string | undefined;
    let value: string | undefined;
    for (let f = entry.next(); f; f = entry.next()) {
      if (f.wire !== 2) continue;
      const text = new TextDecoder().decode(bytes.subarray(f.start, f.end));
      if (f.number === 1) key = text;
      else if (f.number === 2) value = text;
    }
    if (key !== undefined) props.set(key, value ?? '');
  }
  return props;
}

/** `latent_dim` from metadata_props, when it is a whole number. */
export function metadataLatentDim(props: ReadonlyMap<string, string>): number | undefined {
  const raw = props.get('latent_dim')?.trim();
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
}

interface Field { readonly number: number; readonly wire: number; readonly start: number; readonly end: number }

/** The fields of one protobuf message between `pos` and `end`; length-delimited ones as ranges. */
class ProtoReader {
  constructor(private readonly bytes: Uint8Array, private pos: number, private readonly end: number) {}

  next(): Field | undefined {
    if (this.pos >= this.end) return undefined;
    const tag = this.varint();
    if (tag === undefined) return undefined;
    const number = Math.floor(tag / 8);
    const wire = tag % 8;
    const start = this.pos;
    switch (wire) {
      case 0: if (this.varint() === undefined) return undefined; break;
      case 1: this.pos += 8; break;
      case 5: this.pos += 4; break;
      case 2: {
        const length = this.varint();
        if (length === undefined || this.pos + length > this.end) return undefined;
        const from = this.pos;
        this.pos += length;
        return { number, wire, start: from, end: this.pos };
      }
      default: return undefined;
    }
    return this.pos <= this.end ? { number, wire, start, end: this.pos } : undefined;
  }

  private varint(): number | undefined {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10 && this.pos < this.end; i++) {
      const b = this.bytes[this.pos++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    return undefined;
  }
}

/** Two orthonormal directions through the origin of the latent space; a map point (x, y) is x·u + y·v. */
export interface LatentPlane {
  readonly dim: number;
  /** 0 for the plane of the first two axes (latent sizes 1 and 2 have no other). */
  readonly seed: number;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/**
 * The plane the demo walks. For a 2-D latent it is the latent space itself (u, v = the axes); for a
 * 1-D one, u is the axis and v is zero; above 2, two random orthonormal directions drawn from
 * `seed`, so the same seed always shows the same plane.
 */
export function latentPlane(dim: number, seed: number): LatentPlane {
  if (!Number.isInteger(dim) || dim < 1 || dim > MAX_LATENT_DIM) throw new RangeError(`latent size ${dim} is outside 1…${MAX_LATENT_DIM}`);
  const u = new Float64Array(dim);
  const v = new Float64Array(dim);
  if (dim <= 2) {
    u[0] = 1;
    if (dim === 2) v[1] = 1;
    return { dim, seed: 0, u, v };
  }
  const normal = gaussian(seed >>> 0);
  for (let i = 0; i < dim; i++) u[i] = normal();
  normalise(u);
  for (;;) {
    for (let i = 0; i < dim; i++) v[i] = normal();
    const along = dot(u, v);
    for (let i = 0; i < dim; i++) v[i] -= along * u[i];
    if (Math.sqrt(dot(v, v)) > 1e-6) break;
  }
  normalise(v);
  return { dim, seed: seed >>> 0, u, v };
}

/** The latent vectors for map points, one after the other (batch-major). */
export function latentBatch(plane: LatentPlane, points: readonly (readonly [number, number])[]): Float32Array {
  const out = new Float32Array(points.length * plane.dim);
  points.forEach(([x, y], p) => {
    for (let i = 0; i < plane.dim; i++) out[p * plane.dim + i] = x * plane.u[i] + y * plane.v[i];
  });
  return out;
}

export type PixelsResult =
  | { ok: true; pixels: Float32Array; rescaled: boolean }
  | { ok: false; reason: string };

/**
 * The generator's output for `count` samples as 28×28 pixels in [0, 1]. An output in [-1, 1] (a
 * tanh generator) is mapped to [0, 1] and says so; NaN or infinite values are an error, never drawn.
 */
export function generatedPixels(values: Float32Array, count: number): PixelsResult {
  if (values.length !== count * PIXELS) {
    return { ok: false, reason: `the generator returned ${values.length} values for ${count} latent ${count === 1 ? 'vector' : 'vectors'}; expected ${PIXELS} per sample (a 28×28 image)` };
  }
  let min = Infinity;
  let bad = 0;
  for (const x of values) {
    if (!Number.isFinite(x)) bad++;
    else if (x < min) min = x;
  }
  if (bad > 0) return { ok: false, reason: `the generator's output has ${bad === values.length ? 'only' : `${bad}`} NaN or infinite values` };
  const rescaled = min < -0.05;
  const pixels = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = rescaled ? (values[i] + 1) / 2 : values[i];
    pixels[i] = x < 0 ? 0 : x > 1 ? 1 : x;
  }
  return { ok: true, pixels, rescaled };
}

/** Mulberry32 uniform numbers through Box–Muller: a seeded standard normal stream. */
function gaussian(seed: number): () => number {
  let state = seed || 0x9e3779b9;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const a = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * uniform());
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalise(a: Float64Array): void {
  const n = Math.sqrt(dot(a, a));
  for (let i = 0; i < a.length; i++) a[i] /= n;
}
