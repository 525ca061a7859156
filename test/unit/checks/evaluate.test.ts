// Raw results → milestone outcomes, for every kind of check; globs and metric files.
import * as assert from 'node:assert/strict';
import type { Check } from '../../../src/roadmap/milestones';
import { evaluateFile } from '../../../src/checks/kinds/file';
import { evaluateMetric } from '../../../src/checks/kinds/metric';
import { evaluatePytest } from '../../../src/checks/pytestOutcome';
import { globBase, matchGlob } from '../../../src/checks/glob';
import type { JunitCase, JunitReport } from '../../../src/checks/junit';
import { parseJunit } from '../../../src/checks/junit';
import { readFixture } from './helpers';

const F = 'tests/test_a.py';

function report(cases: Partial<JunitCase>[], collectionErrors: JunitReport['collectionErrors'] = []): JunitReport {
  return { cases: cases.map((c) => ({ nodeId: '', status: 'passed', durationS: 0, ...c })), collectionErrors };
}

describe('evaluatePytest', () => {
  it('passes when every named test passed', () => {
    const o = evaluatePytest([`${F}::test_one`, `${F}::test_two`], report([{ nodeId: `${F}::test_one` }, { nodeId: `${F}::test_two` }, { nodeId: `${F}::other`, status: 'failed' }]));
    assert.deepEqual(o, { status: 'passed', headline: 'All 2 tests passed', failures: [] });
  });

  it('fails with each failing expectation, message first, in the order the check names them', () => {
    const o = evaluatePytest([`${F}::test_one`, `${F}::test_two`, `${F}::test_three`], report([
      { nodeId: `${F}::test_three`, status: 'failed', message: 'AssertionError: mean is wrong\nassert 1 == 2', details: 'traceback 3' },
      { nodeId: `${F}::test_one`, status: 'failed', message: 'NotImplementedError: TODO: pdf', details: 'traceback 1' },
      { nodeId: `${F}::test_two` },
    ]));
    assert.equal(o.status, 'failed');
    assert.equal(o.headline, '2 of 3 tests failed: test_one: NotImplementedError: TODO: pdf');
    assert.deepEqual(o.failures, [
      { name: `${F}::test_one`, message: 'NotImplementedError: TODO: pdf', details: 'traceback 1' },
      { name: `${F}::test_three`, message: 'AssertionError: mean is wrong\nassert 1 == 2', details: 'traceback 3' },
    ]);
  });

  it('counts an error in a fixture as a failure of the work', () => {
    const o = evaluatePytest([`${F}::t`], report([{ nodeId: `${F}::t`, status: 'error', message: 'failed on setup with "ValueError: x"' }]));
    assert.equal(o.status, 'failed');
    assert.equal(o.headline, 'The test failed: t: failed on setup with "ValueError: x"');
  });

  it('is an error when a named test is missing from the report', () => {
    const o = evaluatePytest([`${F}::test_one`, `${F}::renamed`], report([{ nodeId: `${F}::test_one` }]));
    assert.equal(o.status, 'error');
    assert.equal(o.headline, `test ${F}::renamed was not found (was it renamed or deleted?)`);
  });

  it('names a missing test file', () => {
    const o = evaluatePytest(['tests/gone.py::t'], report([]), { existingFiles: new Set([F]) });
    assert.equal(o.status, 'error');
    assert.equal(o.headline, 'tests/gone.py does not exist (was it renamed or deleted?)');
  });

  it('never says "0 tests passed": an empty run is an error', () => {
    const o = evaluatePytest([`${F}::t`], report([]));
    assert.equal(o.status, 'error');
    assert.equal(o.headline, `pytest ran no tests: test ${F}::t was not found (was it renamed or deleted?)`);
    assert.equal(evaluatePytest([], report([{ nodeId: `${F}::t` }])).status, 'error');
  });

  it('reports a collection error once, naming the module and the problem, and keeps other failures', () => {
    const broken = [{ file: F, message: 'SyntaxError: invalid syntax (test_a.py, line 4)', details: 'E   SyntaxError' }];
    const o = evaluatePytest([`${F}::one`, `${F}::two`, 'tests/test_b.py::ok', 'tests/test_b.py::bad'], report([
      { nodeId: 'tests/test_b.py::ok' },
      { nodeId: 'tests/test_b.py::bad', status: 'failed', message: 'assert 0' },
    ], broken));
    assert.equal(o.status, 'error');
    assert.equal(o.headline, `${F} could not be loaded: SyntaxError: invalid syntax (test_a.py, line 4)`);
    assert.deepEqual(o.failures.map((f) => f.name), [`${F}::one`, 'tests/test_b.py::bad']);
  });

  it('does not blame a milestone for a module it does not use', () => {
    const o = evaluatePytest(['tests/test_b.py::ok'], report([{ nodeId: 'tests/test_b.py::ok' }], [{ file: F, message: 'ImportError: x' }]));
    assert.equal(o.status, 'passed');
  });

  it('blames every test below a broken conftest or package', () => {
    const o = evaluatePytest([`${F}::one`], report([], [{ file: 'tests/conftest.py', message: "ModuleNotFoundError: No module named 'helpers'" }]));
    assert.equal(o.headline, "tests/conftest.py could not be loaded: ModuleNotFoundError: No module named 'helpers'");
    const unreadable = evaluatePytest([`${F}::one`], report([{ nodeId: `${F}::one` }], [{ message: 'The test report was unreadable (x)' }]));
    assert.equal(unreadable.status, 'error');
  });

  it('lets a node id name a file, a class or all parametrizations', () => {
    const cases = report([{ nodeId: `${F}::TestK::a` }, { nodeId: `${F}::TestK::b` }, { nodeId: `${F}::p[1]` }, { nodeId: `${F}::p[2]`, status: 'failed', message: 'n is 2' }]);
    assert.equal(evaluatePytest([`${F}::TestK`], cases).headline, 'All 2 tests passed');
    assert.equal(evaluatePytest([`${F}::p`], cases).headline, '1 of 2 tests failed: p[2]: n is 2');
    assert.equal(evaluatePytest([F], cases).status, 'failed');
    assert.equal(evaluatePytest([`./${F}::TestK::a`], cases).status, 'passed');
    assert.equal(evaluatePytest([`${F}::TestK::ab`], cases).status, 'error');
    assert.equal(evaluatePytest([`${F}::TestK`, `${F}::TestK::a`], cases).headline, 'All 2 tests passed');
  });

  it('does not count a skipped test as passed', () => {
    const o = evaluatePytest([`${F}::s`], report([{ nodeId: `${F}::s`, status: 'skipped', message: 'needs a GPU' }]));
    assert.equal(o.status, 'error');
    assert.equal(o.headline, `test ${F}::s was skipped: needs a GPU`);
  });

  it('works on the real sample report', () => {
    const sample = parseJunit(readFixture('junit-sample.xml'));
    const T = 'tests/test_outcomes.py';
    assert.equal(evaluatePytest([`${T}::test_passes`, `${T}::TestGroup::test_inside_class`], sample).status, 'passed');
    const failed = evaluatePytest([`${T}::test_passes`, `${T}::test_fails`], sample);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.headline, '1 of 2 tests failed: test_fails: AssertionError: expected <a & b> to be "equal"');
    assert.equal(evaluatePytest(['tests/test_import_error.py::test_never_collected'], sample).headline,
      "tests/test_import_error.py could not be loaded: ModuleNotFoundError: No module named 'module_that_does_not_exist'");
  });
});

