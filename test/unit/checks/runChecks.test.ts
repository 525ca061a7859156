// runMilestoneChecks end to end with Debian's Python: a real project template (every milestone
// fails, then passes with the solution), the sample project (every kind of outcome in one run),
// and runs that cannot finish (timeout, cancel, no pytest, no Python).
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outcome } from '../../../src/checks/outcome';
import type { ProcessRunner } from '../../../src/checks/process';
import { runMilestoneChecks } from '../../../src/checks/runChecks';
import type { Check, Milestone } from '../../../src/roadmap/milestones';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { copyInto, fakeResult, ROOT, SAMPLE_PROJECT, SYSTEM_PYTHON, systemPythonProblem, tempDir } from './helpers';

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 1024 * 1024;

function milestone(id: string, check: Check): Milestone {
  const at = { line: 1, column: 1 };
  return { id, title: id, explanation: '', check, compare: [], hints: [], range: { path: 'milestones.md', start: at, end: at } } as unknown as Milestone;
}

function statuses(outcomes: Record<string, Outcome>): Record<string, string> {
  return Object.fromEntries(Object.entries(outcomes).map(([id, o]) => [id, o.status]));
}

/** Every file below `dir`, relative. */
function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('runMilestoneChecks on the probability-distributions project', function () {
  this.timeout(180_000);
  const projectRoot = join(ROOT, 'roadmap', 'projects', 'probability-distributions');
  let project: { dir: string; cleanup: () => void };
  let milestones: Milestone[];

  before(function () {
    const problem = systemPythonProblem(['pytest', 'numpy', 'scipy', 'matplotlib']);
    if (problem) {
      console.log(`      skipped: ${problem}`);
      this.skip();
    }
    project = tempDir('probdist');
    copyInto(join(projectRoot, 'template'), project.dir);
    const parsed = parseMilestones('milestones.md', readFileSync(join(projectRoot, 'milestones.md'), 'utf8'));
    assert.deepEqual(parsed.diagnostics, []);
    milestones = parsed.milestones;
  });
  after(() => project?.cleanup());

  it('fails every milestone of the untouched template, each with the failing expectations', async () => {
    const before = listAll(project.dir);
    const run = await runMilestoneChecks({ projectDir: project.dir, milestones, python: SYSTEM_PYTHON, timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT });
    assert.deepEqual(Object.keys(run.outcomes), milestones.map((m) => m.id));
    for (const m of milestones) {
      const o = run.outcomes[m.id];
      assert.equal(o?.status, 'failed', `${m.id}: ${o?.headline}`);
      const ids = m.check.kind === 'pytest' ? m.check.nodeIds : [];
      assert.deepEqual(o?.failures.map((f) => f.name), ids, m.id);
      for (const f of o?.failures ?? []) {
        assert.match(f.message, /\S/, `${f.name} has no message`);
        assert.match(f.details ?? '', /\S/, `${f.name} has no details`);
      }
      assert.match(o?.headline ?? '', new RegExp(`^${ids.length} of ${ids.length} tests failed: `), m.id);
    }
    assert.match(run.outcomes['densities']?.failures[0]?.message ?? '', /NotImplementedError: TODO/);
    assert.match(run.output, /^\$ \/usr\/bin\/python3 -m pytest -q -p no:cacheprovider /);
    // The report went to the temp folder, not the project; no pytest cache either.
    assert.deepEqual(listAll(project.dir).filter((f) => !f.includes('__pycache__')), before.filter((f) => !f.includes('__pycache__')));
  });

  it('passes every milestone once the solution is copied over', async () => {
    copyInto(join(projectRoot, 'solution'), project.dir);
    const run = await runMilestoneChecks({ projectDir: project.dir, milestones, python: SYSTEM_PYTHON, timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT });
    for (const m of milestones) {
      const o = run.outcomes[m.id];
      assert.equal(o?.status, 'passed', `${m.id}: ${o?.headline}\n${o?.failures.map((f) => f.message).join('\n')}`);
      const n = m.check.kind === 'pytest' ? m.check.nodeIds.length : 0;
      assert.equal(o?.headline, `All ${n} tests passed`);
    }
  });

  it('checks only the milestone asked for', async () => {
    const run = await runMilestoneChecks({ projectDir: project.dir, milestones, python: SYSTEM_PYTHON, timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT, only: 'goodness-of-fit' });
    assert.deepEqual(statuses(run.outcomes), { 'goodness-of-fit': 'passed' });
    assert.match(run.output, / tests\/test_gof\.py\n/);
    assert.doesNotMatch(run.output, /test_bayes/);
  });
});

