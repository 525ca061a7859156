// Are the learner's tests still the author's? A check means "your code meets the project's
// expectations" only while the files that state those expectations (the template's `tests/` and a
// root `conftest.py`) are as shipped. This compares them and plans a restore that keeps the
// learner's edited copies. Pure: no `vscode`, no I/O; the lab reads the files and writes the plan.
import { checkPortablePath, type PathKind } from '../shared/safePath';

export interface TestDrift {
  /** Present in the project but different from the template (line endings aside). */
  readonly changed: readonly string[];
  /** In the template, not in the project. */
  readonly missing: readonly string[];
}

/** Whether a template-relative path states the project's expectations. */
export function isExpectationFile(relativePath: string): boolean {
  return relativePath === 'conftest.py' || (relativePath.startsWith('tests/') && !relativePath.split('/').includes('__pycache__'));
}

/** Byte equality after turning CRLF into LF (a Windows checkout or editor must not count as a change). */
export function sameText(a: Uint8Array, b: Uint8Array): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function normalise(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(13)) return bytes;
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) continue;
    out[n++] = bytes[i]!;
  }
  return out.subarray(0, n);
}

/**
 * `template`: the expectation files as shipped; `project`: the learner's copy of each of those
 * paths (undefined when absent). Files the learner added are not the author's and not compared.
 */
export function testDrift(template: ReadonlyMap<string, Uint8Array>, project: ReadonlyMap<string, Uint8Array | undefined>): TestDrift {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, shipped] of [...template].sort(([a], [b]) => a.localeCompare(b))) {
    const mine = project.get(path);
    if (mine === undefined) missing.push(path);
    else if (!sameText(mine, shipped)) changed.push(path);
  }
  return { changed, missing };
}

export function hasDrift(drift: TestDrift | undefined): drift is TestDrift {
  return drift !== undefined && (drift.changed.length > 0 || drift.missing.length > 0);
}

export interface RestorePlan {
  /** Edited files to keep, each copied to `backup` before the original is written back. */
  readonly backups: readonly { readonly path: string; readonly backup: string }[];
  /** Files to write from the template (the changed and the missing ones). */
  readonly writes: readonly string[];
  /** Paths that would leave the project folder (a symlink on the way, a bad path): nothing is written. */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
}

/** How many kept copies of one test file (`.edited`, `.edited-2`, …) a restore looks through. */
export const MAX_BACKUPS = 20;

/**
 * Plans a restore. An edited file is kept beside it as `<name>.edited` (or `.edited-2`, … when that
 * exists); pytest does not collect those. `kindOf` says what a project-relative path is now.
 */
export function planRestore(drift: TestDrift, kindOf: (relativePath: string) => PathKind): RestorePlan {
  // Backup names are distinct per file (each carries its own path), so no two plans collide.
  const refused: { path: string; reason: string }[] = [];
  for (const path of [...drift.changed, ...drift.missing]) {
    const checked = checkPortablePath(path);
    if ('reason' in checked) {
      refused.push({ path, reason: checked.reason });
      continue;
    }
    const { segments } = checked;
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const kind = kindOf(prefix);
      if (kind === 'symlink') {
        refused.push({ path, reason: `${prefix} is a symbolic link, which could lead outside the project` });
        break;
      }
      if (i < segments.length && kind === 'file') {
        refused.push({ path, reason: `${prefix} is a file where a folder is expected` });
        break;
      }
      if (i === segments.length && kind === 'directory') {
        refused.push({ path, reason: `${prefix} is a folder where a file is expected` });
      }
    }
  }
  const backups: { path: string; backup: string }[] = [];
  for (const path of drift.changed) {
    const names = [`${path}.edited`, ...Array.from({ length: MAX_BACKUPS - 1 }, (_, i) => `${path}.edited-${i + 2}`)];
    const free = names.find((name) => kindOf(name) === 'missing');
    if (free) backups.push({ path, backup: free });
    else refused.push({ path, reason: `${path}.edited to ${path}.edited-${MAX_BACKUPS} all exist: remove some old copies first` });
  }
  if (refused.length) return { backups: [], writes: [], refused };
  return { backups, writes: [...drift.changed, ...drift.missing], refused: [] };
}
