// The `onnx` check kind: `Check: onnx \`model.onnx\` \`>= 0.97\`` passes when the learner's exported
// model scores that accuracy on the held-out MNIST digits shipped with the extension. The scorer
// (../onnxCheck.ts, bundled as dist/onnx-check.js with onnxruntime-web) is required the first time
// a milestone needs it, so neither the host bundle nor the roadmap parser carries the runtime.
import { join } from 'node:path';
import { notRun, runProblem } from '../outcome';
import type { Outcome } from '../outcome';
import type { CheckKind } from './kind';
import { badThreshold, parseThreshold, type CompareOp } from './threshold';
import type * as ScorerModule from '../onnxCheck';

export interface OnnxCheck {
  readonly kind: 'onnx';
  readonly model: string;
  readonly op: CompareOp;
  readonly threshold: number;
}

export const onnx: CheckKind<OnnxCheck> = {
  name: 'onnx',
  parse(args) {
    if (args.length !== 2) return { invalid: 'An onnx check needs a model path and a threshold in backticks, like `model.onnx` `>= 0.97`' };
    const [model = '', expr = ''] = args;
    const threshold = parseThreshold(expr);
    if (!threshold) return { invalid: badThreshold(expr) };
    return { check: { kind: 'onnx', model, ...threshold } };
  },
  paths: (check) => [check.model],
  label: (check, l10n) => l10n.t('ONNX model {0} scores {1} {2}', check.model, check.op, check.threshold),
  async decide(checks, run) {
    const outcomes = new Map<string, Outcome>();
    const { extensionDir } = run;
    for (const c of checks) {
      // Outside the editor (a test of the checks alone) there is no scorer to run.
      if (extensionDir === undefined) outcomes.set(c.id, notRun('Checked in the lab with your exported model'));
      else if (run.signal?.aborted) outcomes.set(c.id, runProblem('Cancelled before it finished'));
      else {
        const limits = { timeoutMs: run.timeoutMs, ...(run.signal ? { signal: run.signal } : {}), ...(run.run ? { run: run.run } : {}) };
        outcomes.set(c.id, await scorer(extensionDir).evaluateOnnx(run.projectDir, c.check, extensionDir, limits));
      }
    }
    return outcomes;
  },
};

type Scorer = typeof ScorerModule;
let loaded: Scorer | undefined;
/** The ONNX scorer bundle (onnxruntime-web), loaded the first time a milestone needs it. */
function scorer(extensionDir: string): Scorer {
  // A computed path keeps esbuild from inlining the runtime into the bundle that imports this.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, by design
  return (loaded ??= require(join(extensionDir, 'dist', 'onnx-check.js')) as Scorer);
}