describe('runMilestoneChecks on the sample project', function () {
  this.timeout(60_000);
  let project: { dir: string; cleanup: () => void };
  const T = 'tests/test_outcomes.py';

  before(function () {
    const problem = systemPythonProblem(['pytest']);
    if (problem) {
      console.log(`      skipped: ${problem}`);
      this.skip();
    }
  });
  beforeEach(() => {
    project = tempDir('sample');
    copyInto(SAMPLE_PROJECT, project.dir);
  });
  afterEach(() => project.cleanup());

  it('gives every milestone its own answer in one run, whatever the others do', async () => {
    writeFileSync(join(project.dir, 'metrics.json'), JSON.stringify({ test: { accuracy: 0.91 } }));
    const milestones = [
      milestone('passing', { kind: 'pytest', nodeIds: [`${T}::test_passes`, `${T}::TestGroup::test_inside_class`, `${T}::test_param[1]`] }),
      milestone('failing', { kind: 'pytest', nodeIds: [`${T}::test_passes`, `${T}::test_fails`] }),
      milestone('syntax', { kind: 'pytest', nodeIds: ['tests/test_syntax_error.py::test_never_collected'] }),
      milestone('import', { kind: 'pytest', nodeIds: ['tests/test_import_error.py::test_never_collected'] }),
      milestone('renamed', { kind: 'pytest', nodeIds: [`${T}::test_renamed`] }),
      milestone('no-file', { kind: 'pytest', nodeIds: ['tests/test_gone.py::test_x'] }),
      milestone('files', { kind: 'file', glob: 'tests/**/test_*.py' }),
      milestone('no-files', { kind: 'file', glob: 'models/*.onnx' }),
      milestone('metric', { kind: 'metric', file: 'metrics.json', key: 'test.accuracy', op: '>=', threshold: 0.95 }),
      milestone('no-metric', { kind: 'metric', file: 'out/metrics.json', key: 'accuracy', op: '>=', threshold: 0.95 }),
      milestone('model', { kind: 'onnx', model: 'model.onnx', op: '>=', threshold: 0.9 }),
      milestone('by-hand', { kind: 'manual' }),
    ];
    const run = await runMilestoneChecks({ projectDir: project.dir, milestones, python: SYSTEM_PYTHON, timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT });
    const o = run.outcomes;
    assert.deepEqual(statuses(o), {
      passing: 'passed', failing: 'failed', syntax: 'error', import: 'error', renamed: 'error', 'no-file': 'error',
      files: 'passed', 'no-files': 'failed', metric: 'failed', 'no-metric': 'failed', model: 'not-run', 'by-hand': 'not-run',
    });
    assert.equal(o['passing']?.headline, 'All 3 tests passed');
    assert.equal(o['failing']?.headline, '1 of 2 tests failed: test_fails: AssertionError: expected <a & b> to be "equal"');
    assert.equal(o['syntax']?.headline, 'tests/test_syntax_error.py could not be loaded: SyntaxError: invalid syntax (test_syntax_error.py, line 4)');
    assert.equal(o['import']?.headline, "tests/test_import_error.py could not be loaded: ModuleNotFoundError: No module named 'module_that_does_not_exist'");
    assert.equal(o['renamed']?.headline, `test ${T}::test_renamed was not found (was it renamed or deleted?)`);
    assert.equal(o['no-file']?.headline, 'tests/test_gone.py does not exist (was it renamed or deleted?)');
    assert.equal(o['files']?.headline, 'Found tests/test_import_error.py and 2 more');
    assert.equal(o['metric']?.headline, 'test.accuracy is 0.91, needs >= 0.95');
    assert.equal(o['no-metric']?.headline, 'out/metrics.json was not found: run your code to write it first');
    // Tests no milestone names were deselected, not run.
    assert.match(run.output, /1 failed, 3 passed, 6 deselected, 2 errors/);
    assert.ok(run.durationMs >= 0);
  });

  it('says pytest could not start when a conftest is broken, never "0 passed"', async () => {
    writeFileSync(join(project.dir, 'conftest.py'), 'import mlroadmap_missing_helper\n');
    const run = await runMilestoneChecks({
      projectDir: project.dir, python: SYSTEM_PYTHON, timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT,
      milestones: [milestone('a', { kind: 'pytest', nodeIds: [`${T}::test_passes`] }), milestone('b', { kind: 'pytest', nodeIds: [`${T}::test_fails`] })],
    });
    for (const id of ['a', 'b']) {
      assert.equal(run.outcomes[id]?.status, 'error');
      assert.equal(run.outcomes[id]?.headline, "pytest stopped before reporting results (exit code 4): ModuleNotFoundError: No module named 'mlroadmap_missing_helper'");
      assert.match(run.outcomes[id]?.failures[0]?.details ?? '', /ImportError while loading conftest/);
    }
  });

  it('times out: pending pytest milestones get an error, checks that need no run still answer', async () => {
    mkdirSync(join(project.dir, 'slow'));
    writeFileSync(join(project.dir, 'slow', 'test_slow.py'), 'import time\n\ndef test_sleeps():\n    time.sleep(60)\n');
    const run = await runMilestoneChecks({
      projectDir: project.dir, python: SYSTEM_PYTHON, timeoutMs: 1500, maxOutputBytes: MAX_OUTPUT,
      milestones: [milestone('slow', { kind: 'pytest', nodeIds: ['slow/test_slow.py::test_sleeps'] }), milestone('readme', { kind: 'file', glob: 'README.md' })],
    });
    assert.equal(run.outcomes['slow']?.status, 'error');
    assert.match(run.outcomes['slow']?.headline ?? '', /^Timed out after 1\.5 s/);
    assert.equal(run.outcomes['readme']?.status, 'passed');
    assert.match(run.output, /Stopped: timed out/);
  });

  it('cancels: every pending milestone says so', async () => {
    mkdirSync(join(project.dir, 'slow'));
    writeFileSync(join(project.dir, 'slow', 'test_slow.py'), 'import time\n\ndef test_sleeps():\n    time.sleep(60)\n');
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 300);
    const run = await runMilestoneChecks({
      projectDir: project.dir, python: SYSTEM_PYTHON, timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_OUTPUT, signal: abort.signal,
      milestones: [milestone('slow', { kind: 'pytest', nodeIds: ['slow/test_slow.py::test_sleeps'] }), milestone('readme', { kind: 'file', glob: 'README.md' })],
    });
    assert.deepEqual(statuses(run.outcomes), { slow: 'error', readme: 'error' });
    for (const o of Object.values(run.outcomes)) assert.match(o.headline, /cancelled/i);
  });
});

