// Scaffold planning: which template files to write where, which already exist, and which paths
// must be refused: those that would land outside the target folder, names that break on Windows or
// macOS, and names that collide there (letter case, Unicode normal form). Pure: no `vscode`, no
// I/O; the editor layer gathers the facts (what exists, what is a symlink) and executes the plan.
// Which paths are safe and portable at all is the one rule of src/shared/safePath.ts.
import { checkPortablePath, type PathKind } from '../shared/safePath';

export type { PathKind };

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
    const checked = checkPortablePath(file);
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
