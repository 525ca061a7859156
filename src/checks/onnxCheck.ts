// The scorer of the `onnx` check kind (kinds/onnx.ts): the learner's exported model is scored on the
// held-out MNIST digits that ship with the extension. The scoring runs in a child Node (./onnxScorer.ts) under the
// check's time limit, its cancel signal and a memory bound, and is killed on overrun, so no model
// can hold the extension host. Bundled on its own (dist/onnx-check.js, which the child loads too)
// and required only when a milestone needs it, because onnxruntime-web is large. No `vscode`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findOrtWasmDir, hasOrtWasm } from '../inference/nodeRuntime';
import { compare, type Threshold } from './kinds/threshold';
import { failure, type Outcome, type OutcomeStatus } from './outcome';
import { type ProcessRunner, type RunResult, runProcess } from './process';
import { REPLY_PREFIX, type ScorerReply, type ScorerSpec } from './onnxScorer';

export { runScorerChild } from './onnxScorer';

/** An onnx check (kinds/onnx.ts): the model's path in the project and the accuracy it needs. */
type OnnxCheck = Threshold & { readonly model: string };

export interface OnnxLimits {
  /** The check's time limit for the whole scoring, the runtime's start included. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The scorer's resident memory bound (its heap and the runtime's WebAssembly memory). Default 1024. */
  readonly maxMemoryMb?: number;
  /** For tests; default runProcess. */
  readonly run?: ProcessRunner;
}

const DEFAULT_LIMITS: OnnxLimits = { timeoutMs: 120_000 };
const DEFAULT_MEMORY_MB = 1024;
/** The JavaScript heap of the scorer; the model itself lives in WebAssembly memory. */
const HEAP_MB = 512;

export async function evaluateOnnx(projectDir: string, check: OnnxCheck, extensionDir: string, limits: OnnxLimits = DEFAULT_LIMITS): Promise<Outcome> {
  const problem = (headline: string, status: OutcomeStatus = 'error'): Outcome => ({ status, headline, failures: [failure(check.model, headline)] });
  const scorer = join(extensionDir, 'dist', 'onnx-check.js');
  if (!existsSync(scorer)) return problem(`${check.model} could not be scored: the extension's model scorer (dist/onnx-check.js) is missing; reinstall the extension`);
  const shipped = join(extensionDir, 'dist', 'webview', 'ort');
  const wasmDir = hasOrtWasm(shipped) ? shipped : findOrtWasmDir([extensionDir]);
  const spec: ScorerSpec = {
    modelFile: join(projectDir, ...check.model.split('/')),
    displayName: check.model,
    dataFile: join(extensionDir, 'media', 'data', 'mnist-heldout.bin'),
    ...(wasmDir ? { wasmDir } : {}),
  };
  const memoryMb = limits.maxMemoryMb ?? DEFAULT_MEMORY_MB;
  // In the editor process.execPath is Electron's binary: ELECTRON_RUN_AS_NODE makes it a plain Node.
  // An inherited NODE_OPTIONS (a debugger's --inspect-brk, say) would stall the child.
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  delete env['NODE_OPTIONS'];
  const r = await (limits.run ?? runProcess)(
    process.execPath,
    [`--max-old-space-size=${Math.min(HEAP_MB, memoryMb)}`, '-e', 'require(process.argv[1]).runScorerChild(process.argv[2])', scorer, JSON.stringify(spec)],
    {
      cwd: projectDir,
      env,
      timeoutMs: limits.timeoutMs,
      maxOutputBytes: 256 * 1024,
      maxRssBytes: memoryMb * 1024 * 1024,
      ...(limits.signal ? { signal: limits.signal } : {}),
    },
  );
  const stopped = whyStopped(r, limits.timeoutMs, memoryMb);
  if (stopped) return problem(`${check.model} could not be scored: ${stopped}`);
  const reply = readReply(r.stdout);
  if (!reply) {
    const how = r.spawnError ? r.spawnError.message : r.signal ? `was killed by ${r.signal}` : `exited with code ${r.exitCode}`;
    const tail = r.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
    return problem(`${check.model} could not be scored: the scorer ${how} without an answer${tail ? ` (${tail})` : ''}`);
  }
  if (!reply.ok) return problem(`${check.model} could not be scored: ${reply.reason}`, 'failed');

  const result = reply.result;
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const summary = `${check.model} (${result.layout}) scores ${pct(result.accuracy)} on ${result.count} held-out digits`;
  if (compare(result.accuracy, check.op, check.threshold)) return { status: 'passed', headline: summary, failures: [] };
  const weakest = result.perClassAccuracy
    .flatMap((a, digit) => (a === null ? [] : [{ a, digit }]))
    .sort((x, y) => x.a - y.a)
    .slice(0, 3);
  const nan = result.nanRows > 0 ? ` ${result.nanRows} of the ${result.count} digits got only NaN scores.` : '';
  return {
    status: 'failed',
    headline: `${summary}; needs ${check.op} ${pct(check.threshold)}`,
    failures: [failure(check.model, `accuracy ${pct(result.accuracy)}, needs ${check.op} ${pct(check.threshold)}. Weakest digits: ${weakest.map((w) => `${w.digit} (${pct(w.a)})`).join(', ')}.${nan}`)],
  };
}

function whyStopped(r: RunResult, timeoutMs: number, memoryMb: number): string | undefined {
  if (r.cancelled) return 'cancelled before it finished';
  if (r.timedOut) return `scoring stopped after ${seconds(timeoutMs)} s, the check's time limit (mlRoadmap.checks.timeoutSeconds): the model is too slow to run on the held-out digits`;
  if (r.memoryExceeded) return `scoring stopped: it used more than ${memoryMb} MB of memory`;
  return undefined;
}

function readReply(stdout: string): ScorerReply | undefined {
  const line = stdout.split('\n').reverse().find((l) => l.startsWith(REPLY_PREFIX));
  if (!line) return undefined;
  try {
    const reply = JSON.parse(line.slice(REPLY_PREFIX.length)) as ScorerReply;
    return typeof reply === 'object' && reply !== null && typeof reply.ok === 'boolean' ? reply : undefined;
  } catch {
    return undefined;
  }
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}