describe('evaluateFile and globs', () => {
  const files = ['model.onnx', 'models/best.onnx', 'models/old/v1.onnx', 'reports/figure.png', 'README.md'];

  it('passes when a literal path exists and fails with a clear message when not', () => {
    assert.deepEqual(evaluateFile('README.md', files), { status: 'passed', headline: 'Found README.md', failures: [] });
    const o = evaluateFile('./reports/summary.md', files);
    assert.equal(o.status, 'failed');
    assert.equal(o.headline, 'reports/summary.md does not exist yet');
  });

  it('matches *, ** and ?', () => {
    assert.deepEqual(matchGlob('*.onnx', files), ['model.onnx']);
    assert.deepEqual(matchGlob('models/*.onnx', files), ['models/best.onnx']);
    assert.deepEqual(matchGlob('**/*.onnx', files), ['model.onnx', 'models/best.onnx', 'models/old/v1.onnx']);
    assert.deepEqual(matchGlob('models/**', files), ['models/best.onnx', 'models/old/v1.onnx']);
    assert.deepEqual(matchGlob('models/**/v?.onnx', files), ['models/old/v1.onnx']);
    assert.deepEqual(matchGlob('model?onnx', files), ['model.onnx']);
    assert.deepEqual(matchGlob('reports\\*.png', ['reports\\figure.png']), ['reports/figure.png']);
    assert.deepEqual(matchGlob('(a)+[b].txt', ['(a)+[b].txt', 'aab.txt']), ['(a)+[b].txt']);
  });

  it('says what matched a glob, or that nothing does', () => {
    assert.equal(evaluateFile('**/*.onnx', files).headline, 'Found model.onnx and 2 more');
    assert.equal(evaluateFile('plots/*.png', files).headline, 'No file matches plots/*.png yet');
  });

  it('knows where a glob search can start', () => {
    assert.equal(globBase('models/**/v?.onnx'), 'models');
    assert.equal(globBase('*.png'), '');
    assert.deepEqual(matchGlob('a/**/b', ['a/b', 'a/x/b', 'a/x/y/b', 'ab', 'a/xb', 'a/b/c']), ['a/b', 'a/x/b', 'a/x/y/b']);
  });
});

