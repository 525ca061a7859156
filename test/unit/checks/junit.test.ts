// parseJunit on a real pytest 7.2 report (test/fixtures/checks/junit-sample.xml, regenerated with
// the command in sample-project/README.md) and on broken input.
import * as assert from 'node:assert/strict';
import type { JunitCase } from '../../../src/checks/junit';
import { nodeIdOf, parseJunit } from '../../../src/checks/junit';
import { decodeEntities, parseXml } from '../../../src/checks/xml';
import { readFixture } from './helpers';

const T = 'tests/test_outcomes.py';

function byId(cases: readonly JunitCase[]): Map<string, JunitCase> {
  return new Map(cases.map((c) => [c.nodeId, c]));
}

describe('parseJunit on a real pytest report', () => {
  const report = parseJunit(readFixture('junit-sample.xml'));
  const cases = byId(report.cases);

  it('finds every test case once, with node ids as pytest prints them', () => {
    assert.deepEqual([...cases.keys()].sort(), [
      `${T}::TestGroup::test_fails_inside_class`,
      `${T}::TestGroup::test_inside_class`,
      `${T}::test_errors_in_fixture`,
      `${T}::test_expected_failure`,
      `${T}::test_fails`,
      `${T}::test_fails_then_teardown_errors`,
      `${T}::test_param[1]`,
      `${T}::test_param[2]`,
      `${T}::test_passes`,
      `${T}::test_skipped`,
    ]);
  });

  it('reads each status', () => {
    const status = Object.fromEntries([...cases].map(([id, c]) => [id.slice(T.length + 2), c.status]));
    assert.deepEqual(status, {
      'TestGroup::test_fails_inside_class': 'failed',
      'TestGroup::test_inside_class': 'passed',
      test_errors_in_fixture: 'error',
      test_expected_failure: 'skipped',
      test_fails: 'failed',
      test_fails_then_teardown_errors: 'failed',
      'test_param[1]': 'passed',
      'test_param[2]': 'failed',
      test_passes: 'passed',
      test_skipped: 'skipped',
    });
  });

  it('keeps the assertion message first and the traceback as details, entities decoded', () => {
    const failed = cases.get(`${T}::test_fails`);
    assert.ok(failed?.message?.startsWith('AssertionError: expected <a & b> to be "equal"\nassert'), failed?.message);
    assert.match(failed?.details ?? '', /> {7}assert value == \{"a": 2\}/);
    assert.equal(cases.get(`${T}::test_param[2]`)?.message?.split('\n')[0], 'AssertionError: n is 2');
  });

  it('gives fixture errors and skip reasons their message', () => {
    assert.equal(cases.get(`${T}::test_errors_in_fixture`)?.message, 'failed on setup with "RuntimeError: the fixture could not start"');
    assert.equal(cases.get(`${T}::test_skipped`)?.message, 'needs a GPU');
    assert.equal(cases.get(`${T}::test_expected_failure`)?.message, 'known bug');
    assert.equal(cases.get(`${T}::test_passes`)?.message, undefined);
  });

  it('merges a failed call and its teardown error into one failed case that mentions both', () => {
    const c = cases.get(`${T}::test_fails_then_teardown_errors`);
    assert.equal(c?.status, 'failed');
    assert.match(c?.message ?? '', /call failed/);
    assert.match(c?.details ?? '', /failed on teardown with "RuntimeError: could not clean up"/);
  });

  it('reads durations as seconds', () => {
    for (const c of report.cases) assert.ok(Number.isFinite(c.durationS) && c.durationS >= 0, c.nodeId);
  });

  it('reports modules that could not be collected, naming the import or syntax problem', () => {
    assert.deepEqual(
      report.collectionErrors.map((e) => ({ file: e.file, message: e.message })),
      [
        { file: 'tests/test_import_error.py', message: "ModuleNotFoundError: No module named 'module_that_does_not_exist'" },
        { file: 'tests/test_syntax_error.py', message: 'SyntaxError: invalid syntax (test_syntax_error.py, line 4)' },
      ],
    );
    assert.match(report.collectionErrors[0]?.details ?? '', /ImportError while importing test module/);
  });
});

