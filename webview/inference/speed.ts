// The speed measurements of the gallery's "Speed" section, written so that exactly the same code
// runs in the VS Code webview and in the plain Chromium page of the benchmark
// (scripts/bench/pages/): session creation, one digit, a batch of 1,000, scoring 2,000 digits.
// It only needs a few functions from onnxruntime-web, passed in.
import { mnistImage, mnistSubset, type MnistSet } from '../../src/inference/mnistData';
import { scoreModel, type SessionLike } from '../../src/inference/score';

export interface SpeedRuntime<S, T> {
  createSession(bytes: Uint8Array): Promise<S>;
  release(session: S): Promise<void>;
  tensor(data: Float32Array, dims: number[]): T;
  run(session: S, feeds: Record<string, T>): Promise<unknown>;
  /** The session as score.ts wants it. */
  scorable(session: S): SessionLike;
}

export interface SpeedResult {
  /** Creating one more session for the model (the wasm is already compiled). */
  sessionLaterMs: number;
  /** Mean of `oneDigitRuns` single-digit runs. */
  oneDigitMs: number;
  /** Median of `batchRuns` runs on 1,000 digits. */
  batch1000Ms: number;
  /** Median of `scoreRuns` full scorings of the held-out set (score.ts, 250 digits per run). */
  score2000Ms: number;
}

export interface SpeedOptions {
  oneDigitRuns?: number;
  batchRuns?: number;
  scoreRuns?: number;
  /** Called between measurements, e.g. to show progress. */
  onStep?: (what: string) => void;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Measures a [N,784] model (the bundled MLP) that `session` was created from `modelBytes`. */
export async function measureSpeed<S, T>(
  rt: SpeedRuntime<S, T>, session: S, modelBytes: Uint8Array, heldout: MnistSet, options: SpeedOptions = {},
): Promise<SpeedResult> {
  const scored = rt.scorable(session);
  const input = scored.inputNames[0];
  options.onStep?.('session');
  const createTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const extra = await rt.createSession(modelBytes);
    createTimes.push(performance.now() - t0);
    await rt.release(extra);
  }

  options.onStep?.('one digit');
  const one = rt.tensor(new Float32Array(mnistImage(heldout, 0)), [1, 784]);
  for (let i = 0; i < 50; i++) await rt.run(session, { [input]: one });
  const oneRuns = options.oneDigitRuns ?? 500;
  // performance.now() is coarse in a page that is not cross-origin isolated: time the whole loop.
  let t0 = performance.now();
  for (let i = 0; i < oneRuns; i++) await rt.run(session, { [input]: one });
  const oneDigitMs = (performance.now() - t0) / oneRuns;

  options.onStep?.('batch of 1,000');
  const batch = rt.tensor(new Float32Array(mnistSubset(heldout, 1000).images), [1000, 784]);
  for (let i = 0; i < 3; i++) await rt.run(session, { [input]: batch });
  const batchTimes: number[] = [];
  for (let i = 0; i < (options.batchRuns ?? 10); i++) {
    t0 = performance.now();
    await rt.run(session, { [input]: batch });
    batchTimes.push(performance.now() - t0);
  }

  options.onStep?.('scoring 2,000 digits');
  const scoreTimes: number[] = [];
  for (let i = 0; i < (options.scoreRuns ?? 3); i++) {
    t0 = performance.now();
    await scoreModel(scored, heldout, { createTensor: (d, dims) => rt.tensor(d, dims) });
    scoreTimes.push(performance.now() - t0);
  }
  return { sessionLaterMs: median(createTimes), oneDigitMs, batch1000Ms: median(batchTimes), score2000Ms: median(scoreTimes) };
}
