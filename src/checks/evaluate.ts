// Raw results → what the lab shows for one milestone: a status, a one-line headline, and each
// failed expectation with its message. Pure: the orchestrator does the I/O.
import type { Check, CompareOp } from '../roadmap/milestones';
import type { CollectionError, JunitCase, JunitReport } from './junit';
import { hasWildcard, matchGlob, normalizeRelative } from './glob';
import { readMetric } from './metricJson';
import { firstLine } from './pythonError';

/** `not-run`: decided elsewhere (onnx in the lab, manual by the learner) or not checked yet. */
export type OutcomeStatus = 'passed' | 'failed' | 'error' | 'not-run';

export interface Failure {
  /** The pytest node id, or the file / key a non-pytest check looked at. */
  readonly nodeId: string;
  /** What went wrong, first: the assertion message, the skip reason, the import error. */
  readonly message: string;
  /** The long form (traceback, source excerpt); may be empty. */
  readonly details: string;
}

export interface Outcome {
  readonly status: OutcomeStatus;
  readonly headline: string;
  readonly failures: Failure[];
}

type MetricCheck = Extract<Check, { kind: 'metric' }>;

export interface PytestEvidence {
  /** Test files that exist in the project (relative, `/`): a missing file is named as such. */
  readonly existingFiles?: ReadonlySet<string>;
}

/**
 * A pytest check: passed when every node id ran and passed. A node id may name a file, a class or
 * a parametrized test: it then covers every case below it.
 */
export function evaluatePytest(nodeIds: readonly string[], report: JunitReport, evidence: PytestEvidence = {}): Outcome {
  if (nodeIds.length === 0) return error('This check names no tests', []);
  const problems: Failure[] = [];
  const failed: Failure[] = [];
  let passedCount = 0;
  let notFound = 0;
  const counted = new Set<string>();
  const emptyRun = report.cases.length === 0 && report.collectionErrors.length === 0;
  for (const id of nodeIds.map(normalizeNodeId)) {
    const file = fileOf(id);
    if (evidence.existingFiles && !evidence.existingFiles.has(file)) {
      problems.push({ nodeId: id, message: `${file} does not exist (was it renamed or deleted?)`, details: '' });
      continue;
    }
    const broken = report.collectionErrors.find((e) => e.file === undefined || covers(e.file, file));
    if (broken) {
      // One entry per broken module, however many of its tests the check names.
      const failure = collectionFailure(id, broken);
      if (!problems.some((p) => p.message === failure.message)) problems.push(failure);
      continue;
    }
    const cases = casesFor(id, report.cases);
    if (cases.length === 0) {
      problems.push({ nodeId: id, message: `test ${id} was not found (was it renamed or deleted?)`, details: '' });
      notFound++;
      continue;
    }
    for (const c of cases) {
      // A file id and one of its tests may both be named: count each test once.
      if (counted.has(c.nodeId)) continue;
      counted.add(c.nodeId);
      if (c.status === 'passed') passedCount++;
      else if (c.status === 'skipped') problems.push({ nodeId: c.nodeId, message: `test ${c.nodeId} was skipped${c.message ? `: ${c.message}` : ''}`, details: c.details ?? '' });
      // An error in a fixture is still the learner's code failing (often a TODO that raises).
      else failed.push({ nodeId: c.nodeId, message: c.message ?? (c.status === 'error' ? 'error while setting up the test' : 'failed'), details: c.details ?? '' });
    }
  }
  const total = passedCount + failed.length;
  if (problems.length > 0) {
    // What stopped the check comes first; real failures follow so none is hidden.
    const first = problems[0] as Failure;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    // Never "0 tests passed": when nothing ran at all, say so.
    const prefix = emptyRun && notFound === problems.length ? 'pytest ran no tests: ' : '';
    return error(`${prefix}${firstLine(first.message)}${more}`, [...problems, ...failed]);
  }
  if (failed.length > 0) {
    const first = failed[0] as Failure;
    const count = total === 1 ? 'The test failed' : `${failed.length} of ${total} tests failed`;
    return { status: 'failed', headline: `${count}: ${shortName(first.nodeId)}: ${firstLine(first.message)}`, failures: failed };
  }
  return { status: 'passed', headline: total === 1 ? 'The test passed' : `All ${total} tests passed`, failures: [] };
}

