// Scores a digit classifier on a labelled set of 28×28 images. Pure TypeScript: it talks to the
// model only through the small `SessionLike` interface below, which onnxruntime-web's
// InferenceSession satisfies in Node and in the browser, and which a test can fake.

import { detectModelLayout, type InputLayout, type ValueMetadataLike } from './layout';
import type { MnistSet } from './mnistData';
import { describeError } from '../errors';

/** What is read from an output tensor. */
export interface TensorLike {
  readonly dims: readonly number[];
  readonly data: unknown;
}

/** The part of onnxruntime's InferenceSession that scoring needs. */
export interface SessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata?: readonly ValueMetadataLike[];
  readonly outputMetadata?: readonly ValueMetadataLike[];
  // `any` so that onnxruntime's `run(feeds: FeedsType)` is assignable; feeds come from createTensor.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  run(feeds: Record<string, any>): Promise<Record<string, unknown>>;
}

/** Makes an input tensor, e.g. `(data, dims) => new ort.Tensor('float32', data, dims)`. */
export type TensorFactory = (data: Float32Array, dims: number[]) => unknown;

export interface ScoreOptions {
  createTensor: TensorFactory;
  /** Digits per run when the batch axis is dynamic (default 250). A fixed batch size wins. */
  batchSize?: number;
  /** How many of the most confident mistakes to keep (default 12). */
  worstCount?: number;
  /** The output to read (default: the first). */
  outputName?: string;
  /** The layout to use; detected from the session's metadata when left out. */
  layout?: InputLayout;
  /** Called after each run with the digits done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each run; returning true stops with an Error("scoring cancelled"). */
  isCancelled?: () => boolean;
}

export interface Mistake {
  /** Index of the digit in the scored set. */
  index: number;
  label: number;
  predicted: number;
  /** The model's probability for its (wrong) prediction. */
  confidence: number;
}

export interface ScoreResult {
  accuracy: number;
  correct: number;
  count: number;
  /** e.g. "[N,784]". */
  layout: InputLayout['name'];
  /** Fixed batch size of the model, or null when dynamic. */
  fixedBatch: number | null;
  /** Accuracy per true digit 0..9; null for a digit with no examples. */
  perClassAccuracy: (number | null)[];
  perClassCount: number[];
  /** confusion[label][predicted]. */
  confusion: number[][];
  /** Most confident mistakes first. */
  worst: Mistake[];
  /**
   * "probabilities" when every output row already was a distribution (all in [0,1], summing to 1):
   * confidences are then taken as given; otherwise "logits", and confidences come from softmax.
   */
  outputKind: 'logits' | 'probabilities';
  /** Digits whose 10 outputs were all NaN (no prediction; counted as wrong). */
  nanRows: number;
  /** Number of session.run calls and the time spent in them. */
  runs: number;
  runMs: number;
}

const CLASSES = 10;
/** The largest fixed batch fed (16384 digits are 51 MB of input); larger ones are refused. */
export const MAX_FIXED_BATCH = 16384;

/** An Error whose message is fit to show the user as-is. */
export class ScoreError extends Error {}

/**
 * Runs the model over `data` and tallies accuracy, per-class accuracy, a confusion matrix and the
 * most confident mistakes. Throws ScoreError with a readable reason when the model does not fit.
 */
