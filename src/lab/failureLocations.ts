// The `file:line` places a failure names, read from its text: pytest's `path/to/file.py:42: in
// test_x` (or `…:42: AssertionError`) and Python's traceback `File "…", line 42`. Only places
// inside the project are kept (absolute paths are made project-relative), never `.git/` or an
// `.env` file; the learner's own line where the exception was raised (the deepest frame outside
// `tests/`) comes first, then the others in the order they appear. No `vscode`.
import { isAbsolute, relative, sep } from 'node:path';
import type { FailureView } from '../shared/labProtocol';

export interface FailureLocation {
  /** Project-relative, with `/` separators. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
}

const PYTEST_LINE = /^([^\s:"'][^:\n"']*\.py):(\d+):(?: |$)/;
const TRACEBACK_LINE = /^\s*File "([^"\n]+\.py)", line (\d+)/;
const MAX_LINE = 10_000_000;
const MAX_LOCATIONS = 20;

/** True for a path the lab never opens from a failure: inside `.git/`, or an `.env` file. */
export function isHiddenSecret(path: string): boolean {
  return path.split('/').some((s) => s === '.git' || s === '.env' || s.startsWith('.env.'));
}

/** `raw` as a project-relative `/` path, or undefined when it is outside the project or unusable. */
function projectRelative(raw: string, projectDir: string): string | undefined {
  let rel = raw;
  if (isAbsolute(raw)) {
    rel = relative(projectDir, raw);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  }
  rel = rel.split(sep).join('/').replace(/^\.\//, '');
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..') || rel.includes('\\')) return undefined;
  return isHiddenSecret(rel) ? undefined : rel;
}

const isTestFile = (path: string): boolean => path.startsWith('tests/') || /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(path);

/** The places `text` names inside `projectDir`, the learner's raising line first, without repeats. */
export function failureLocations(text: string, projectDir: string): FailureLocation[] {
  const found: FailureLocation[] = [];
  for (const line of text.split('\n')) {
    const m = PYTEST_LINE.exec(line) ?? TRACEBACK_LINE.exec(line);
    if (!m) continue;
    const n = Number(m[2]);
    const path = projectRelative(m[1], projectDir);
    if (path === undefined || !Number.isSafeInteger(n) || n < 1 || n > MAX_LINE) continue;
    found.push({ path, line: n });
  }
  const raising = [...found].reverse().find((l) => !isTestFile(l.path));
  const ordered = raising ? [raising, ...found] : found;
  const seen = new Set<string>();
  const out: FailureLocation[] = [];
  for (const l of ordered) {
    const key = `${l.path}:${l.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
    if (out.length === MAX_LOCATIONS) break;
  }
  return out;
}

/** The test file a failure's name points at (`tests/test_x.py::test_y` → `tests/test_x.py`), if it is one. */
export function testFileOf(name: string): string | undefined {
  const file = name.split('::')[0] ?? '';
  return /\.py$/.test(file) && !isAbsolute(file) ? projectRelative(file, '') : undefined;
}

/** The failure with the project places it names (links in the lab), the learner's raising line first. */
export function locateFailure(f: FailureView, projectDir: string): FailureView {
  const locations = failureLocations([f.message, f.details ?? ''].join('\n'), projectDir);
  const test = testFileOf(f.name);
  const testFile = test && !isHiddenSecret(test) ? { path: test, ...lineIn(locations, test) } : undefined;
  return { ...f, ...(locations.length ? { locations } : {}), ...(testFile ? { testFile } : {}) };
}

/** The first line `locations` name in `file`, as `{ line }`, or nothing. */
function lineIn(locations: readonly FailureLocation[], file: string): { line?: number } {
  const hit = locations.find((l) => l.path === file);
  return hit ? { line: hit.line } : {};
}
