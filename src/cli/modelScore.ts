// `npm run -s model:score -- <file.onnx> [--full]`: scores a digit classifier on the 2,000 bundled
// held-out MNIST digits with onnxruntime-web (wasm, one thread) and prints ONE line of JSON:
//   {"accuracy":0.9655,"layout":"[N,784]","perClassAccuracy":[…],"count":2000}
// or {"error":"<reason>"} with exit code 1 (2 for a usage error). --full adds the confusion
// matrix, the most confident mistakes and timings.

import { join, resolve } from 'node:path';
import { ModelLoadError } from '../inference/nodeRuntime';
import { ScoreError } from '../shared/inference/score';
import { scoreModelFile } from '../inference/scoreFile';
import { describeError } from '../shared/errors';

class UsageError extends Error {}

// Bundled to dist/cli/model-score.js: the repository root is two levels up.
const DATA_FILE = join(__dirname, '..', '..', 'media', 'data', 'mnist-heldout.bin');

async function main(argv: string[]): Promise<Record<string, unknown>> {
  const full = argv.includes('--full');
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--full');
  if (unknown.length) throw new UsageError(`unknown option ${unknown[0]}; usage: model:score -- <file.onnx> [--full]`);
  if (files.length !== 1) throw new UsageError('usage: model:score -- <file.onnx> [--full]');
  // npm runs scripts from the package root; INIT_CWD is where `npm run` was typed.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), files[0]);

  const { result, bytes, sessionCreateMs } = await scoreModelFile(file, { dataFile: DATA_FILE, displayName: files[0] });
  const summary: Record<string, unknown> = {
    accuracy: result.accuracy,
    layout: result.layout,
    perClassAccuracy: result.perClassAccuracy,
    count: result.count,
  };
  if (full) {
    Object.assign(summary, {
      correct: result.correct,
      fixedBatch: result.fixedBatch,
      outputKind: result.outputKind,
      perClassCount: result.perClassCount,
      confusion: result.confusion,
      worst: result.worst,
      bytes,
      sessionCreateMs: round(sessionCreateMs),
      runs: result.runs,
      runMs: round(result.runMs),
    });
  }
  return summary;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

main(process.argv.slice(2)).then(
  (summary) => {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.exitCode = 0;
  },
  (e: unknown) => {
    const known = e instanceof ModelLoadError || e instanceof ScoreError || e instanceof UsageError;
    const reason = known ? e.message : `unexpected failure: ${describeError(e)}`;
    if (!known && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    process.stdout.write(`${JSON.stringify({ error: reason })}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);
