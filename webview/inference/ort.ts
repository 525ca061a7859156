// onnxruntime-web in a webview: its wasm-only build, one thread (webviews are not cross-origin
// isolated, so there is no SharedArrayBuffer), the runtime files loaded from a folder the
// extension ships (dist/webview/ort/), and every session run one at a time.
import * as ort from 'onnxruntime-web/wasm';
import type { SessionLike } from '../../src/inference/score';
import { describeLoadError } from '../../src/inference/validate';

export type Session = ort.InferenceSession;
export type Tensor = ort.Tensor;

const WASM_FILE = 'ort-wasm-simd-threaded.wasm';
let configured = false;
let wasmBinary: Promise<ArrayBuffer | undefined> | undefined;
let initialised = false;
let wasmFetchMs: number | undefined;

/** How long the early wasm download took (undefined until it finished, or when it failed). */
export function wasmDownloadMs(): number | undefined {
  return wasmFetchMs;
}

/**
 * Call once, as early as possible: `wasmBase` is the folder URL (ending in "/") holding
 * ort-wasm-simd-threaded.{mjs,wasm}. The 14 MB wasm download starts at once, alongside the model
 * downloads, instead of after the first model arrived.
 */
export function configureOrt(wasmBase: string): void {
  if (configured) return;
  configured = true;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = wasmBase;
  ort.env.logLevel = 'error';
  // If the early download fails, onnxruntime fetches the file itself from wasmPaths.
  const t0 = performance.now();
  wasmBinary = fetch(wasmBase + WASM_FILE)
    .then((r) => (r.ok ? r.arrayBuffer() : undefined))
    .then((b) => {
      if (b) wasmFetchMs = performance.now() - t0;
      return b;
    })
    .catch(() => undefined);
}

/** Raised with a reason fit to show (from validate.ts's describeLoadError). */
export class SessionError extends Error {}

/** Creates a session from model bytes; the time it took is in `ms`. */
export async function createSession(bytes: Uint8Array): Promise<{ session: Session; ms: number }> {
  if (!configured) throw new Error('configureOrt() was not called');
  const t0 = performance.now();
  try {
    if (!initialised) {
      const binary = await wasmBinary;
      if (binary && !initialised) ort.env.wasm.wasmBinary = binary;
      initialised = true;
    }
    const session = await exclusive(() => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }));
    return { session, ms: performance.now() - t0 };
  } catch (e) {
    throw new SessionError(describeLoadError(e));
  }
}

export function float32(data: Float32Array, dims: readonly number[]): Tensor {
  return new ort.Tensor('float32', data, dims as number[]);
}

/** `session.run`, queued behind any other run or session creation in this webview. */
export function run(session: Session, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
  return exclusive(() => session.run(feeds));
}

/** The session as score.ts's SessionLike, with its runs going through the queue. */
export function scorable(session: Session): SessionLike {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    inputMetadata: session.inputMetadata,
    outputMetadata: session.outputMetadata,
    run: (feeds) => run(session, feeds),
  };
}

/** The float values of an output tensor (throws when it is not numeric). */
export function floats(t: Tensor | undefined, what: string): Float32Array {
  if (!t) throw new Error(`the model produced no output ${what}`);
  if (t.data instanceof Float32Array) return t.data;
  if (ArrayBuffer.isView(t.data) && !(t.data instanceof BigInt64Array) && !(t.data instanceof BigUint64Array)) {
    return Float32Array.from(t.data as unknown as ArrayLike<number>);
  }
  throw new Error(`output ${what} is of type ${t.type}, not numbers`);
}

// One run at a time: onnxruntime-web's wasm backend is single-threaded, and overlapping calls into
// it from several demos would only queue inside it anyway, without a way to see the order.
let tail: Promise<unknown> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = tail.then(work, work);
  tail = next.catch(() => undefined);
  return next;
}
