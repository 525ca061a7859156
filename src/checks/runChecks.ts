// Checks a project's milestones: pytest runs once for every test they name, file and metric
// checks read the disk, and each milestone gets its own outcome. Never throws.
import { join } from 'node:path';
import type { Check, Milestone } from '../roadmap/milestones';
import { isSafeRelativePath } from '../roadmap/paths';
import type { Outcome } from './evaluate';
import { evaluateFile, evaluateMetric, evaluatePytest, metricProblem, notRun, runProblem } from './evaluate';
import { MAX_METRICS_BYTES, metricsTooLargeMessage } from './metricJson';
import type { ProcessRunner, RunResult } from './process';
import { runProcess } from './process';
import { candidatePaths } from './projectFiles';
import type { PytestRun } from './pytestRun';
import { runPytest } from './pytestRun';
import { summarizePythonError } from './pythonError';
import { fileSize, isDirectory, readText } from './quietFs';
import { capOutcome } from './textCap';

export interface RunChecksOptions {
  readonly projectDir: string;
  readonly milestones: readonly Milestone[];
  /** The interpreter to run, e.g. chosen by InterpreterChooser. */
  readonly python: string;
  /** For the pytest run. */
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
  /** Check only this milestone. */
  readonly only?: string;
  /** Added to this process's environment for pytest. */
  readonly env?: NodeJS.ProcessEnv;
  /** Live pytest output, e.g. for an output channel. */
  readonly onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Replaces runProcess in tests. */
  readonly run?: ProcessRunner;
  /** The conftest.py files pytest may load (see PytestRunOptions.conftests). */
  readonly conftests?: readonly string[];
}

export interface ChecksRun {
  /** Keyed by milestone id; every selected milestone has one. */
  readonly outcomes: Record<string, Outcome>;
  /** The command and pytest's console output, for an output channel. */
  readonly output: string;
  readonly durationMs: number;
}

type PytestCheck = Extract<Check, { kind: 'pytest' }>;

export async function runMilestoneChecks(options: RunChecksOptions): Promise<ChecksRun> {
  const started = Date.now();
  const selected = options.milestones.filter((m) => options.only === undefined || m.id === options.only);
  const outcomes: Record<string, Outcome> = {};
  let output = '';
  if (options.only !== undefined && selected.length === 0) {
    return { outcomes, output: `No milestone "${options.only}" in this project.\n`, durationMs: Date.now() - started };
  }
  if (!isDirectory(options.projectDir)) {
    // Otherwise every test would be reported missing, one by one.
    const problem = runProblem(`The project folder ${options.projectDir} does not exist`);
    for (const m of selected) outcomes[m.id] = problem;
    return { outcomes, output: `${problem.headline}\n`, durationMs: Date.now() - started };
  }
  try {
    const pytestMilestones = selected.filter((m): m is Milestone & { check: PytestCheck } => m.check.kind === 'pytest');
    if (pytestMilestones.length > 0) {
      const nodeIds = [...new Set(pytestMilestones.flatMap((m) => m.check.nodeIds))];
      const run = await runPytest({
        projectDir: options.projectDir,
        python: options.python,
        nodeIds,
        timeoutMs: options.timeoutMs,
        maxOutputBytes: options.maxOutputBytes,
        run: options.run ?? runProcess,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.onOutput ? { onOutput: options.onOutput } : {}),
        ...(options.conftests ? { conftests: options.conftests } : {}),
      });
      output = describeRun(run);
      const problem = runFailure(run, options);
      for (const m of pytestMilestones) {
        outcomes[m.id] = problem ?? evaluatePytest(m.check.nodeIds, run.report ?? { cases: [], collectionErrors: [] }, { existingFiles: run.existingFiles });
      }
    }
    // After pytest, so files the tests write are seen; a cancelled run checks nothing more.
    const cancelled = options.signal?.aborted === true;
    for (const m of selected) {
      if (Object.hasOwn(outcomes, m.id)) continue;
      outcomes[m.id] = cancelled ? runProblem('Cancelled before it finished') : checkFromDisk(options.projectDir, m.check);
    }
  } catch (e) {
    // A bug here must not leave the lab spinning: every milestone still gets an answer.
    const message = `The check could not run: ${e instanceof Error ? e.message : String(e)}`;
    for (const m of selected) if (!Object.hasOwn(outcomes, m.id)) outcomes[m.id] = runProblem(message);
    output += `\n${message}\n`;
  }
  // Whatever a test printed, what is stored and posted to the lab stays small.
  for (const [id, o] of Object.entries(outcomes)) outcomes[id] = capOutcome(o);
  return { outcomes, output, durationMs: Date.now() - started };
}

function checkFromDisk(projectDir: string, check: Check): Outcome {
  switch (check.kind) {
    case 'file':
      if (!isSafeRelativePath(check.glob)) return runProblem(`"${check.glob}" must be a relative path inside the project`);
      return evaluateFile(check.glob, candidatePaths(projectDir, check.glob));
    case 'metric': {
      if (!isSafeRelativePath(check.file)) return runProblem(`"${check.file}" must be a relative path inside the project`);
      const file = join(projectDir, ...check.file.split('/'));
      // Refused before reading: a 50 MB "metrics" file would hold the extension host for seconds.
      const size = fileSize(file);
      if (size !== undefined && size > MAX_METRICS_BYTES) return metricProblem(check, metricsTooLargeMessage(check.file, size));
      return evaluateMetric(check, readText(file));
    }
    default:
      return notRun(check);
  }
}

/** When the pytest run as a whole gave no usable answer, the one outcome all its milestones get. */
function runFailure(run: PytestRun, options: RunChecksOptions): Outcome | undefined {
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


