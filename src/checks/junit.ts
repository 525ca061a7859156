// pytest's JUnit XML (junit_family=xunit1) → test cases keyed by pytest node id. Results come from
// this structured report, never from scraping the console. Every text taken from it is capped
// (src/checks/textCap.ts). Pure; never throws.
import type { XmlElement } from './xml';
import { descendants, parseXml } from './xml';
import { summarizePythonError } from './pythonError';
import { capText, TEXT_CAPS } from './textCap';
import { describeError } from '../shared/errors';

export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface JunitCase {
  /** Like `tests/test_x.py::test_y` or `tests/test_x.py::TestK::test_y[param]`. */
  readonly nodeId: string;
  readonly status: CaseStatus;
  /** The short reason pytest gives (the exception line, a skip reason). */
  readonly message?: string;
  /** The long report: source excerpt and traceback. */
  readonly details?: string;
  readonly durationS: number;
}

/** A module (or conftest) pytest could not import, or a report that could not be read. */
export interface CollectionError {
  /** Relative to the rootdir, `/`-separated; absent when the whole report is in doubt. */
  readonly file?: string;
  /** One line naming the problem, like `SyntaxError: invalid syntax (test_x.py, line 4)`. */
  readonly message: string;
  readonly details?: string;
}

export interface JunitReport {
  readonly cases: JunitCase[];
  readonly collectionErrors: CollectionError[];
}

const RANK: Readonly<Record<CaseStatus, number>> = { passed: 0, skipped: 1, error: 2, failed: 3 };

export function parseJunit(xml: string): JunitReport {
  try {
    return parseUnsafe(typeof xml === 'string' ? xml : '');
  } catch (e) {
    return { cases: [], collectionErrors: [unreadable(describeError(e))] };
  }
}

function parseUnsafe(xml: string): JunitReport {
  const { root, problems } = parseXml(xml);
  const suites = descendants(root, 'testsuite');
  if (suites.length === 0 && problems.length === 0) problems.push('it has no <testsuite> element');
  const collectionErrors: CollectionError[] = [];
  const byId = new Map<string, JunitCase>();
  for (const el of descendants(root, 'testcase')) {
    // A testcase cut off by truncation may be missing its failure: trust only complete ones.
    if (!el.closed) continue;
    const collection = collectionError(el);
    if (collection) {
      collectionErrors.push(collection);
      continue;
    }
    const c = readCase(el);
    if (c) byId.set(c.nodeId, merge(byId.get(c.nodeId), c));
  }
  if (problems.length > 0) collectionErrors.push(unreadable(problems[0] ?? ''));
  return { cases: [...byId.values()], collectionErrors };
}

function unreadable(why: string): CollectionError {
  return { message: `The test report was unreadable (${why}); results may be incomplete` };
}

/** pytest writes a module it could not import as a testcase with an empty classname. */
function collectionError(el: XmlElement): CollectionError | undefined {
  const error = el.children.find((c) => c.name === 'error');
  if (!error) return undefined;
  const classname = el.attrs['classname'] ?? '';
  if (classname !== '' && error.attrs['message'] !== 'collection failure') return undefined;
  const name = el.attrs['name'] ?? '';
  const file = capText(normalizePath(el.attrs['file'] ?? '') || moduleToPath(name), TEXT_CAPS.name);
  const text = error.text.trim();
  const details = capText(text, TEXT_CAPS.details);
  const message = capText(summarizePythonError(lastPart(text)) ?? (error.attrs['message'] || 'collection failure'), TEXT_CAPS.message);
  return file ? { file, message, details } : { message, details };
}

function readCase(el: XmlElement): JunitCase | undefined {
  const name = el.attrs['name'] ?? '';
  if (name === '') return undefined;
  const nodeId = capText(nodeIdOf(el.attrs['classname'] ?? '', name, normalizePath(el.attrs['file'] ?? '')), TEXT_CAPS.name);
  const time = Number(el.attrs['time']);
  const durationS = Number.isFinite(time) && time >= 0 ? time : 0;
  const failure = el.children.find((c) => c.name === 'failure');
  const error = el.children.find((c) => c.name === 'error');
  const skipped = el.children.find((c) => c.name === 'skipped');
  const [status, detail]: [CaseStatus, XmlElement | undefined] = failure
    ? ['failed', failure]
    : error
      ? ['error', error]
      : skipped
        ? ['skipped', skipped]
        : ['passed', undefined];
  if (!detail) return { nodeId, status, durationS };
  const text = detail.text.trim();
  const details = capText(text, TEXT_CAPS.details);
  const message = capText(detail.attrs['message'] || summarizePythonError(lastPart(text)) || '', TEXT_CAPS.message);
  return {
    nodeId,
    status,
    ...(message ? { message } : {}),
    ...(details ? { details } : {}),
    durationS,
  };
}

/**
 * pytest reports a test twice when its teardown fails after the call: keep the worse status and
 * both reports' text.
 */
function merge(prev: JunitCase | undefined, next: JunitCase): JunitCase {
  if (!prev) return next;
  const [worse, other] = RANK[next.status] > RANK[prev.status] ? [next, prev] : [prev, next];
  const details = capText([worse.details, other.message, other.details].filter((s) => s).join('\n\n'), TEXT_CAPS.details);
  return { ...worse, ...(details ? { details } : {}), durationS: prev.durationS + next.durationS };
}

/**
 * xunit1 gives `classname="tests.test_x.TestK"` and `file="tests/test_x.py"`: what remains of
 * the classname after the module is the class path. Without `file` (xunit2), guess the module as
 * the leading lowercase parts.
 */
export function nodeIdOf(classname: string, name: string, file: string): string {
  const parts = classname === '' ? [] : classname.split('.');
  if (file) {
    const module = file.replace(/\.py$/, '').split('/');
    const sameModule = module.every((m, k) => parts[k] === m);
    const classes = sameModule ? parts.slice(module.length) : parts.filter((p) => /^[A-Z]/.test(p));
    return [file, ...classes, name].join('::');
  }
  const firstClass = parts.findIndex((p) => /^[A-Z]/.test(p));
  const moduleParts = firstClass < 0 ? parts : parts.slice(0, firstClass);
  const classes = firstClass < 0 ? [] : parts.slice(firstClass);
  const path = moduleParts.length > 0 ? `${moduleParts.join('/')}.py` : '';
  return [path, ...classes, name].filter((p) => p !== '').join('::');
}

/** Python prints the error that stopped a run at the end: its last lines are enough to summarize. */
function lastPart(text: string): string {
  return text.length > TEXT_CAPS.details ? text.slice(-TEXT_CAPS.details) : text;
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function moduleToPath(dotted: string): string {
  return dotted === '' ? '' : `${dotted.split('.').join('/')}.py`;
}