describe('runMilestoneChecks when Python or pytest is missing', () => {
  const pytestCheck = milestone('m', { kind: 'pytest', nodeIds: ['tests/test_outcomes.py::test_passes'] });

  it('says pytest is not installed instead of reporting 0 tests', async () => {
    let command: string[] = [];
    const run: ProcessRunner = async (cmd, args) => {
      command = [cmd, ...args];
      return fakeResult({ exitCode: 1, stderr: 'Traceback (most recent call last):\n  File "<string>", line 3, in <module>\nModuleNotFoundError: No module named \'pytest\'\n' });
    };
    const result = await runMilestoneChecks({ projectDir: SAMPLE_PROJECT, milestones: [pytestCheck], python: '/venv/bin/python', timeoutMs: 1000, maxOutputBytes: 1000, run });
    assert.equal(command[0], '/venv/bin/python');
    assert.equal(command[1], '-c');
    const spec = JSON.parse(command[3] ?? '') as { select: string[]; args: string[] };
    assert.deepEqual(spec.select, ['tests/test_outcomes.py::test_passes']);
    // The lab's own ini (-c), never the project's; no cache.
    assert.equal(spec.args[0], '-c');
    assert.match(spec.args[1] ?? '', /mlroadmap-pytest-[^/]+[/\\]pytest\.ini$/);
    assert.deepEqual(spec.args.slice(2, 5), ['-q', '-p', 'no:cacheprovider']);
    assert.equal(spec.args[spec.args.length - 1], 'tests/test_outcomes.py');
    assert.ok(spec.args.some((a) => a.startsWith('--junitxml=') && !a.includes(SAMPLE_PROJECT)), spec.args.join(' '));
    assert.deepEqual(result.outcomes['m'], {
      status: 'error',
      headline: 'pytest is not installed for /venv/bin/python: install it with "/venv/bin/python -m pip install pytest"',
      failures: [{ name: '', message: 'pytest is not installed for /venv/bin/python: install it with "/venv/bin/python -m pip install pytest"', details: 'Traceback (most recent call last):\n  File "<string>", line 3, in <module>\nModuleNotFoundError: No module named \'pytest\'' }],
    });
  });

  it('says Python was not found', async () => {
    const result = await runMilestoneChecks({ projectDir: SAMPLE_PROJECT, milestones: [pytestCheck], python: '/no/such/python3', timeoutMs: 5000, maxOutputBytes: 1000 });
    assert.equal(result.outcomes['m']?.status, 'error');
    assert.equal(result.outcomes['m']?.headline, 'Python was not found at "/no/such/python3": select an interpreter in the Python extension');
  });

  it('says the project folder is missing rather than listing every test as missing', async () => {
    const run: ProcessRunner = async () => assert.fail('nothing should run');
    const result = await runMilestoneChecks({ projectDir: '/no/such/project', milestones: [pytestCheck, milestone('f', { kind: 'file', glob: 'a.txt' })], python: 'python3', timeoutMs: 1000, maxOutputBytes: 1000, run });
    assert.deepEqual(statuses(result.outcomes), { m: 'error', f: 'error' });
    assert.equal(result.outcomes['m']?.headline, 'The project folder /no/such/project does not exist');
  });

  it('answers for an unknown milestone without running anything', async () => {
    const run: ProcessRunner = async () => assert.fail('nothing should run');
    const result = await runMilestoneChecks({ projectDir: SAMPLE_PROJECT, milestones: [pytestCheck], python: 'python3', timeoutMs: 1000, maxOutputBytes: 1000, only: 'nope', run });
    assert.deepEqual(result.outcomes, {});
    assert.match(result.output, /No milestone "nope"/);
  });

  it('still answers every milestone when the runner itself throws', async () => {
    const run: ProcessRunner = async () => {
      throw new Error('boom');
    };
    const result = await runMilestoneChecks({ projectDir: SAMPLE_PROJECT, milestones: [pytestCheck, milestone('hand', { kind: 'manual' })], python: 'python3', timeoutMs: 1000, maxOutputBytes: 1000, run });
    assert.equal(result.outcomes['m']?.headline, 'The check could not run: boom');
    assert.equal(result.outcomes['hand']?.status, 'error');
  });
});
