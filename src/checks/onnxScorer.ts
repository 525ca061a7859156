// The child-process side of the lab's `onnx` check: scores one model file on the held-out digits
// and writes ONE line of JSON to stdout, then exits. It runs in a Node of its own (started by
// ./onnxCheck.ts with a time limit, the cancel signal and a memory bound), so a model that
// runs for ever or fills memory never touches the extension host. Plain Node: no `vscode`.
import { scoreModelFile } from '../inference/scoreFile';
import type { ScoreResult } from '../shared/inference/score';
import { describeError } from '../shared/errors';

/** What the parent sends, as the child's one argument. */
export interface ScorerSpec {
  readonly modelFile: string;
  readonly displayName: string;
  readonly dataFile: string;
  readonly wasmDir?: string;
}

/** What the child prints: the part of the result the check reports, or the reason it failed. */
export type ScorerReply =
  | { readonly ok: true; readonly result: Pick<ScoreResult, 'accuracy' | 'count' | 'layout' | 'perClassAccuracy' | 'nanRows'> }
  | { readonly ok: false; readonly reason: string };

/** Marks the reply line among anything else the runtime may print. */
export const REPLY_PREFIX = 'MLR-ONNX-REPLY ';

/** The child's entry point: `require(dist/onnx-check.js).runScorerChild(specJson)`. */
export async function runScorerChild(specJson: string): Promise<never> {
  let reply: ScorerReply;
  try {
    const spec = JSON.parse(specJson) as ScorerSpec;
    const { result } = await scoreModelFile(spec.modelFile, {
      dataFile: spec.dataFile,
      displayName: spec.displayName,
      ...(spec.wasmDir ? { wasmDir: spec.wasmDir } : {}),
    });
    const { accuracy, count, layout, perClassAccuracy, nanRows } = result;
    reply = { ok: true, result: { accuracy, count, layout, perClassAccuracy, nanRows } };
  } catch (e) {
    reply = { ok: false, reason: describeError(e) };
  }
  process.stdout.write(`${REPLY_PREFIX}${JSON.stringify(reply)}\n`, () => process.exit(0));
  return new Promise<never>(() => undefined);
}