export async function scoreModel(session: SessionLike, data: MnistSet, options: ScoreOptions): Promise<ScoreResult> {
  if (data.pixelsPerImage !== 784) throw new ScoreError(`expected 28×28 digits, got ${data.rows}×${data.cols}`);
  let layout = options.layout;
  if (!layout) {
    const detected = detectModelLayout(session.inputMetadata ?? fallbackMetadata(session), session.outputMetadata);
    if (!detected.ok) throw new ScoreError(detected.reason);
    layout = detected.layout;
  }
  const inputName = session.inputNames[0];
  const outputName = options.outputName ?? session.outputNames[0];
  if (inputName === undefined) throw new ScoreError('the model has no inputs');
  if (outputName === undefined) throw new ScoreError('the model has no outputs');

  if (layout.fixedBatch !== null && layout.fixedBatch > MAX_FIXED_BATCH) {
    throw new ScoreError(
      `the model declares a fixed batch size of ${layout.fixedBatch}; the scorer feeds at most ${MAX_FIXED_BATCH} digits per run. ` +
        'Export it with a dynamic batch axis (in PyTorch: dynamic_axes={"input": {0: "batch"}}) or a small fixed batch such as 1',
    );
  }
  const chunk = layout.fixedBatch ?? Math.max(1, Math.floor(options.batchSize ?? 250));
  const worstCount = Math.max(0, Math.floor(options.worstCount ?? 12));
  const confusion = Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0));
  // Confidence both ways: whether outputs are probabilities is only known after every row is seen.
  const mistakes: (Omit<Mistake, 'confidence'> & { asGiven: number; viaSoftmax: number })[] = [];
  let correct = 0;
  let nanRows = 0;
  let allProbabilities = true;
  let runs = 0;
  let runMs = 0;
  const px = data.pixelsPerImage;
  const row = new Float64Array(CLASSES);
  // The images go in as they are, views into data.images: the runtime copies its input anyway,
  // and a fresh buffer per run (250 digits are 784 KB) costs more than the run in a page whose heap
  // is shared, as a webview's is with the editor. Only a fixed batch larger than the digits left
  // needs a buffer of its own, padded with blank images, made once.
  let padded: Float32Array | undefined;

  for (let start = 0; start < data.count; start += chunk) {
    if (options.isCancelled?.()) throw new ScoreError('scoring cancelled');
    const n = Math.min(chunk, data.count - start);
    // A fixed batch needs exactly `chunk` images: pad the last run with blank ones.
    const batch = layout.fixedBatch ?? n;
    const images = data.images.subarray(start * px, (start + n) * px);
    let input = images;
    if (n < batch) {
      padded ??= new Float32Array(batch * px);
      padded.set(images);
      padded.fill(0, images.length);
      input = padded;
    }
    const feeds = { [inputName]: options.createTensor(input, layout.dims(batch)) };
    const t0 = now();
    let outputs: Record<string, unknown>;
    try {
      outputs = await session.run(feeds);
    } catch (e) {
      throw new ScoreError(`the model failed to run on a ${layout.name} batch of ${batch}: ${describeError(e)}`);
    }
    runMs += now() - t0;
    runs++;
    const values = outputValues(outputs[outputName], outputName, batch);
    for (let k = 0; k < n; k++) {
      for (let c = 0; c < CLASSES; c++) row[c] = values[k * CLASSES + c];
      const predicted = argmax(row);
      if (!isDistribution(row)) allProbabilities = false;
      const index = start + k;
      const label = data.labels[index];
      if (predicted >= 0) confusion[label][predicted]++;
      else nanRows++;
      if (predicted === label) correct++;
      else if (worstCount > 0) {
        const asGiven = predicted >= 0 ? row[predicted] : 0;
        const viaSoftmax = predicted >= 0 ? softmax(row)[predicted] : 0;
        mistakes.push({ index, label, predicted, asGiven, viaSoftmax });
      }
    }
    options.onProgress?.(start + n, data.count);
  }

  if (data.count > 0 && nanRows === data.count) {
    throw new ScoreError(
      `the model's outputs are all NaN (not a number) for every one of the ${data.count} digits, so it predicts nothing: ` +
        'look for NaN in its weights (a diverged training run, a division by zero) or in the input normalisation',
    );
  }
  const probabilities = allProbabilities && data.count > 0;
  const worst = mistakes
    .map(({ asGiven, viaSoftmax, ...m }) => ({ ...m, confidence: finiteOr0(probabilities ? asGiven : viaSoftmax) }))
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index)
    .slice(0, worstCount);
  // Counted from the labels: a digit whose output was all NaN has no cell in the confusion matrix.
  const labelCount = new Array<number>(CLASSES).fill(0);
  for (let i = 0; i < data.count; i++) labelCount[data.labels[i]]++;
  return {
    accuracy: data.count ? correct / data.count : 0,
    correct,
    count: data.count,
    layout: layout.name,
    fixedBatch: layout.fixedBatch,
    perClassAccuracy: labelCount.map((total, d) => (total ? confusion[d][d] / total : null)),
    perClassCount: labelCount,
    confusion,
    worst,
    outputKind: probabilities ? 'probabilities' : 'logits',
    nanRows,
    runs,
    runMs,
  };
}

/** Index of the largest value (NaN never wins; -1 when all are NaN). */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > bestValue || (best === -1 && v === -Infinity)) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/** Softmax, stable for large logits. */
export function softmax(values: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  const exps = Array.from(values, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** True when the values already form a probability distribution (all in [0,1], sum 1 ± 1e-3). */
export function isDistribution(values: ArrayLike<number>): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) return false;
    sum += v;
  }
  return Math.abs(sum - 1) <= 1e-3;
}

function finiteOr0(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

function outputValues(value: unknown, name: string, batch: number): ArrayLike<number> {
  if (value === undefined || value === null) throw new ScoreError(`the model produced no output "${name}"`);
  const t = value as Partial<TensorLike>;
  const data = t.data as ArrayLike<unknown> | undefined;
  if (!data || typeof data !== 'object' || typeof data.length !== 'number') {
    throw new ScoreError(`output "${name}" is not a tensor`);
  }
  if (data.length !== batch * CLASSES) {
    const shape = Array.isArray(t.dims) ? `[${t.dims.join(',')}]` : `${data.length} values`;
    throw new ScoreError(`output "${name}" has shape ${shape} for a batch of ${batch}; expected ${batch}×${CLASSES} class scores`);
  }
  if (data.length > 0 && typeof data[0] !== 'number') throw new ScoreError(`output "${name}" is not numeric`);
  return data as ArrayLike<number>;
}

/** Older onnxruntime builds have no inputMetadata: without it the shape is unknown. */
function fallbackMetadata(session: SessionLike): ValueMetadataLike[] {
  return session.inputNames.map((name) => ({ name }));
}

// Read through globalThis so this file needs neither the DOM nor the Node type libraries.
const clock = (globalThis as { performance?: { now(): number } }).performance;
function now(): number {
  return clock ? clock.now() : Date.now();
}
