// NODE ONLY: loads onnxruntime-web's Node build and creates sessions, for the lab's onnx check
// (dist/onnx-check.js, through scoreFile.ts), the model-score CLI and the tests. The
// runtime-neutral inference code the webview shares is in src/shared/inference/.
//
// Three things make onnxruntime-web work from an esbuild bundle in Node:
//  1. `require`, not `import`: esbuild then picks the package's CommonJS Node build
//     (dist/ort.node.min.js). The ESM build (ort.node.min.mjs) calls createRequire(import.meta.url),
//     and import.meta is empty in a CommonJS bundle, so it throws as soon as it is loaded.
//  2. env.wasm.wasmPaths: by default it looks for ort-wasm-simd-threaded.{mjs,wasm} beside the
//     running script (dist/cli/, out/test/...), where they are not; point it at the package's dist/,
//     found by walking up from the bundle (then from the working directory) to node_modules.
//     (require.resolve would also find it, but esbuild warns about it inside a bundle.)
//  3. The extension ships the wasm gzipped (dist/webview/ort/*.wasm.gz, see esbuild.mjs): in such
//     a folder it is inflated here and handed over as env.wasm.wasmBinary.

import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as OrtModule from 'onnxruntime-web';
import { type ModelFileOptions, checkModelBytes, describeLoadError } from '../shared/inference/validate';

export type Ort = typeof OrtModule;

let cached: Ort | undefined;

const WASM_FILE = 'ort-wasm-simd-threaded.wasm';
const WASM_GZ = `${WASM_FILE}.gz`;

/** Whether `dir` holds the runtime's wasm, plain or gzipped. */
export function hasOrtWasm(dir: string): boolean {
  return existsSync(join(dir, WASM_FILE)) || existsSync(join(dir, WASM_GZ));
}

/** The folder holding onnxruntime-web's wasm files, or undefined when none is found. */
export function findOrtWasmDir(starts: readonly string[] = [__dirname, process.cwd()]): string | undefined {
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'node_modules', 'onnxruntime-web', 'dist');
      if (existsSync(join(candidate, WASM_FILE))) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

/**
 * onnxruntime-web for Node, single-threaded, with its wasm files found in node_modules (or in
 * `wasmDir`, a folder holding ort-wasm-simd-threaded.mjs and its .wasm or .wasm.gz).
 */
export function loadOrt(wasmDir?: string): Ort {
  if (cached) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- onnxruntime is loaded only when a model is scored
  const ort = require('onnxruntime-web') as Ort;
  ort.env.wasm.numThreads = 1;
  const dir = wasmDir ?? findOrtWasmDir();
  if (!dir) throw new Error(`cannot find onnxruntime-web's ${WASM_FILE} under any node_modules above ${__dirname}`);
  ort.env.wasm.wasmPaths = `${pathToFileURL(dir).href}/`;
  if (!existsSync(join(dir, WASM_FILE)) && existsSync(join(dir, WASM_GZ))) {
    const bytes = gunzipSync(readFileSync(join(dir, WASM_GZ)));
    ort.env.wasm.wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  ort.env.logLevel = 'error';
  cached = ort;
  return ort;
}

/** `(data, dims) => float32 tensor`, for scoreModel's createTensor option. */
export function float32Tensor(data: Float32Array, dims: number[]): OrtModule.Tensor {
  return new (loadOrt().Tensor)('float32', data, dims);
}

export class ModelLoadError extends Error {}

/**
 * Checks the bytes (size, ONNX sniff) and creates a session. Throws ModelLoadError with a
 * readable reason when the file is rejected or onnxruntime cannot load it.
 */
export async function createSession(bytes: Uint8Array, options: ModelFileOptions = {}): Promise<OrtModule.InferenceSession> {
  const check = checkModelBytes(bytes, options);
  if (!check.ok) throw new ModelLoadError(check.reason);
  return createSessionUnchecked(bytes);
}

/** Creates a session without the pre-checks (to see onnxruntime's own verdict). */
export async function createSessionUnchecked(bytes: Uint8Array): Promise<OrtModule.InferenceSession> {
  const ort = loadOrt();
  try {
    return await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (e) {
    throw new ModelLoadError(describeLoadError(e));
  }
}
