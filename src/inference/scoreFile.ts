// Scores an ONNX digit classifier file on the held-out MNIST digits, in Node (onnxruntime-web's
// wasm backend). Shared by `npm run model:score` and the lab's `onnx` check.
import { readFileSync, statSync } from 'node:fs';
import { decodeMnistSet } from '../shared/inference/mnistData';
import { ModelLoadError, createSession, float32Tensor, loadOrt } from './nodeRuntime';
import { scoreModel, type ScoreResult } from '../shared/inference/score';
import { checkModelSize } from '../shared/inference/validate';

export interface ScoreFileOptions {
  /** media/data/mnist-heldout.bin */
  readonly dataFile: string;
  /** Where ort-wasm-simd-threaded.mjs and .wasm (or .wasm.gz) are; found under node_modules when omitted. */
  readonly wasmDir?: string;
  /** How the file is named in messages. */
  readonly displayName?: string;
}

export interface ScoredFile {
  readonly result: ScoreResult;
  readonly bytes: number;
  readonly sessionCreateMs: number;
}

/** Throws ModelLoadError (missing, too large, not ONNX, …) or ScoreError (wrong shape, …) with a clear reason. */
export async function scoreModelFile(file: string, options: ScoreFileOptions): Promise<ScoredFile> {
  const name = options.displayName ?? file;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ModelLoadError(`${name} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ModelLoadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelLoadError(code === 'ENOENT' ? `${name} does not exist yet: export your model to that path first` : `cannot read ${name}: ${code ?? String(e)}`);
  }
  const sized = checkModelSize(size);
  if (!sized.ok) throw new ModelLoadError(sized.reason);
  if (options.wasmDir) loadOrt(options.wasmDir);
  const data = decodeMnistSet(new Uint8Array(readFileSync(options.dataFile)));
  const t0 = performance.now();
  const session = await createSession(new Uint8Array(readFileSync(file)));
  const sessionCreateMs = performance.now() - t0;
  try {
    return { result: await scoreModel(session, data, { createTensor: float32Tensor }), bytes: size, sessionCreateMs };
  } finally {
    await session.release().catch(() => undefined);
  }
}
