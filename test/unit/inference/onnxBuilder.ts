// Writes small ONNX models by hand (the protobuf wire format of onnx.proto, only the fields used
// here), so tests can build hostile models on the spot: a long MatMul chain, a huge intermediate
// tensor, NaN weights, an absurd fixed batch size.

type Bytes = Uint8Array;

function varint(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v < 0n) v += 1n << 64n; // int64 negatives: ten bytes, two's complement
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

function concat(parts: readonly (Bytes | number[])[]): Bytes {
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A varint field (wire type 0). */
function int(field: number, value: number | bigint): number[] {
  return [...varint(field * 8), ...varint(value)];
}

/** A length-delimited field (wire type 2): bytes, a string or a nested message. */
function bytes(field: number, value: Bytes | string): Bytes {
  const body = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return concat([varint(field * 8 + 2), varint(body.length), body]);
}

const FLOAT = 1;
const INT64 = 7;

/** A dimension: a size or a symbolic name such as "batch". */
export type ModelDim = number | string;

export interface ModelNode {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Integer-list attributes (e.g. ReduceMean's axes) and integer ones (keepdims). */
  readonly ints?: Readonly<Record<string, readonly number[]>>;
  readonly int?: Readonly<Record<string, number>>;
}

export interface ModelInitializer {
  readonly name: string;
  readonly dims: readonly number[];
  /** float32 values, or int64 values when `int64` is set. */
  readonly values: Float32Array | readonly number[];
  readonly int64?: boolean;
}

export interface ModelSpec {
  readonly input: { readonly name: string; readonly shape: readonly ModelDim[] };
  readonly output: { readonly name: string; readonly shape: readonly ModelDim[] };
  readonly nodes: readonly ModelNode[];
  readonly initializers: readonly ModelInitializer[];
  /** Default 13. */
  readonly opset?: number;
}

function valueInfo(name: string, shape: readonly ModelDim[]): Bytes {
  const dims = shape.map((d) => bytes(1, typeof d === 'number' ? concat([int(1, d)]) : bytes(2, d)));
  const tensorType = concat([int(1, FLOAT), bytes(2, concat(dims))]);
  return concat([bytes(1, name), bytes(2, bytes(1, tensorType))]);
}

function attribute(name: string, value: readonly number[] | number): Bytes {
  // AttributeProto: name 1, i 3, ints 8, type 20 (INT = 2, INTS = 7).
  if (typeof value === 'number') return concat([bytes(1, name), int(3, value), int(20, 2)]);
  return concat([bytes(1, name), ...value.map((v) => int(8, v)), int(20, 7)]);
}

function node(n: ModelNode, index: number): Bytes {
  const attrs = [
    ...Object.entries(n.ints ?? {}).map(([k, v]) => bytes(5, attribute(k, v))),
    ...Object.entries(n.int ?? {}).map(([k, v]) => bytes(5, attribute(k, v))),
  ];
  return concat([...n.inputs.map((i) => bytes(1, i)), ...n.outputs.map((o) => bytes(2, o)), bytes(3, `n${index}`), bytes(4, n.op), ...attrs]);
}

function initializer(t: ModelInitializer): Bytes {
  let raw: Bytes;
  if (t.int64) {
    const view = new DataView(new ArrayBuffer(t.values.length * 8));
    Array.from(t.values).forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    raw = new Uint8Array(view.buffer);
  } else {
    const f = t.values instanceof Float32Array ? t.values : Float32Array.from(t.values);
    raw = new Uint8Array(f.buffer, f.byteOffset, f.byteLength);
  }
  return concat([...t.dims.map((d) => int(1, d)), int(2, t.int64 ? INT64 : FLOAT), bytes(8, t.name), bytes(9, raw)]);
}

/** The serialized ModelProto. */
export function buildModel(spec: ModelSpec): Bytes {
  const graph = concat([
    ...spec.nodes.map((n, i) => bytes(1, node(n, i))),
    bytes(2, 'g'),
    ...spec.initializers.map((t) => bytes(5, initializer(t))),
    bytes(11, valueInfo(spec.input.name, spec.input.shape)),
    bytes(12, valueInfo(spec.output.name, spec.output.shape)),
  ]);
  const opset = concat([bytes(1, ''), int(2, spec.opset ?? 13)]);
  return concat([int(1, 8), bytes(2, 'mlroadmap-tests'), bytes(7, graph), bytes(8, opset)]);
}

/** A [rows, cols] float matrix with 1 where `one(r, c)` holds and `fill` elsewhere. */
export function matrix(rows: number, cols: number, one: (r: number, c: number) => boolean, fill = 0): Float32Array {
  const m = new Float32Array(rows * cols).fill(fill);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (one(r, c)) m[r * cols + c] = 1;
  return m;
}

/**
 * A digit "classifier" of `links` chained [width,width] MatMuls after a [784,width] one: small on
 * disk (one shared weight), but `links` × batch × width² multiply-adds per run.
 */
export function matMulChainModel(links: number, width: number): Bytes {
  const nodes: ModelNode[] = [{ op: 'MatMul', inputs: ['input', 'w_in'], outputs: ['h0'] }];
  for (let i = 0; i < links; i++) nodes.push({ op: 'MatMul', inputs: [`h${i}`, 'w'], outputs: [`h${i + 1}`] });
  nodes.push({ op: 'MatMul', inputs: [`h${links}`, 'w_out'], outputs: ['logits'] });
  return buildModel({
    input: { name: 'input', shape: ['batch', 784] },
    output: { name: 'logits', shape: ['batch', 10] },
    nodes,
    initializers: [
      { name: 'w_in', dims: [784, width], values: matrix(784, width, (r, c) => r % width === c) },
      { name: 'w', dims: [width, width], values: matrix(width, width, (r, c) => r === c) },
      { name: 'w_out', dims: [width, 10], values: matrix(width, 10, (r, c) => r % 10 === c) },
    ],
  });
}

/** One MatMul [784,10] with the given weight fill and input shape, e.g. NaN weights or batch 1e9. */
export function linearModel(options: { fill?: number; inputShape?: readonly ModelDim[] } = {}): Bytes {
  const shape = options.inputShape ?? ['batch', 784];
  return buildModel({
    input: { name: 'input', shape },
    output: { name: 'logits', shape: [shape[0], 10] },
    nodes: [{ op: 'MatMul', inputs: ['input', 'w'], outputs: ['logits'] }],
    initializers: [{ name: 'w', dims: [784, 10], values: matrix(784, 10, (r, c) => r % 10 === c, options.fill ?? 0) }],
  });
}

/** Broadcasts each batch to `copies` × [N,784] floats before averaging it back: memory, not time. */
export function hugeIntermediateModel(copies: number): Bytes {
  return buildModel({
    input: { name: 'input', shape: ['batch', 784] },
    output: { name: 'logits', shape: ['batch', 10] },
    nodes: [
      { op: 'Expand', inputs: ['input', 'shape'], outputs: ['big'] },
      { op: 'ReduceMean', inputs: ['big'], outputs: ['mean'], ints: { axes: [0] }, int: { keepdims: 0 } },
      { op: 'MatMul', inputs: ['mean', 'w'], outputs: ['logits'] },
    ],
    initializers: [
      { name: 'shape', dims: [3], values: [copies, 1, 784], int64: true },
      { name: 'w', dims: [784, 10], values: matrix(784, 10, (r, c) => r % 10 === c) },
    ],
  });
}
