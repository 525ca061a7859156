// Bounded results: a test failing with a 50 MB message, a 50 MB metrics file and non-finite metric
// values all give a small, clear outcome (issue 18).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Check, Milestone } from '../../../src/roadmap/milestones';
import { evaluateMetric } from '../../../src/checks/kinds/metric';
import { parseJunit } from '../../../src/checks/junit';
import { readMetric } from '../../../src/checks/metricJson';
import type { ProcessRunner } from '../../../src/checks/process';
import { runMilestoneChecks } from '../../../src/checks/runChecks';
import { capOutcome, capText, TEXT_CAPS } from '../../../src/checks/textCap';
import { fakeResult, SAMPLE_PROJECT, tempDir } from './helpers';

const HUGE = 50 * 1024 * 1024;
const metric = (over: Partial<Extract<Check, { kind: 'metric' }>> = {}): Extract<Check, { kind: 'metric' }> =>
  ({ kind: 'metric', file: 'metrics.json', key: 'accuracy', op: '>=', threshold: 0.9, ...over });

describe('capped texts', () => {
  it('capText keeps the start and says how much was left out, never splitting a surrogate pair', () => {
    assert.equal(capText('short', 10), 'short');
    assert.equal(capText('abcdefghij', 4), 'abcd… (6 more characters)');
    assert.equal(capText('ab🙂cd', 3), 'ab… (4 more characters)');
  });

  it('a JUnit failure with a 50 MB message and traceback becomes a capped text', function () {
    this.timeout(60_000);
    const big = 'x'.repeat(HUGE);
    const xml = `<testsuites><testsuite name="pytest"><testcase classname="tests.test_a" name="test_${'n'.repeat(5_000)}" file="tests/test_a.py" time="1">` +
      `<failure message="${big}">${big}</failure></testcase></testsuite></testsuites>`;
    const [c] = parseJunit(xml).cases;
    assert.equal(c?.status, 'failed');
    assert.equal(c?.message, `${'x'.repeat(TEXT_CAPS.message)}… (${(HUGE - TEXT_CAPS.message).toLocaleString('en-US')} more characters)`);
    assert.equal(c?.details, `${'x'.repeat(TEXT_CAPS.details)}… (${(HUGE - TEXT_CAPS.details).toLocaleString('en-US')} more characters)`);
    assert.ok((c?.nodeId.length ?? 0) < TEXT_CAPS.name + 40, `node id of ${c?.nodeId.length} characters`);
  });

  it('an outcome with 50 MB texts and 10,000 failures is a few dozen kilobytes', () => {
    const big = 'y'.repeat(HUGE);
    const failures = Array.from({ length: 10_000 }, (_, k) => ({ name: `t${k}`, message: k === 0 ? big : 'm', details: k === 0 ? big : '' }));
    const o = capOutcome({ status: 'failed', headline: big, failures });
    assert.ok(JSON.stringify(o).length < 100_000, `${JSON.stringify(o).length} characters`);
    assert.equal(o.failures.length, TEXT_CAPS.failures + 1);
    assert.equal(o.failures[TEXT_CAPS.failures]?.message, '… and 9,900 more failures');
    assert.match(o.headline, /… \(52,426,800 more characters\)$/);
  });

  it('runMilestoneChecks caps what a pytest report carries', async function () {
    this.timeout(60_000);
    const big = 'z'.repeat(HUGE);
    const run: ProcessRunner = async (_cmd, args) => {
      const spec = JSON.parse(args[2] ?? '{}') as { args: string[] };
      const xmlPath = (spec.args.find((a) => a.startsWith('--junitxml=')) ?? '').slice('--junitxml='.length);
      writeFileSync(xmlPath, `<testsuites><testsuite><testcase classname="tests.test_outcomes" name="test_passes" file="tests/test_outcomes.py" time="1"><failure message="${big}">${big}</failure></testcase></testsuite></testsuites>`);
      return fakeResult({ exitCode: 1 });
    };
    const m: Milestone = { id: 'm', title: 'm', explanation: '', check: { kind: 'pytest', nodeIds: ['tests/test_outcomes.py::test_passes'] }, compare: [], hints: [], range: { file: 'm.md', line: 1, column: 1, endLine: 1, endColumn: 1 } };
    const result = await runMilestoneChecks({ projectDir: SAMPLE_PROJECT, milestones: [m], python: 'python3', timeoutMs: 1000, maxOutputBytes: 1000, run });
    const o = result.outcomes['m'];
    assert.equal(o?.status, 'failed');
    assert.ok(JSON.stringify(o).length < 30_000, `${JSON.stringify(o).length} characters`);
    assert.match(o?.failures[0]?.message ?? '', /^z+… \([\d,]+ more characters\)$/);
  });
});

describe('metric checks refuse what is not a finite number or too large', () => {
  for (const [text, shown] of [['{"accuracy": Infinity}', 'Infinity'], ['{"accuracy": 1e400}', 'Infinity'], ['{"accuracy": NaN}', 'NaN'], ['{"accuracy": -Infinity}', '-Infinity']]) {
    it(`${text} does not pass accuracy >= 0.9`, () => {
      const o = evaluateMetric(metric({ op: text.includes('-Inf') ? '<=' : '>=' }), text);
      assert.equal(o.status, 'failed');
      assert.equal(o.headline, `"accuracy" in metrics.json is ${shown}, not a finite number`);
    });
  }

  it('a metrics text over 1 MiB is refused before parsing', () => {
    const r = readMetric(`{"accuracy": 0.99, "pad": "${'p'.repeat(2 * 1024 * 1024)}"}`, 'accuracy', 'metrics.json');
    assert.deepEqual(r.ok ? undefined : [r.problem, r.message.split(',')[0]], ['too-large', 'metrics.json is 2 MiB']);
  });

  it('a 50 MB metrics file is refused by size, with its size and the cap', async () => {
    const { dir, cleanup } = tempDir('metrics');
    try {
      writeFileSync(join(dir, 'metrics.json'), `{"accuracy": 0.99, "pad": "${'p'.repeat(HUGE)}"}`);
      const m: Milestone = { id: 'm', title: 'm', explanation: '', check: metric(), compare: [], hints: [], range: { file: 'm.md', line: 1, column: 1, endLine: 1, endColumn: 1 } };
      const result = await runMilestoneChecks({ projectDir: dir, milestones: [m], python: 'python3', timeoutMs: 1000, maxOutputBytes: 1000 });
      assert.equal(result.outcomes['m']?.status, 'failed');
      assert.equal(result.outcomes['m']?.headline, 'metrics.json is 50 MiB, over the 1 MiB a metrics file may have: write only the numbers the checks read');
    } finally {
      cleanup();
    }
  });
});
