// The table of check kinds: every kind parses, labels and decides through it, an unknown kind is an
// error naming the table's kinds, and a kind without a way to decide does not compile.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_KIND_NAMES, CHECK_KINDS, checkLabel, decideKind, kindList, parseCheck, type Check, type CheckKindName, type L10n } from '../../../src/checks/kinds';
import type { CheckKind } from '../../../src/checks/kinds/kind';
import { runMilestoneChecks } from '../../../src/checks/runChecks';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { repoRoot } from '../repoRoot';

/** vscode.l10n.t's English: `{0}` … replaced by the arguments. */
const english: L10n = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };

// A Record over the names: a new kind without a sample here does not compile.
const SAMPLES: Record<CheckKindName, { args: string[]; label: string }> = {
  pytest: { args: ['tests/test_a.py::test_one', 'tests/test_a.py::test_two'], label: 'pytest: 2 tests' },
  file: { args: ['model.onnx'], label: 'file exists: model.onnx' },
  metric: { args: ['metrics.json', 'accuracy', '>= 0.9'], label: 'metric: accuracy in metrics.json >= 0.9' },
  onnx: { args: ['model.onnx', '>= 0.97'], label: 'ONNX model model.onnx scores >= 0.97' },
  manual: { args: [], label: 'ticked by hand' },
};

describe('the table of check kinds', () => {
  it('holds each kind under its own name', () => {
    assert.deepEqual(Object.keys(CHECK_KINDS), [...CHECK_KIND_NAMES]);
    for (const [key, kind] of Object.entries(CHECK_KINDS)) assert.equal(kind.name, key);
  });

  it('parses, labels and decides every kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlr-kinds-'));
    try {
      for (const name of CHECK_KIND_NAMES) {
        const parsed = parseCheck(name.toUpperCase(), SAMPLES[name].args);
        assert.ok('check' in parsed, `${name}: ${JSON.stringify(parsed)}`);
        const check: Check = parsed.check;
        assert.equal(check.kind, name);
        assert.equal(checkLabel(check, english), SAMPLES[name].label);
        const decided = await decideKind(name, [{ id: 'step', check }], { projectDir: dir, python: 'python3', timeoutMs: 5000, maxOutputBytes: 1024, log: () => undefined });
        const outcome = decided.get('step');
        assert.ok(outcome, `${name} decided nothing`);
        // An empty project: nothing passes; onnx (no extension here) and manual are not run.
        assert.equal(outcome.status, name === 'onnx' || name === 'manual' ? 'not-run' : name === 'pytest' ? 'error' : 'failed', `${name}: ${outcome.headline}`);
        assert.notEqual(outcome.headline, 'Not checked yet');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a check given to another kind', async () => {
    const check: Check = { kind: 'file', glob: 'a.txt' };
    await assert.rejects(decideKind('metric', [{ id: 'x', check }], { projectDir: '.', python: 'python3', timeoutMs: 1, maxOutputBytes: 1, log: () => undefined }), /file check was given to the metric kind/);
  });

  it('refuses a path outside the project for every kind that reads one', () => {
    for (const name of CHECK_KIND_NAMES) {
      const args = SAMPLES[name].args.map((a, k) => (k === 0 ? `../${a}` : a));
      if (args.length === 0) continue;
      // A pytest check reads the file part of a node id.
      const path = args[0]?.split('::')[0];
      assert.deepEqual(parseCheck(name, args), { invalid: `"${path}" must be a relative path inside the project` }, name);
    }
  });

  it('builds the list of kinds in its messages from the table', () => {
    assert.equal(kindList(['a', 'b', 'c']), 'a, b or c');
    assert.equal(kindList(['a']), 'a');
    const list = kindList(Object.keys(CHECK_KINDS));
    assert.equal(list, 'pytest, file, metric, onnx or manual');
    assert.deepEqual(parseCheck('jest', []), { unknown: `Unknown check "jest": use ${list}` });
  });

  it('makes an unknown kind in a Check line an unknown-check error, never another kind', () => {
    const text = '# Milestones\n\n## Step {#step}\n\nCheck: jest `tests/test_a.py`\n\n## Empty {#empty}\n\nCheck:\n';
    const { milestones, diagnostics } = parseMilestones('milestones.md', text);
    const unknown = diagnostics.find((d) => d.code === 'unknown-check');
    assert.equal(unknown?.message, `Unknown check "jest": use ${kindList(CHECK_KIND_NAMES)}`);
    assert.equal(diagnostics.find((d) => d.code === 'invalid-check')?.message, `The Check line names no check: use ${kindList(CHECK_KIND_NAMES)}`);
    // The step stays, ticked by hand, with the error saying why.
    assert.deepEqual(milestones.map((m) => m.check), [{ kind: 'manual' }, { kind: 'manual' }]);
  });

  it('does not compile a kind without a way to decide', () => {
    // @ts-expect-error `decide` is missing: every kind in the table must decide its checks.
    const noRunner: CheckKind<{ readonly kind: 'lint' }> = {
      name: 'lint',
      parse: () => ({ check: { kind: 'lint' } }),
      paths: () => [],
      label: () => 'lint',
    };
    assert.equal(noRunner.name, 'lint');
  });

  it('scores an onnx milestone with the extension folder, with the same outcome type as every kind', async function () {
    this.timeout(60_000);
    const root = repoRoot();
    const dir = mkdtempSync(join(tmpdir(), 'mlr-kinds-onnx-'));
    try {
      mkdirSync(join(dir, 'export'));
      copyFileSync(join(root, 'media/models/mnist-cnn.onnx'), join(dir, 'export/model.onnx'));
      const text = '# Milestones\n\n## Export {#export}\n\nCheck: onnx `export/model.onnx` `>= 0.999`\n\n## Exists {#exists}\n\nCheck: file `export/model.onnx`\n';
      const { milestones } = parseMilestones('milestones.md', text);
      const common = { projectDir: dir, milestones, python: 'python3', timeoutMs: 50_000, maxOutputBytes: 1024 };
      const scored = await runMilestoneChecks({ ...common, extensionDir: root });
      assert.equal(scored.outcomes['export']?.status, 'failed', scored.outcomes['export']?.headline);
      assert.deepEqual(scored.outcomes['export']?.failures.map((f) => f.name), ['export/model.onnx']);
      assert.equal(scored.outcomes['exists']?.status, 'passed');
      const alone = await runMilestoneChecks(common);
      assert.deepEqual(alone.outcomes['export'], { status: 'not-run', headline: 'Checked in the lab with your exported model', failures: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps onnxruntime out of the host and parser bundles (the onnx kind requires its scorer lazily)', () => {
    const bundle = (name: string): string => readFileSync(join(repoRoot(), 'dist', name), 'utf8');
    assert.match(bundle('onnx-check.js'), /InferenceSession/);
    for (const name of ['extension.js', 'roadmap-parser.js']) assert.doesNotMatch(bundle(name), /InferenceSession/, name);
  });
});
