// Scaffold planning: which template files to write where, which already exist, and which paths
// must be refused because they would land outside the target folder. Pure: no `vscode`, no I/O;
// the editor layer gathers the facts (what exists, what is a symlink) and executes the plan.

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
  /** Paths that would escape the target; when any exist, nothing at all may be written. */
  readonly refused: readonly Refusal[];
}

/**
 * Checks a template path and returns its normalised segments, or why it is refused. Only plain
 * relative paths are allowed: no absolute paths, drive letters, backslashes, `.`/`..` segments,
 * empty segments or control characters.
 */
export function checkRelativePath(path: string): { segments: string[] } | { reason: string } {
  if (path.length === 0) return { reason: 'the path is empty' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return { reason: 'the path contains control characters' };
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return { reason: 'the path is absolute' };
  if (path.includes('\\')) return { reason: 'the path contains a backslash' };
  const segments = path.split('/');
  for (const s of segments) {
    if (s === '..') return { reason: 'the path climbs out of the target with ".."' };
    if (s === '' || s === '.') return { reason: 'the path has an empty or "." segment' };
  }
  return { segments };
}

/** Every proper parent of a relative path: `a/b/c.txt` → `a`, `a/b`. */
export function parentsOf(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) out.push(segments.slice(0, i).join('/'));
  return out;
}

/**
 * Plans a scaffold. `kindOf` answers for any relative path inside the target (the file itself
 * and each of its parent folders).
 */
export function planScaffold(templateFiles: readonly string[], kindOf: (relativePath: string) => PathKind): ScaffoldPlan {
  const writes: string[] = [];
  const conflicts: string[] = [];
  const refused: Refusal[] = [];
  for (const file of [...templateFiles].sort()) {
    const checked = checkRelativePath(file);
    if ('reason' in checked) {
      refused.push({ path: file, reason: checked.reason });
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