/** A file check against the project's files (relative, `/`-separated). */
export function evaluateFile(glob: string, existingPaths: readonly string[]): Outcome {
  const matches = matchGlob(glob, existingPaths);
  const pattern = normalizeRelative(glob);
  if (matches.length > 0) {
    const what = hasWildcard(glob) ? `${matches[0]}${matches.length > 1 ? ` and ${matches.length - 1} more` : ''}` : pattern;
    return { status: 'passed', headline: `Found ${what}`, failures: [] };
  }
  const message = hasWildcard(glob) ? `No file matches ${pattern} yet` : `${pattern} does not exist yet`;
  return { status: 'failed', headline: message, failures: [{ nodeId: pattern, message, details: '' }] };
}

/** A metric check; `jsonText` is undefined when the file does not exist. */
export function evaluateMetric(check: MetricCheck, jsonText: string | undefined): Outcome {
  const fail = (message: string): Outcome => metricProblem(check, message);
  if (jsonText === undefined) return fail(`${check.file} was not found: run your code to write it first`);
  const read = readMetric(jsonText, check.key, check.file);
  if (!read.ok) return fail(read.message);
  const needs = `needs ${check.op} ${formatNumber(check.threshold)}`;
  const is = `${check.key} is ${formatNumber(read.value)}`;
  if (compare(read.value, check.op, check.threshold)) return { status: 'passed', headline: `${is} (${needs})`, failures: [] };
  return fail(`${is}, ${needs}`);
}

/** A metric check that failed before any comparison (no file, a file too large, not a number). */
export function metricProblem(check: MetricCheck, message: string): Outcome {
  return { status: 'failed', headline: message, failures: [{ nodeId: check.file, message, details: '' }] };
}

/** Checks this module does not run: the lab scores onnx models, the learner ticks manual steps. */
export function notRun(check: Check): Outcome {
  const headline = check.kind === 'manual' ? 'Mark this step done when you are happy with it' : check.kind === 'onnx' ? 'Checked in the lab with your exported model' : 'Not checked yet';
  return { status: 'not-run', headline, failures: [] };
}

/** The same outcome for every milestone a run could not decide (timeout, cancel, no Python). */
export function runProblem(headline: string, details = ''): Outcome {
  return error(headline, details ? [{ nodeId: '', message: headline, details }] : []);
}

export function compare(value: number, op: CompareOp, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
  }
}

function error(headline: string, failures: Failure[]): Outcome {
  return { status: 'error', headline, failures };
}

/** Cases a node id covers: itself, tests below a file or class, and its parametrizations. */
function casesFor(id: string, cases: readonly JunitCase[]): JunitCase[] {
  const below = cases.filter((c) => c.nodeId === id || c.nodeId.startsWith(`${id}::`) || c.nodeId.startsWith(`${id}[`));
  if (below.length > 0) return below;
  // A module skipped as a whole is reported once, under the file's id.
  return cases.filter((c) => c.nodeId === fileOf(id));
}

/** Does a collection error in `errorFile` (a module, conftest or package folder) break `testFile`? */
function covers(errorFile: string, testFile: string): boolean {
  if (errorFile === testFile) return true;
  const dir = /(^|\/)(conftest|__init__)\.py$/.test(errorFile) ? errorFile.replace(/\/?[^/]*$/, '') : errorFile;
  return dir === '' || testFile.startsWith(`${dir}/`);
}

function collectionFailure(id: string, e: CollectionError): Failure {
  const message = e.file ? `${e.file} could not be loaded: ${e.message}` : e.message;
  return { nodeId: id, message, details: e.details ?? '' };
}

/** The file part of a node id, in the spelling pytest reports (`./tests\\x.py` → `tests/x.py`). */
export function fileOf(nodeId: string): string {
  const at = nodeId.indexOf('::');
  return normalizeRelative(at < 0 ? nodeId : nodeId.slice(0, at));
}

/** A node id as pytest reports it: normalised file part, the rest unchanged. */
export function normalizeNodeId(nodeId: string): string {
  const at = nodeId.indexOf('::');
  return at < 0 ? fileOf(nodeId) : `${fileOf(nodeId)}${nodeId.slice(at)}`;
}

/** `tests/test_x.py::TestK::test_y` → `TestK::test_y`: enough to recognise in a headline. */
function shortName(nodeId: string): string {
  const at = nodeId.indexOf('::');
  return at < 0 ? nodeId : nodeId.slice(at + 2);
}

function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(6))) : String(n);
}
