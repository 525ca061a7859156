// onnxruntime-web in a webview: its wasm-only build, one thread (webviews are not cross-origin
// isolated, so there is no SharedArrayBuffer), the runtime files loaded from a folder the
// extension ships (dist/webview/ort/), and every session run one at a time.
import * as ort from 'onnxruntime-web/wasm';
import type { SessionLike } from '../../src/shared/inference/score';
import { describeLoadError } from '../../src/shared/inference/validate';
import { t } from '../l10n';
import { describeError } from '../../src/shared/errors';

export type Session = ort.InferenceSession;
export type Tensor = ort.Tensor;

/** The runtime's wasm, gzipped by esbuild.mjs (14 MB → under 4 MB on the way in). */
const WASM_GZ = 'ort-wasm-simd-threaded.wasm.gz';
/** Its JavaScript glue, which onnxruntime-web imports from the same folder. */
const GLUE_MJS = 'ort-wasm-simd-threaded.mjs';
let configured = false;
let wasmBinary: Promise<ArrayBuffer> | undefined;
let initialised = false;
let wasmFetchMs: number | undefined;

/** How long the early wasm download (and inflating it) took; undefined until done, or when it failed. */
export function wasmDownloadMs(): number | undefined {
  return wasmFetchMs;
}

/** Fetches and inflates the gzipped runtime with the browser's own DecompressionStream. */
async function fetchWasm(url: string): Promise<ArrayBuffer> {
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(`HTTP ${r.status}`);
  return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

/**
 * Call once, as early as possible: `wasmBase` is the folder URL (ending in "/") holding
 * ort-wasm-simd-threaded.mjs and .wasm.gz. The wasm download starts at once, alongside the model
 * downloads, instead of after the first model arrived.
 */
export function configureOrt(wasmBase: string): void {
  if (configured) return;
  configured = true;
  // Absolute, so that the glue imported below and the one onnxruntime-web imports are one module.
  const base = new URL(wasmBase, document.baseURI).href;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = base;
  ort.env.logLevel = 'error';
  const t0 = performance.now();
  // onnxruntime-web imports the glue only once it has the wasm: a second trip through the webview's
  // resource loader after the first. Importing it now, alongside, leaves its import nothing to wait for.
  import(/* @vite-ignore */ base + GLUE_MJS).catch(() => undefined); // a failure is reported by createSession
  wasmBinary = fetchWasm(base + WASM_GZ).then((b) => {
    wasmFetchMs = performance.now() - t0;
    return b;
  });
  wasmBinary.catch(() => undefined); // reported by createSession
}

/** Raised with a reason fit to show (from validate.ts's describeLoadError). */
export class SessionError extends Error {}

/** Creates a session from model bytes; the time it took is in `ms`. */
export async function createSession(bytes: Uint8Array): Promise<{ session: Session; ms: number }> {
  if (!configured) throw new Error('configureOrt() was not called');
  const t0 = performance.now();
  try {
    if (!initialised) {
      let binary: ArrayBuffer;
      try {
        binary = await wasmBinary!;
      } catch (e) {
        throw new SessionError(t('the inference runtime ({0}) could not be loaded: {1}. Reinstalling the extension restores it.', WASM_GZ, describeError(e)));
      }
      if (!initialised) ort.env.wasm.wasmBinary = binary;
      initialised = true;
    }
    const session = await exclusive(() => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' }));
    return { session, ms: performance.now() - t0 };
  } catch (e) {
    if (e instanceof SessionError) throw e;
    throw new SessionError(describeLoadError(e));
  }
}

export function float32(data: Float32Array, dims: readonly number[]): Tensor {
  return new ort.Tensor('float32', data, dims);
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
export function floats(tensor: Tensor | undefined, what: string): Float32Array {
  if (!tensor) throw new Error(t('the model produced no output {0}', what));
  if (tensor.data instanceof Float32Array) return tensor.data;
  if (ArrayBuffer.isView(tensor.data) && !(tensor.data instanceof BigInt64Array) && !(tensor.data instanceof BigUint64Array)) {
    return Float32Array.from(tensor.data as unknown as ArrayLike<number>);
  }
  throw new Error(t('output {0} is of type {1}, not numbers', what, tensor.type));

}

// One run at a time: onnxruntime-web's wasm backend is single-threaded, and overlapping calls into
// it from several demos would only queue inside it anyway, without a way to see the order.
let tail: Promise<unknown> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = tail.then(work, work);
  tail = next.catch(() => undefined);
  return next;
}
