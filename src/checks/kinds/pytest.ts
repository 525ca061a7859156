// The `pytest` check kind: `Check: pytest \`tests/test_x.py::test_y\` …` passes when every named
// test ran and passed. The pytest checks of all the milestones a run selects share ONE pytest run.
import type { RunResult } from '../process';
import { runProcess } from '../process';
import { runProblem, type Outcome } from '../outcome';
import { evaluatePytest } from '../pytestOutcome';
import { runPytest, type PytestRun } from '../pytestRun';
import { summarizePythonError } from '../pythonError';
import type { CheckKind, CheckRun } from './kind';

export interface PytestCheck {
  readonly kind: 'pytest';
  readonly nodeIds: readonly string[];
}

export const pytest: CheckKind<PytestCheck> = {
  name: 'pytest',
  parse(args) {
    if (args.length === 0) return { invalid: 'A pytest check needs one or more test ids in backticks, like `tests/test_x.py::test_y`' };
    return { check: { kind: 'pytest', nodeIds: args } };
  },
  paths: (check) => check.nodeIds.map(pytestPath),
  label: (check, l10n) => (check.nodeIds.length === 1 ? l10n.t('pytest: 1 test') : l10n.t('pytest: {0} tests', check.nodeIds.length)),
  async decide(checks, run) {
    const nodeIds = [...new Set(checks.flatMap((c) => c.check.nodeIds))];
    const result = await runPytest({
      projectDir: run.projectDir,
      python: run.python,
      nodeIds,
      timeoutMs: run.timeoutMs,
      maxOutputBytes: run.maxOutputBytes,
      run: run.run ?? runProcess,
      ...(run.signal ? { signal: run.signal } : {}),
      ...(run.env ? { env: run.env } : {}),
      ...(run.onOutput ? { onOutput: run.onOutput } : {}),
      ...(run.conftests ? { conftests: run.conftests } : {}),
    });
    run.log(describeRun(result));
    const problem = runFailure(result, run);
    const report = result.report ?? { cases: [], collectionErrors: [] };
    return new Map(checks.map((c) => [c.id, problem ?? evaluatePytest(c.check.nodeIds, report, { existingFiles: result.existingFiles })]));
  },
};

/** The file part of a pytest node id (`tests/test_x.py::test_y` → `tests/test_x.py`). */
function pytestPath(nodeId: string): string {
  const at = nodeId.indexOf('::');
  return at < 0 ? nodeId : nodeId.slice(0, at);
}

/** When the pytest run as a whole gave no usable answer, the one outcome all its milestones get. */
function runFailure(run: PytestRun, options: CheckRun): Outcome | undefined {
  const r = run.result;
  if (!r) return undefined; // No test file exists: evaluation names each missing file.
  if (r.spawnError) {
    if (r.spawnError.code === 'ENOCWD') return runProblem(`The project folder ${options.projectDir} does not exist`);
    if (r.spawnError.code === 'ENOENT') return runProblem(`Python was not found at "${options.python}": select an interpreter in the Python extension`);
    return runProblem(`Python could not start: ${r.spawnError.message}`);
  }
  if (r.cancelled) return runProblem('Cancelled before it finished');
  if (r.timedOut) return runProblem(`Timed out after ${seconds(options.timeoutMs)} s: a test may be stuck in a loop or too slow`, tail(r));
  const report = run.report;
  const empty = !report || (report.cases.length === 0 && report.collectionErrors.length === 0);
  // Exit 0 and 5 ("no tests collected") with a report are answers; evaluation explains them.
  if (!empty || (report && (r.exitCode === 0 || r.exitCode === 5))) return undefined;
  const text = `${r.stderr}\n${r.stdout}`;
  if (/No module named '?pytest'?\s*$/m.test(text)) {
    return runProblem(`pytest is not installed for ${options.python}: install it with "${options.python} -m pip install pytest"`, tail(r));
  }
  const why = summarizePythonError(text) ?? lastLine(text);
  const code = r.exitCode ?? r.signal ?? 'unknown';
  return runProblem(`pytest stopped before reporting results (exit code ${code})${why ? `: ${why}` : ''}`, tail(r));
}

function describeRun(run: PytestRun): string {
  const lines = [`$ ${run.commandLine}`, '  (only the tests the milestones name are run)'];
  const r = run.result;
  if (!r) return `${lines.join('\n')}\nNot run: none of the test files exist.\n`;
  if (r.stdout) lines.push(r.stdout.trimEnd());
  if (r.stderr) lines.push(r.stderr.trimEnd());
  if (r.truncated) lines.push('(the output was too long: its middle part is left out)');
  if (r.spawnError) lines.push(`Could not start: ${r.spawnError.message}`);
  if (r.timedOut) lines.push('Stopped: timed out.');
  if (r.cancelled) lines.push('Stopped: cancelled.');
  return `${lines.join('\n')}\n`;
}

/** The end of the output, where Python prints the error that stopped it. */
function tail(r: RunResult): string {
  const text = `${r.stdout}\n${r.stderr}`.trim();
  const lines = text.split(/\r?\n/);
  return lines.slice(-30).join('\n');
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}
