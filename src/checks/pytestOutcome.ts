// A pytest check's JUnit report → its outcome: a status, a one-line headline, and each failed
// test with its message. Pure: the pytest kind (kinds/pytest.ts) runs pytest.
import type { CollectionError, JunitCase, JunitReport } from './junit';
import { normalizeRelative } from './glob';
import { errorOutcome as error, failure, type Failure, type Outcome } from './outcome';
import { firstLine } from './pythonError';

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
      problems.push(failure(id, `${file} does not exist (was it renamed or deleted?)`));
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
      problems.push(failure(id, `test ${id} was not found (was it renamed or deleted?)`));
      notFound++;
      continue;
    }
    for (const c of cases) {
      // A file id and one of its tests may both be named: count each test once.
      if (counted.has(c.nodeId)) continue;
      counted.add(c.nodeId);
      if (c.status === 'passed') passedCount++;
      else if (c.status === 'skipped') problems.push(failure(c.nodeId, `test ${c.nodeId} was skipped${c.message ? `: ${c.message}` : ''}`, c.details));
      // An error in a fixture is still the learner's code failing (often a TODO that raises).
      else failed.push(failure(c.nodeId, c.message ?? (c.status === 'error' ? 'error while setting up the test' : 'failed'), c.details));
    }
  }
  const total = passedCount + failed.length;
  if (problems.length > 0) {
    // What stopped the check comes first; real failures follow so none is hidden.
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    // Never "0 tests passed": when nothing ran at all, say so.
    const prefix = emptyRun && notFound === problems.length ? 'pytest ran no tests: ' : '';
    return error(`${prefix}${firstLine(first.message)}${more}`, [...problems, ...failed]);
  }
  if (failed.length > 0) {
    const first = failed[0];
    const count = total === 1 ? 'The test failed' : `${failed.length} of ${total} tests failed`;
    return { status: 'failed', headline: `${count}: ${shortName(first.name)}: ${firstLine(first.message)}`, failures: failed };
  }
  return { status: 'passed', headline: total === 1 ? 'The test passed' : `All ${total} tests passed`, failures: [] };
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
  return failure(id, message, e.details);
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
