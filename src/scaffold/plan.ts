// Scaffold planning: which template files to write where, which already exist, and which paths
// must be refused: those that would land outside the target folder, names that break on Windows or
// macOS, and names that collide there (letter case, Unicode normal form). Pure: no `vscode`, no
// I/O; the editor layer gathers the facts (what exists, what is a symlink) and executes the plan.

/** What a path inside the target currently is. */
export type PathKind = 'missing' | 'file' | 'directory' | 'symlink';

export interface Refusal {
  readonly path: string;
  readonly reason: string;
}

export interface ScaffoldPlan {
  /** Template files to write: not present in the target yet. */
  readonly writes: readonly string[];
  /** Template files whose destination already exists: never overwritten. */
  readonly conflicts: readonly string[];
  /** Paths that would escape the target or break elsewhere; when any exist, nothing at all may be written. */
  readonly refused: readonly Refusal[];
  /** Set when the target folder (or a folder above it) is an existing file: that path. Nothing is planned then. */
  readonly targetIsFile?: string;
}

/**
 * Checks a template path and returns its segments, or why it is refused. Only plain relative paths
 * are allowed: no absolute paths, drive letters, backslashes, `.`/`..` segments, empty segments or
 * control characters; and every segment must be a name Windows and macOS can hold (portableNameProblem).
 */
