// The lab's `onnx` check: the learner's exported model is scored on the held-out MNIST digits that
// ship with the extension. Bundled on its own (dist/onnx-check.js) and required only when a
// milestone needs it, because onnxruntime-web is large. Plain Node: no `vscode`.
import { join } from 'node:path';
import type { Check } from '../roadmap/milestones';
import { compare } from '../checks/evaluate';
import { scoreModelFile } from '../inference/scoreFile';
import { findOrtWasmDir, hasOrtWasm } from '../inference/nodeRuntime';
import type { LabOutcome } from './runLabChecks';

type OnnxCheck = Extract<Check, { kind: 'onnx' }>;

export async function evaluateOnnx(projectDir: string, check: OnnxCheck, extensionDir: string): Promise<LabOutcome> {
  const shipped = join(extensionDir, 'dist', 'webview', 'ort');
  const wasmDir = hasOrtWasm(shipped) ? shipped : findOrtWasmDir([extensionDir]);
  try {
    const { result } = await scoreModelFile(join(projectDir, ...check.model.split('/')), {
      dataFile: join(extensionDir, 'media', 'data', 'mnist-heldout.bin'),
      displayName: check.model,
      ...(wasmDir ? { wasmDir } : {}),
    });
    const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
    const summary = `${check.model} (${result.layout}) scores ${pct(result.accuracy)} on ${result.count} held-out digits`;
    if (compare(result.accuracy, check.op, check.threshold)) return { status: 'passed', headline: summary, failures: [] };
    const weakest = result.perClassAccuracy
      .flatMap((a, digit) => (a === null ? [] : [{ a, digit }]))
      .sort((x, y) => x.a - y.a)
      .slice(0, 3);
    return {
      status: 'failed',
      headline: `${summary}; needs ${check.op} ${pct(check.threshold)}`,
      failures: [{
        name: check.model,
        message: `accuracy ${pct(result.accuracy)}, needs ${check.op} ${pct(check.threshold)}. Weakest digits: ${weakest.map((w) => `${w.digit} (${pct(w.a)})`).join(', ')}.`,
      }],
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { status: 'failed', headline: `${check.model} could not be scored: ${reason}`, failures: [{ name: check.model, message: reason }] };
  }
}
