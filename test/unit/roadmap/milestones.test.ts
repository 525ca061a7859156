// parseMilestones on string and file fixtures, and on any milestones.md the built-in projects have.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { parseThreshold } from '../../../src/checks/kinds/threshold';
import { errorsOf, FIXTURES_DIR, plain, ROADMAP_DIR, TIMEOUT_MS } from './helpers';

function fixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, 'milestones', name), 'utf8');
}

describe('parseMilestones', function () {
  this.timeout(TIMEOUT_MS);
  it('reads the example from FORMAT.md', () => {
    const text = [
      '# Milestones',
      '',
      '## Load and split the data {#load-data}',
      '',
      'What to do, in a few paragraphs. Markdown is fine.',
      '',
      'Check: pytest `tests/test_data.py::test_split_is_stratified` `tests/test_data.py::test_split_is_reproducible`',
      '',
      'Compare: `src/mylib/data.py`',
      '',
      '### Hints',
      '',
      '1. The first hint, shown after the first failed run.',
      '2. A more specific hint, shown after the next one.',
      '',
    ].join('\n');
    assert.deepEqual(parseMilestones('milestones.md', text), {
      milestones: [
        {
          id: 'load-data',
          title: 'Load and split the data',
          explanation: 'What to do, in a few paragraphs. Markdown is fine.',
          check: {
            kind: 'pytest',
            nodeIds: ['tests/test_data.py::test_split_is_stratified', 'tests/test_data.py::test_split_is_reproducible'],
          },
          compare: ['src/mylib/data.py'],
          hints: ['The first hint, shown after the first failed run.', 'A more specific hint, shown after the next one.'],
          range: { file: 'milestones.md', line: 3, column: 1, endLine: 3, endColumn: 40 },
        },
      ],
      diagnostics: [],
    });
  });

  it('reads every kind of check, explanations as source and multi-line hints', () => {
    const { milestones, diagnostics } = parseMilestones('valid.md', fixture('valid.md'));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(milestones.map((m) => m.id), ['load-data', 'save-features', 'train', 'export', 'write-up']);
    assert.deepEqual(milestones.map((m) => m.check), [
      { kind: 'pytest', nodeIds: ['tests/test_data.py::test_split_is_stratified', 'tests/test_data.py::test_split_is_reproducible'] },
      { kind: 'file', glob: 'data/features-*.parquet' },
      { kind: 'metric', file: 'metrics.json', key: 'accuracy', op: '>=', threshold: 0.9 },
      { kind: 'onnx', model: 'model.onnx', op: '>', threshold: 0.97 },
      { kind: 'manual' },
    ]);
    const [first, , train, exported] = milestones;
    assert.equal(
      first?.explanation,
      'Read `data/churn.csv` with pandas and split it into train and test sets.\n\n' +
        'Keep the class balance the same in both:\n\n```python\ntrain, test = split(df, stratify="churned")\n```',
    );
    assert.deepEqual(first?.hints, [
      'Look at `train_test_split` in scikit-learn.',
      'Pass `stratify=df["churned"]` and a fixed `random_state`.\n\n```python\ntrain_test_split(df, stratify=df["churned"], random_state=0)\n```',
    ]);
    assert.deepEqual(train?.compare, ['churn/train.py', 'churn/features.py']);
    assert.equal(train?.explanation, 'More explanation after the check line.');
    assert.equal(exported?.explanation, '');
  });

  it('reports each kind of problem exactly', () => {
    const { milestones, diagnostics } = parseMilestones('broken.md', fixture('broken.md'));
    const e = (line: number, column: number, code: string, message: string): object => ({ severity: 'error', code, file: 'broken.md', line, column, message });
    assert.deepEqual(plain(diagnostics), [
      e(3, 1, 'missing-id', 'Milestone "No id here" has no id: end it with {#some-id}'),
      e(7, 11, 'invalid-id', 'Invalid id "Bad": use lowercase letters, digits and dashes, starting with a letter or digit'),
      e(13, 1, 'invalid-check', 'A pytest check needs one or more test ids in backticks, like `tests/test_x.py::test_y`'),
      e(15, 10, 'duplicate-id', 'Duplicate id "step": already used by the milestone at broken.md:11:1'),
      e(21, 1, 'unknown-check', 'Unknown check "benchmark": use pytest, file, metric, onnx or manual'),
      e(23, 1, 'missing-check', 'Milestone "Missing check" has no Check line: add "Check: pytest `tests/…`" (or file, metric, onnx, manual)'),
      e(29, 1, 'invalid-check', 'Invalid threshold "about 0.9": write a comparison and a number, like `>= 0.9`'),
      e(33, 1, 'invalid-check', '"../secrets.txt" must be a relative path inside the project'),
      e(35, 1, 'invalid-compare', '"/etc/passwd" must be a relative path inside the project'),
      e(41, 1, 'duplicate-check', 'A milestone has one Check line; this one is ignored'),
      { ...e(45, 1, 'unexpected-content', 'Only a list of hints belongs under Hints; this paragraph is ignored'), severity: 'warning' },
    ]);
    // Milestones without a usable id are left out; a bad check falls back to manual.
    assert.deepEqual(milestones.map((m) => [m.id, m.check.kind]), [
      ['step', 'manual'],
      ['unknown', 'manual'],
      ['no-check', 'manual'],
      ['bad-metric', 'manual'],
      ['escape', 'manual'],
      ['two-checks', 'manual'],
    ]);
    assert.deepEqual(milestones[5]?.hints, ['A real hint.']);
  });

  it('rejects check arguments that are not in backticks or would read as options', () => {
    const one = (check: string): string[] =>
      parseMilestones('m.md', `## Step {#s}\n\nCheck: ${check}\n`).diagnostics.map((d) => `${d.code}: ${d.message}`);
    assert.deepEqual(one('file model.onnx'), ['invalid-check: Unexpected "model.onnx" in the Check line: put each argument in backticks']);
    assert.deepEqual(one('pytest `-x` `tests`'), ['invalid-check: "-x" must be a relative path inside the project']);
    assert.deepEqual(one('manual `x`'), ['invalid-check: A manual check takes no arguments']);
    assert.deepEqual(one('onnx `m.onnx`'), ['invalid-check: An onnx check needs a model path and a threshold in backticks, like `model.onnx` `>= 0.97`']);
    assert.deepEqual(one(''), ['invalid-check: The Check line names no check: use pytest, file, metric, onnx or manual']);
    assert.deepEqual(one('pytest `tests/a.py::t1`, `tests/a.py::t2`'), []);
  });

  it('no-milestones: a file without "##" headings', () => {
    assert.deepEqual(plain(parseMilestones('m.md', '# Milestones\n\nNothing yet.\n').diagnostics), [
      { severity: 'warning', code: 'no-milestones', file: 'm.md', line: 1, column: 1, message: 'No milestones: add "## Step title {#id}" headings' },
    ]);
  });

  it('never throws on input that is not a string', () => {
    for (const input of [null, undefined, 42, {}, '\u0000\uD800##']) {
      const r = parseMilestones('m.md', input as string);
      assert.ok(Array.isArray(r.milestones) && Array.isArray(r.diagnostics));
      assert.ok(!r.diagnostics.some((d) => d.code === 'internal-error'));
    }
  });

  it('parses thresholds', () => {
    assert.deepEqual(parseThreshold('>= 0.9'), { op: '>=', threshold: 0.9 });
    assert.deepEqual(parseThreshold('<1e-3'), { op: '<', threshold: 0.001 });
    assert.deepEqual(parseThreshold('> -2'), { op: '>', threshold: -2 });
    assert.deepEqual(parseThreshold('<= .5'), { op: '<=', threshold: 0.5 });
    for (const bad of ['0.9', '=> 0.9', '== 1', '>= ', '>= 1e999', '>= NaN']) assert.equal(parseThreshold(bad), undefined, bad);
  });

  it('parses the milestones.md of every built-in project without errors', () => {
    const dir = join(ROADMAP_DIR, 'projects');
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, 'milestones.md');
      if (!existsSync(file)) continue;
      const r = parseMilestones(`projects/${name}/milestones.md`, readFileSync(file, 'utf8'));
      assert.deepEqual(plain(errorsOf(r.diagnostics)), [], name);
      assert.ok(r.milestones.length > 0, name);
    }
  });
});