export function checkRelativePath(path: string): { segments: string[] } | { reason: string } {
  if (path.length === 0) return { reason: 'the path is empty' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return { reason: 'the path contains control characters' };
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return { reason: 'the path is absolute' };
  if (path.includes('\\')) return { reason: 'the path contains a backslash' };
  const segments = path.split('/');
  for (const s of segments) {
    if (s === '..') return { reason: 'the path climbs out of the target with ".."' };
    if (s === '' || s === '.') return { reason: 'the path has an empty or "." segment' };
  }
  for (const s of segments) {
    const problem = portableNameProblem(s);
    if (problem) return { reason: problem };
  }
  return { segments };
}

const WINDOWS_RESERVED_CHARACTER = /[<>:"|?*]/;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and the superscript digits Windows also reserves), with any extension. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3]) *(\.|$)/i;
/** The longest file name Linux, macOS and Windows all take, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

/** Why one path segment cannot be a file or folder name on Windows or macOS, or undefined when it can. */
function portableNameProblem(name: string): string | undefined {
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  const reserved = WINDOWS_RESERVED_CHARACTER.exec(name)?.[0];
  if (reserved !== undefined) {
    const quoted = reserved === '"' ? `'"'` : `"${reserved}"`;
    return `the name "${shown}" contains ${quoted}, which Windows does not allow in file names`;
  }
  const device = WINDOWS_DEVICE_NAME.exec(name)?.[1];
  if (device !== undefined) return `the name "${shown}" is the reserved device name "${device}" on Windows, whatever its extension`;
  if (/[. ]$/.test(name)) return `the name "${shown}" ends with a dot or a space, which Windows drops`;
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_NAME_BYTES) return `the name "${shown}" is longer than ${MAX_NAME_BYTES} bytes (${bytes}), too long for most file systems`;
  return undefined;
}

/** The same key for two spellings that Windows or macOS would treat as one name (case, Unicode form). */
function foldedName(path: string): string {
  return path.normalize('NFD').toLowerCase().normalize('NFC');
}

function collisionReason(a: { spelling: string; file: string }, b: { spelling: string; file: string }): string {
  const nfc = (x: string): string => x.normalize('NFC');
  const how = nfc(a.spelling) === nfc(b.spelling) ? 'are the same text in different Unicode normal forms (NFC and NFD)'
    : nfc(a.spelling).toLowerCase() === nfc(b.spelling).toLowerCase() ? 'differ only in letter case'
    : 'differ only in letter case and Unicode normal form';
  // Two normal forms look the same on screen: spell the code points out.
  const spelt = nfc(a.spelling) === nfc(b.spelling) ? ` (${codePoints(a.spelling)} and ${codePoints(b.spelling)})` : '';
  if (a.spelling === a.file && b.spelling === b.file) return `"${a.file}" and "${b.file}" are one file on Windows and macOS: the two names ${how}${spelt}`;
  return `"${a.file}" and "${b.file}" clash on Windows and macOS: "${a.spelling}" and "${b.spelling}" ${how}${spelt}`;
}

/** `cafe\u0301`: the non-ASCII characters of a name as escapes. */
function codePoints(name: string): string {
  return name.replace(/[^\x20-\x7e]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/**
 * Template files whose names collide on a case-insensitive or normalisation-insensitive file
 * system (Windows, macOS), each with the reason that names the other file.
 */
function collisions(files: ReadonlyArray<{ file: string; segments: readonly string[] }>): Map<string, string> {
  const first = new Map<string, { spelling: string; file: string }>();
  const out = new Map<string, string>();
  for (const { file, segments } of files) {
    for (let i = 1; i <= segments.length; i++) {
      const spelling = segments.slice(0, i).join('/');
      const key = foldedName(spelling);
      const seen = first.get(key);
      if (!seen) { first.set(key, { spelling, file }); continue; }
      if (seen.spelling === spelling) continue;
      const reason = collisionReason(seen, { spelling, file });
      if (!out.has(seen.file)) out.set(seen.file, reason);
      if (!out.has(file)) out.set(file, reason);
      break;
    }
  }
  return out;
}

/** Every proper parent of a relative path: `a/b/c.txt` → `a`, `a/b`. */
export function parentsOf(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) out.push(segments.slice(0, i).join('/'));
  return out;
}

/**
 * Plans a scaffold. `kindOf` answers for any relative path inside the target (the file itself
 * and each of its parent folders). `target`, when given, is the folder every file goes into (a
 * prefix of each path): when it or a folder above it is an existing file, nothing is planned.
 */
export function planScaffold(templateFiles: readonly string[], kindOf: (relativePath: string) => PathKind, target?: string): ScaffoldPlan {
  if (target !== undefined) {
    const segments = target.split('/');
    const blocking = [...parentsOf(segments), target].find((p) => kindOf(p) === 'file');
    if (blocking !== undefined) return { writes: [], conflicts: [], refused: [], targetIsFile: blocking };
  }
  const writes: string[] = [];
  const conflicts: string[] = [];
  const refused: Refusal[] = [];
  const accepted: { file: string; segments: string[] }[] = [];
  for (const file of [...templateFiles].sort()) {
    const checked = checkRelativePath(file);
    if ('reason' in checked) refused.push({ path: file, reason: checked.reason });
    else accepted.push({ file, segments: checked.segments });
  }
  const colliding = collisions(accepted);
  for (const checked of accepted) {
    const file = checked.file;
    const collision = colliding.get(file);
    if (collision !== undefined) {
      refused.push({ path: file, reason: collision });
      continue;
    }
    const linkedParent = parentsOf(checked.segments).find((p) => kindOf(p) === 'symlink');
    if (linkedParent !== undefined) {
      refused.push({ path: file, reason: `"${linkedParent}" in the target is a symbolic link, which could lead outside it` });
      continue;
    }
    const fileParent = parentsOf(checked.segments).find((p) => kindOf(p) === 'file');
    if (fileParent !== undefined) {
      conflicts.push(file);
      continue;
    }
    const kind = kindOf(file);
    if (kind === 'symlink') refused.push({ path: file, reason: 'the destination is a symbolic link, which could lead outside the target' });
    else if (kind === 'missing') writes.push(file);
    else conflicts.push(file);
  }
  return { writes, conflicts, refused };
}

/** Files the scaffold never copies from a template folder (caches and editor litter). */
export function isTemplateLitter(relativePath: string): boolean {
  return /(^|\/)(__pycache__|\.pytest_cache|\.mypy_cache|\.DS_Store)(\/|$)|\.pyc$/.test(relativePath);
}

/** A short human list: `a, b, c and 4 more`. */
export function summarise(paths: readonly string[], max = 5): string {
  if (paths.length <= max) return paths.join(', ');
  return `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`;
}

/**
 * Where "Start Over" keeps a project's current folder: a sibling named
 * `<name>-before-reset-YYYY-MM-DD-HHMM` (local time), with `-2`, `-3`… when that is taken.
 */
export function keptFolderName(name: string, now: Date, taken: (candidate: string) => boolean): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
  const base = `${name}-before-reset-${stamp}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
