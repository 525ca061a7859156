// Cheap checks on a model file before handing it to onnxruntime, and plain-language reasons for
// onnxruntime's own load errors. Pure TypeScript: usable in the webview and in Node.
//
// The ONNX sniff walks the top level of the protobuf ModelProto (field tags and lengths only; the
// graph itself is skipped over, not parsed). That is enough to reject random bytes, text, other
// model formats and truncated files, and costs a few microseconds even for a large model.
import { describeError } from '../errors';


export const DEFAULT_MAX_MODEL_BYTES = 50 * 1024 * 1024;

export type ModelFileProblem = 'empty' | 'too-large' | 'not-onnx' | 'truncated';

export type ModelFileCheck = { ok: true } | { ok: false; problem: ModelFileProblem; reason: string };

export interface ModelFileOptions {
  /** Largest accepted file, in bytes (default 50 MB). */
  maxBytes?: number;
}

/** "438.5 KB", "12.3 MB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

/** Size check alone, for use before reading a file (e.g. from its stat or File.size). */
export function checkModelSize(size: number, options: ModelFileOptions = {}): ModelFileCheck {
  const max = options.maxBytes ?? DEFAULT_MAX_MODEL_BYTES;
  if (size === 0) return { ok: false, problem: 'empty', reason: 'the file is empty' };
  if (size > max) {
    return {
      ok: false,
      problem: 'too-large',
      reason: `the file is ${formatBytes(size)}, over the ${formatBytes(max)} limit for models`,
    };
  }
  return { ok: true };
}

/** Size check plus the ONNX sniff. Run it before creating a session. */
export function checkModelBytes(bytes: Uint8Array, options: ModelFileOptions = {}): ModelFileCheck {
  const size = checkModelSize(bytes.length, options);
  if (!size.ok) return size;
  const other = recogniseOtherFormat(bytes);
  if (other) return { ok: false, problem: 'not-onnx', reason: `the file is not an ONNX model: it looks like ${other}` };
  const walk = walkModelProto(bytes);
  if (walk) return { ok: false, problem: walk.truncated ? 'truncated' : 'not-onnx', reason: walk.reason };
  return { ok: true };
}

/** Turns an error thrown by `InferenceSession.create` into a reason fit to show. */
export function describeLoadError(error: unknown): string {
  const raw = describeError(error);
  // onnxruntime wraps messages like "Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: …".
  const inner = /ERROR_MESSAGE:\s*([\s\S]*)$/.exec(raw)?.[1] ?? raw;
  const text = inner.replace(/\s+/g, ' ').trim();
  if (/no available backend|CompileError|WebAssembly|wasm-unsafe-eval|Content Security/i.test(text)) {
    return `onnxruntime could not start its WebAssembly backend: ${text}`;
  }
  if (/Could not find an implementation|not implemented|Unsupported (operator|op)|opset/i.test(text)) {
    return `the model uses an operator or opset that onnxruntime-web cannot run: ${text}`;
  }
  return `the file is not a valid ONNX model: ${text}`;
}

// ---------------------------------------------------------------------------------------------

// ModelProto fields (onnx.proto) and their wire types: 0 varint, 2 length-delimited.
const MODEL_FIELDS: Record<number, number> = {
  1: 0, // ir_version
  2: 2, // producer_name
  3: 2, // producer_version
  4: 2, // domain
  5: 0, // model_version
  6: 2, // doc_string
  7: 2, // graph
  8: 2, // opset_import
  14: 2, // metadata_props
  20: 2, // training_info
  25: 2, // functions
  26: 2, // configuration
};
const GRAPH_FIELD = 7;
const IR_VERSION_FIELD = 1;
const MAX_IR_VERSION = 64;

interface WalkProblem {
  reason: string;
  truncated: boolean;
}

function walkModelProto(bytes: Uint8Array): WalkProblem | undefined {
  const notOnnx = (why: string): WalkProblem => ({ reason: `the file is not an ONNX model (${why})`, truncated: false });
  let pos = 0;
  let fields = 0;
  let sawGraph = false;
  while (pos < bytes.length) {
    const tag = readVarint(bytes, pos);
    if (!tag) return fields === 0 ? notOnnx('it does not start like an ONNX protobuf') : truncatedAt(pos, bytes.length);
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    const at = pos;
    pos = tag.next;
    const expectedWire = MODEL_FIELDS[field];
    if (field === 0 || (expectedWire !== undefined && expectedWire !== wire) || ![0, 1, 2, 5].includes(wire)) {
      return fields === 0
        ? notOnnx('it does not start like an ONNX protobuf')
        : notOnnx(`unexpected protobuf field ${field}/${wire} at byte ${at}`);
    }
    // Only known fields may open the file: protobuf writers emit known fields first in practice,
    // and this stops text or random bytes from passing by luck.
    if (fields === 0 && expectedWire === undefined) return notOnnx('it does not start like an ONNX protobuf');
    if (wire === 0) {
      const v = readVarint(bytes, pos);
      if (!v) return truncatedAt(pos, bytes.length);
      if (field === IR_VERSION_FIELD && (v.value < 1 || v.value > MAX_IR_VERSION)) {
        return notOnnx(`implausible ONNX IR version ${v.value}`);
      }
      pos = v.next;
    } else if (wire === 2) {
      const len = readVarint(bytes, pos);
      if (!len) return truncatedAt(pos, bytes.length);
      pos = len.next;
      if (pos + len.value > bytes.length) return truncatedAt(pos + len.value, bytes.length);
      if (field === GRAPH_FIELD) sawGraph = true;
      pos += len.value;
    } else {
      const width = wire === 1 ? 8 : 4;
      if (pos + width > bytes.length) return truncatedAt(pos + width, bytes.length);
      pos += width;
    }
    fields++;
  }
  if (!sawGraph) return notOnnx('it has no graph');
  return undefined;
}

function truncatedAt(needed: number, have: number): WalkProblem {
  return {
    reason: `the ONNX file is truncated or damaged (its structure needs at least ${needed} bytes, the file has ${have})`,
    truncated: true,
  };
}

/** A protobuf varint at `pos` (up to 2^53), or undefined when it runs off the end or is too long. */
function readVarint(bytes: Uint8Array, pos: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    if (pos + i >= bytes.length) return undefined;
    const b = bytes[pos + i];
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return { value, next: pos + i + 1 };
    scale *= 128;
  }
  return undefined;
}

/** Names a few formats people mistake for ONNX, from their first bytes. */
function recogniseOtherFormat(b: Uint8Array): string | undefined {
  const ascii = (start: number, s: string) => s.split('').every((ch, i) => b[start + i] === ch.charCodeAt(0));
  if (ascii(0, 'PK\x03\x04')) return 'a ZIP archive (e.g. a PyTorch .pt/.pth checkpoint or a Keras .keras file)';
  if (ascii(0, '\x89HDF')) return 'an HDF5 file (e.g. a Keras .h5 model)';
  if (b[0] === 0x80 && b[1] >= 2 && b[1] <= 5) return 'a Python pickle';
  if (ascii(4, 'TFL3')) return 'a TensorFlow Lite model';
  if (ascii(4, 'ORTM')) return 'an ONNX Runtime .ort model (convert back to .onnx)';
  if (ascii(0, '\x93NUMPY')) return 'a NumPy .npy array';
  if (ascii(0, 'GGUF')) return 'a GGUF model';
  const head = String.fromCharCode(...b.subarray(0, 64)).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON text';
  if (head.startsWith('<')) return 'HTML or XML text';
  if (head.startsWith('version https://git-lfs')) return 'a Git LFS pointer, not the model itself';
  return undefined;
}
