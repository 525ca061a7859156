// onnxruntime-web in a webview: its wasm-only build, one thread (webviews are not cross-origin
// isolated, so there is no SharedArrayBuffer), the runtime files loaded from a folder the
// extension ships (dist/webview/ort/), and every session run one at a time.
//
// Starting it is most of a learner's first wait, so it begins before anything else of the page:
// the page's HTML already preloads the gzipped wasm and the glue (src/demos/html.ts), and
// startRuntime() — the first thing the page's script does — streams the wasm through the
// browser's DecompressionStream straight into WebAssembly.compileStreaming, so inflating and
// compiling overlap with the download instead of following it. onnxruntime-web has no option to
// take a compiled module, so the glue it imports is ours (`ortGlue`): the real glue with an
// instantiateWasm hook that instantiates the module already compiled.
import * as ort from 'onnxruntime-web/wasm';
import type { SessionLike } from '../../src/shared/inference/score';
import { describeLoadError } from '../../src/shared/inference/validate';
import { t } from '../l10n';
import { describeError } from '../../src/shared/errors';
import type { RuntimeProgress } from './loading';
import { ORT_GLUE_MJS, ORT_WASM_GZ } from '../../src/shared/inference/runtimeFiles';

export type Session = ort.InferenceSession;
export type Tensor = ort.Tensor;

/** Emscripten's module options, as far as the hook below uses them. */
interface GlueConfig {
  instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
  [key: string]: unknown;
}
type GlueFactory = (config: GlueConfig) => Promise<unknown>;

interface Runtime {
  /** The real glue's factory. */
  readonly glue: Promise<GlueFactory>;
  /** The wasm, compiled while it streamed in. */
  readonly module: Promise<WebAssembly.Module>;
}

let runtime: Runtime | undefined;
let progress: RuntimeProgress = { phase: 'download', received: 0 };
const listeners = new Set<(p: RuntimeProgress) => void>();
/** Milliseconds since the page's time origin; undefined until reached. */
const marks: { wasmUrl?: string; wasmFetchedAt?: number; wasmDownloadedAt?: number; wasmCompiledAt?: number } = {};
/** Set when instantiating the compiled module failed: the runtime cannot start in this page. */
let broken: SessionError | undefined;
let rejectInstantiate: (e: unknown) => void = () => undefined;
const instantiateFailed = new Promise<never>((_, reject) => { rejectInstantiate = reject; });
instantiateFailed.catch(() => undefined);

function report(next: RuntimeProgress): void {
  progress = next;
  for (const l of listeners) l(progress);
}

/** Where the runtime's start is now. */
export function runtimeProgress(): RuntimeProgress {
  return progress;
}

/** Calls `listener` on every change of runtimeProgress(); returns a function that stops it. */
export function onRuntimeProgress(listener: (p: RuntimeProgress) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * How long, from the request for the wasm (the page's preload, else our fetch), until it was all
 * in and inflated (`downloadMs`) and compiled (`compiledMs`); undefined until then, or on failure.
 */
export function runtimeTimes(): { downloadMs?: number; compiledMs?: number } {
  if (marks.wasmFetchedAt === undefined || marks.wasmUrl === undefined) return {};
  // The request began with the page's <link rel="preload"> when there is one; its resource timing
  // entry is there once the response is all in.
  const entry = performance.getEntriesByName(marks.wasmUrl, 'resource')[0];
  const from = Math.min(marks.wasmFetchedAt, entry?.startTime ?? Infinity);
  return {
    downloadMs: marks.wasmDownloadedAt === undefined ? undefined : marks.wasmDownloadedAt - from,
    compiledMs: marks.wasmCompiledAt === undefined ? undefined : marks.wasmCompiledAt - from,
  };
}

/** A TransformStream that passes chunks on and calls `seen` with each, and `end` after the last. */
function tap(seen: (chunk: Uint8Array<ArrayBuffer>) => void, end: () => void): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> {
  return new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      seen(chunk);
      controller.enqueue(chunk);
    },
    flush: end,
  });
}

