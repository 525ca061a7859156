// Python error text (a traceback, or pytest's report of one) → the one line a learner should read.
// Used on the text fields of the JUnit report and on pytest's stderr when it could not start.

const EXCEPTION = /^(?:[A-Za-z_][\w]*\.)*[A-Za-z_]\w*(?:Error|Exception|Exit|Interrupt|Warning)(?::\s.*|$)/;
const FILE_LINE = /File "([^"]+)", line (\d+)/;

/**
 * The last exception line (`ModuleNotFoundError: No module named 'x'`), preferring pytest's
 * `E   ` lines; syntax errors get their file and line. `undefined` when there is none.
 */
export function summarizePythonError(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const marked = lines.filter((l) => /^E(\s|$)/.test(l)).map((l) => l.replace(/^E\s*/, ''));
  const pool = (marked.length > 0 ? marked : lines).map((l) => l.trim()).filter((l) => l !== '');
  const at = findLastIndex(pool, (l) => EXCEPTION.test(l));
  if (at < 0) return marked.length > 0 ? pool[pool.length - 1] : undefined;
  const line = pool[at] ?? '';
  if (!/^(SyntaxError|IndentationError|TabError)\b/.test(line)) return line;
  // The location of a syntax error is printed above it, not in the exception line.
  const where = pool.slice(0, at).reverse().map((l) => FILE_LINE.exec(l)).find((m) => m);
  if (!where) return line;
  const file = (where[1] ?? '').split(/[\\/]/).pop();
  return `${line} (${file}, line ${where[2]})`;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let k = items.length - 1; k >= 0; k--) if (test(items[k])) return k;
  return -1;
}

/** The first non-empty line of `text`, trimmed (multi-line messages make poor headlines). */
export function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
}