describe('parseJunit on hand-written and broken reports', () => {
  const unreadable = /^The test report was unreadable/;

  it('says an empty or non-XML report is unreadable instead of "0 tests"', () => {
    for (const input of ['', 'Traceback (most recent call last):\n  oops', '<html><body>hi</body></html>']) {
      const r = parseJunit(input);
      assert.deepEqual(r.cases, [], input);
      assert.equal(r.collectionErrors.length, 1, input);
      assert.match(r.collectionErrors[0]?.message ?? '', unreadable);
    }
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [undefined, null, 42, '<', '<<<>>>', '<testsuite', '<a b=">', '\u0000\uffff<testcase name=',
      '<a>'.repeat(100_000), '<a>'.repeat(50_000) + '</b>'.repeat(50_000), `<testsuite>${'<testcase name="t" classname="m" file="m.py"/>'.repeat(2000)}`];
    for (const input of inputs) {
      const r = parseJunit(input as string);
      assert.ok(Array.isArray(r.cases) && Array.isArray(r.collectionErrors));
    }
  });

  it('keeps the complete test cases of a truncated report and flags it', () => {
    const xml = readFixture('junit-sample.xml');
    const cut = xml.slice(0, xml.indexOf('name="test_skipped"'));
    const r = parseJunit(cut);
    const ids = r.cases.map((c) => c.nodeId);
    assert.ok(ids.includes(`${T}::test_errors_in_fixture`), ids.join());
    assert.ok(!ids.some((id) => id.includes('test_skipped')));
    assert.match(r.collectionErrors[r.collectionErrors.length - 1]?.message ?? '', unreadable);
  });

  it('reads single-quoted attributes, CDATA, comments and numeric entities', () => {
    const xml = `<?xml version="1.0"?><!-- a comment --><testsuites><testsuite name='pytest'>
      <testcase classname='tests.test_a' name='test_one' file='tests/test_a.py' time='0.5'>
        <failure message='x &#x3C; 1 &#60; 2 &amp;&unknown;'><![CDATA[raw <text> & more]]></failure>
      </testcase></testsuite></testsuites>`;
    const r = parseJunit(xml);
    assert.deepEqual(r.collectionErrors, []);
    assert.deepEqual(r.cases, [{ nodeId: 'tests/test_a.py::test_one', status: 'failed', message: 'x < 1 < 2 &&unknown;', details: 'raw <text> & more', durationS: 0.5 }]);
  });

  it('falls back to the classname when the file attribute is missing (xunit2)', () => {
    const r = parseJunit('<testsuite><testcase classname="tests.sub.test_b.TestK" name="test_y" time="x"/></testsuite>');
    assert.deepEqual(r.cases, [{ nodeId: 'tests/sub/test_b.py::TestK::test_y', status: 'passed', durationS: 0 }]);
  });

  it('builds node ids for nested classes and Windows paths', () => {
    assert.equal(nodeIdOf('tests.test_x.TestA.TestB', 'test_y[a.b]', 'tests/test_x.py'), 'tests/test_x.py::TestA::TestB::test_y[a.b]');
    assert.equal(nodeIdOf('test_x', 'test_y', 'test_x.py'), 'test_x.py::test_y');
    const r = parseJunit('<testsuite><testcase classname="tests.test_w" name="t" file="tests\\test_w.py"/></testsuite>');
    assert.equal(r.cases[0]?.nodeId, 'tests/test_w.py::t');
  });

  it('treats a testcase with an empty classname and an error as a collection error', () => {
    const r = parseJunit('<testsuite><testcase classname="" name="tests.test_c" file="tests/test_c.py"><error message="collection failure">E   ImportError: cannot import name \'f\' from \'lib\'</error></testcase></testsuite>');
    assert.deepEqual(r.cases, []);
    assert.deepEqual(r.collectionErrors.map((e) => [e.file, e.message]), [['tests/test_c.py', "ImportError: cannot import name 'f' from 'lib'"]]);
  });
});

describe('the XML reader', () => {
  it('decodes entities and leaves unknown or invalid ones as written', () => {
    assert.equal(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#233;&#x1F600;&nbsp;&#xD800;&#99999999;'), '<>&"\'é😀&nbsp;&#xD800;&#99999999;');
  });

  it('closes elements left open by a mismatched end tag and reports it', () => {
    const { root, problems } = parseXml('<a><b>text</a>');
    assert.equal(root.children[0]?.name, 'a');
    assert.equal(root.children[0]?.children[0]?.text, 'text');
    assert.deepEqual(problems, ['<b> is never closed']);
  });
});
