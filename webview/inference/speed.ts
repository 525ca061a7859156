// The speed measurements of the gallery's "Speed" section, written so that exactly the same code
// runs in the VS Code webview and in the plain Chromium page of the benchmark
// (scripts/bench/pages/): session creation, one digit, a batch of 1,000, scoring 2,000 digits, and
// two floors of the page itself that onnxruntime-web has no part in (an empty round trip through the
// event loop, a pure WebAssembly loop), so that a slower page can be told from a slower runtime.
// It only needs a few functions from onnxruntime-web, passed in.
import { mnistImage, mnistSubset, type MnistSet } from '../../src/shared/inference/mnistData';
import { scoreModel, type SessionLike } from '../../src/shared/inference/score';

export interface SpeedRuntime<S, T> {
  createSession(bytes: Uint8Array): Promise<S>;
  release(session: S): Promise<void>;
  tensor(data: Float32Array, dims: number[]): T;
  run(session: S, feeds: Record<string, T>): Promise<unknown>;
  /** The session as score.ts wants it. */
  scorable(session: S): SessionLike;
}

export interface SpeedResult {
  /** Mean of `roundTrips` empty round trips through the event loop (a MessageChannel message). */
  roundTripMs: number;
  /** Median of 3 runs of a fixed pure WebAssembly loop (20 million additions and multiplications). */
  wasmLoopMs: number;
  /** Creating one more session for the model (the wasm is already compiled). */
  sessionLaterMs: number;
  /** One single-digit run: the median over 10 blocks of its runs (`oneDigitRuns` in all) of each block's mean. */
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
  roundTrips?: number;
  /** Called between measurements, e.g. to show progress. */
  onStep?: (what: string) => void;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The page's own floors, with no onnxruntime-web in them: an empty message round trip waits behind
 * whatever else the page's main thread has queued; the wasm loop gets whatever CPU the page gets.
 */
export async function measureFloors(roundTrips = 1000): Promise<{ roundTripMs: number; wasmLoopMs: number }> {
  const channel = new MessageChannel();
  const roundTrip = () => new Promise<unknown>((resolve) => {
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  for (let i = 0; i < 50; i++) await roundTrip();
  let t0 = performance.now();
  for (let i = 0; i < roundTrips; i++) await roundTrip();
  const roundTripMs = (performance.now() - t0) / roundTrips;
  channel.port1.close();

  const { instance } = await WebAssembly.instantiate(LOOP_WASM);
  const loop = instance.exports.loop as (n: number) => number;
  loop(1000);
  const loopTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    loop(20_000_000);
    loopTimes.push(performance.now() - t0);
  }
  return { roundTripMs, wasmLoopMs: median(loopTimes) };
}

/**
 * (module (func (export "loop") (param $n i32) (result i32) (local $acc i32)
 *   (loop $again (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $n) (i32.const 7))))
 *     (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
 *   (local.get $acc)))
 */
const LOOP_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00,
  0x07, 0x08, 0x01, 0x04, 0x6c, 0x6f, 0x6f, 0x70, 0x00, 0x00, 0x0a, 0x1e, 0x01, 0x1c, 0x01, 0x01, 0x7f, 0x03, 0x40, 0x20,
  0x01, 0x20, 0x00, 0x41, 0x07, 0x6c, 0x6a, 0x21, 0x01, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x22, 0x00, 0x0d, 0x00, 0x0b, 0x20,
  0x01, 0x0b,
]);

/** Measures a [N,784] model (the bundled MLP) that `session` was created from `modelBytes`. */
export async function measureSpeed<S, T>(
  rt: SpeedRuntime<S, T>, session: S, modelBytes: Uint8Array, heldout: MnistSet, options: SpeedOptions = {},
): Promise<SpeedResult> {
  const scored = rt.scorable(session);
  const input = scored.inputNames[0];
  options.onStep?.('page floors');
  const floors = await measureFloors(options.roundTrips);
  options.onStep?.('session');
  const createTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const extra = await rt.createSession(modelBytes);
    createTimes.push(performance.now() - t0);
    await rt.release(extra);
  }

  // Each measurement after a warm-up long enough for V8 to have tiered up the code it runs (on a
  // busy machine its background compiles lag), and as a median: one slow stretch (another process
  // taking the core) moves a mean, not a median.
  options.onStep?.('one digit');
  const one = rt.tensor(new Float32Array(mnistImage(heldout, 0)), [1, 784]);
  for (let i = 0; i < 200; i++) await rt.run(session, { [input]: one });
  const blocks = 10;
  const perBlock = Math.max(1, Math.round((options.oneDigitRuns ?? 500) / blocks));
  const blockMeans: number[] = [];
  let t0: number;
  for (let b = 0; b < blocks; b++) {
    // performance.now() is coarse in a page that is not cross-origin isolated: time whole blocks.
    t0 = performance.now();
    for (let i = 0; i < perBlock; i++) await rt.run(session, { [input]: one });
    blockMeans.push((performance.now() - t0) / perBlock);
  }
  const oneDigitMs = median(blockMeans);

  options.onStep?.('batch of 1,000');
  const batch = rt.tensor(new Float32Array(mnistSubset(heldout, 1000).images), [1000, 784]);
  for (let i = 0; i < 5; i++) await rt.run(session, { [input]: batch });
  const batchTimes: number[] = [];
  for (let i = 0; i < (options.batchRuns ?? 10); i++) {
    t0 = performance.now();
    await rt.run(session, { [input]: batch });
    batchTimes.push(performance.now() - t0);
  }

  options.onStep?.('scoring 2,000 digits');
  const score = (): Promise<unknown> => scoreModel(scored, heldout, { createTensor: (d, dims) => rt.tensor(d, dims) });
  await score();
  const scoreTimes: number[] = [];
  for (let i = 0; i < (options.scoreRuns ?? 5); i++) {
    t0 = performance.now();
    await score();
    scoreTimes.push(performance.now() - t0);
  }
  return { ...floors, sessionLaterMs: median(createTimes), oneDigitMs, batch1000Ms: median(batchTimes), score2000Ms: median(scoreTimes) };
}