describe('evaluateMetric', () => {
  const check = (over: Partial<Extract<Check, { kind: 'metric' }>> = {}): Extract<Check, { kind: 'metric' }> => ({ kind: 'metric', file: 'metrics.json', key: 'accuracy', op: '>=', threshold: 0.95, ...over });

  it('passes and fails against the threshold, saying the value and what is needed', () => {
    assert.deepEqual(evaluateMetric(check(), '{"accuracy": 0.97}'), { status: 'passed', headline: 'accuracy is 0.97 (needs >= 0.95)', failures: [] });
    const o = evaluateMetric(check(), '{"accuracy": 0.91}');
    assert.equal(o.status, 'failed');
    assert.equal(o.headline, 'accuracy is 0.91, needs >= 0.95');
    assert.deepEqual(o.failures, [{ name: 'metrics.json', message: 'accuracy is 0.91, needs >= 0.95' }]);
  });

  it('supports every comparison, including the boundary', () => {
    assert.equal(evaluateMetric(check({ op: '>=' }), '{"accuracy": 0.95}').status, 'passed');
    assert.equal(evaluateMetric(check({ op: '>' }), '{"accuracy": 0.95}').status, 'failed');
    assert.equal(evaluateMetric(check({ key: 'loss', op: '<', threshold: 0.1 }), '{"loss": 0.05}').status, 'passed');
    assert.equal(evaluateMetric(check({ key: 'loss', op: '<=', threshold: 0.1 }), '{"loss": 0.2}').headline, 'loss is 0.2, needs <= 0.1');
  });

  it('reads dotted keys, list indexes, and literal keys with dots', () => {
    assert.equal(evaluateMetric(check({ key: 'test.accuracy' }), '{"test": {"accuracy": 0.99}}').status, 'passed');
    assert.equal(evaluateMetric(check({ key: 'folds.1' }), '{"folds": [0.5, 0.96]}').status, 'passed');
    assert.equal(evaluateMetric(check({ key: 'val.acc' }), '{"val.acc": 0.99, "val": {"acc": 0.1}}').status, 'passed');
  });

  it('fails clearly for a missing file, bad JSON, a missing key or a non-number', () => {
    assert.equal(evaluateMetric(check(), undefined).headline, 'metrics.json was not found: run your code to write it first');
    assert.match(evaluateMetric(check(), '{"accuracy": ').headline, /^metrics\.json is not valid JSON \(/);
    assert.equal(evaluateMetric(check(), '{"acc": 0.9, "loss": 1}').headline, 'metrics.json has no "accuracy" (it has "acc", "loss")');
    assert.equal(evaluateMetric(check(), '{"accuracy": "0.97"}').headline, '"accuracy" in metrics.json is the text "0.97", not a number');
    assert.equal(evaluateMetric(check(), '{"accuracy": null}').headline, '"accuracy" in metrics.json is null, not a number');
    assert.equal(evaluateMetric(check(), '[1, 2]').status, 'failed');
    for (const text of [undefined, '', '{', '{"accuracy": true}', '{"accuracy": [0.99]}']) assert.equal(evaluateMetric(check(), text).status, 'failed', String(text));
  });

  it("reads Python's NaN and Infinity, and neither ever passes (not a finite number)", () => {
    assert.equal(evaluateMetric(check(), '{"accuracy": NaN, "note": "NaN stays text"}').headline, '"accuracy" in metrics.json is NaN, not a finite number');
    const loss = evaluateMetric(check({ key: 'loss', op: '<', threshold: 1 }), '{"loss": -Infinity}');
    assert.deepEqual([loss.status, loss.headline], ['failed', '"loss" in metrics.json is -Infinity, not a finite number']);
    assert.equal(evaluateMetric(check({ key: 'note' }), '{"note": "NaN"}').headline, '"note" in metrics.json is the text "NaN", not a number');
  });
});