/** Fetches the gzipped wasm and compiles it as it streams in, inflating on the way. */
async function compileRuntime(url: string, size: number | undefined): Promise<WebAssembly.Module> {
  marks.wasmUrl = url;
  marks.wasmFetchedAt = performance.now();
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(`HTTP ${r.status}`);
  const total = Number(r.headers.get('content-length')) || size;
  let received = 0;
  let lastReported = 0;
  const inflated = r.body
    .pipeThrough(tap((chunk) => {
      received += chunk.byteLength;
      // At most about a hundred updates, whatever the chunk size.
      if (!total || received - lastReported >= total / 100 || received >= total) {
        lastReported = received;
        report({ phase: 'download', received, total });
      }
    }, () => undefined))
    .pipeThrough(new DecompressionStream('gzip'))
    .pipeThrough(tap(() => undefined, () => {
      marks.wasmDownloadedAt = performance.now();
      report({ phase: 'compile', received, total });
    }));
  const headers = { 'content-type': 'application/wasm' };
  const module = typeof WebAssembly.compileStreaming === 'function'
    ? await WebAssembly.compileStreaming(new Response(inflated, { headers }))
    : await WebAssembly.compile(await new Response(inflated).arrayBuffer());
  marks.wasmCompiledAt = performance.now();
  if (progress.phase !== 'ready') report({ phase: 'start', received, total });
  return module;
}

/**
 * Starts the runtime: call it first thing, once per page. `wasmBase` is the folder URL (ending in
 * "/") holding ort-wasm-simd-threaded.mjs and .wasm.gz; `glueUrl` is the URL of a module whose
 * default export is `ortGlue` (the page's own entry module, `import.meta.url`), which
 * onnxruntime-web then imports in place of the real glue. `wasmBytes`: the .wasm.gz's size when the
 * page knows it (a webview resource's response carries no Content-Length), for the progress bar.
 */
export function startRuntime(wasmBase: string, glueUrl: string, wasmBytes?: number): void {
  if (runtime) return;
  // Absolute, so that they match the page's preloads (same URL, same request).
  const base = new URL(wasmBase, document.baseURI).href;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = { mjs: glueUrl };
  ort.env.logLevel = 'error';
  const glue = import(/* @vite-ignore */ base + ORT_GLUE_MJS).then((m: { default: GlueFactory }) => m.default);
  const module = compileRuntime(base + ORT_WASM_GZ, wasmBytes && wasmBytes > 0 ? wasmBytes : undefined);
  glue.catch(() => undefined); // reported by createSession
  module.catch(() => report({ ...progress, phase: 'error' }));
  runtime = { glue, module };
}

/**
 * The glue onnxruntime-web imports (through `glueUrl`, see startRuntime) and calls with its module
 * options: the real glue, told to instantiate the module compiled while it downloaded.
 */
export async function ortGlue(config: GlueConfig): Promise<unknown> {
  if (!runtime) throw new Error('startRuntime() was not called');
  const [factory, module] = await Promise.all([runtime.glue, runtime.module]);
  config.instantiateWasm = (imports, done) => {
    WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), (e: unknown) => {
      broken = new SessionError(t('the inference runtime ({0}) could not be loaded: {1}. Reinstalling the extension restores it.', ORT_WASM_GZ, describeError(e)));
      report({ ...progress, phase: 'error' });
      rejectInstantiate(broken);
    });
    return {}; // the exports come later, through `done`
  };
  const instance = await factory(config);
  report({ ...progress, phase: 'ready' });
  return instance;
}

/** Raised with a reason fit to show (from validate.ts's describeLoadError). */
export class SessionError extends Error {}

/** Creates a session from model bytes; the time it took (waiting for the runtime included) is in `ms`. */
export async function createSession(bytes: Uint8Array): Promise<{ session: Session; ms: number }> {
  if (!runtime) throw new Error('startRuntime() was not called');
  if (broken) throw broken;
  const t0 = performance.now();
  try {
    // Both parts of the runtime first, so that a missing file is named.
    try {
      await Promise.all([runtime.glue, runtime.module]);
    } catch (e) {
      throw new SessionError(t('the inference runtime ({0}) could not be loaded: {1}. Reinstalling the extension restores it.', ORT_WASM_GZ, describeError(e)));
    }
    // onnxruntime-web would wait forever for an instantiation that failed: the failure wins the race.
    const session = await Promise.race([
      exclusive(() => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' })),
      instantiateFailed,
    ]);
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
