// Which project files the lab may open when its webview asks: only the ones the lab itself offers
// (Compare paths, the files its checks read, the README, the places its stored failures name),
// resolved with realpath and required to be inside the project's real folder, so `.env`, `.git/config` or a symlink out of the project are
// refused with a message that says why. No `vscode`: the host passes the project's local path.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Check } from '../roadmap/milestones';
import { failuresOf, type ProjectResults } from './labResults';
import { isHiddenSecret } from './failureLocations';

/** The README is always offered: every template has one and the lab links to it. */
export const README = 'README.md';

/** A `file` check's glob is a file the lab can open only when it names one file (no wildcards). */
const isPlainPath = (glob: string): boolean => !/[*?[\]{}!]/.test(glob);

/** The project-relative files a lab offers for these milestones. */
export function offeredFiles(milestones: ReadonlyArray<{ readonly check: Check; readonly compare: readonly string[] }>): Set<string> {
  const out = new Set<string>([README]);
  for (const m of milestones) {
    for (const f of m.compare) out.add(f);
    if (m.check.kind === 'metric') out.add(m.check.file);
    else if (m.check.kind === 'onnx') out.add(m.check.model);
    else if (m.check.kind === 'file' && isPlainPath(m.check.glob)) out.add(m.check.glob);
  }
  return out;
}

/** The project files the stored failures name (their places and test files), never `.git/` or `.env`. */
export function failureFiles(results: ProjectResults, projectDir: string): Set<string> {
  const out = new Set<string>();
  for (const r of Object.values(results.milestones)) {
    for (const f of failuresOf(r, projectDir)) {
      for (const l of f.locations ?? []) out.add(l.path);
      if (f.testFile) out.add(f.testFile.path);
    }
  }
  return new Set([...out].filter((f) => !isHiddenSecret(f)));
}

/** True when `inner` is strictly below `root` (both already real, absolute paths). */
function isInside(root: string, inner: string): boolean {
  const rel = relative(root, inner);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * The real path to open for a file the webview asked for, or why it is refused. `projectDir` is
 * the project's folder on disk; `requested` is the project-relative path from the message.
 */
export async function resolveOfferedFile(projectDir: string, requested: string, offered: ReadonlySet<string>): Promise<{ path: string } | { refused: string }> {
  if (!offered.has(requested)) return { refused: `"${requested}" is not one of the files this lab offers for the project, so it was not opened` };
  let root: string;
  try {
    root = await realpath(projectDir);
  } catch {
    return { refused: `the project folder ${projectDir} cannot be read, so "${requested}" was not opened` };
  }
  let real: string;
  try {
    real = await realpath(join(root, ...requested.split('/')));
  } catch {
    return { refused: `"${requested}" does not exist in the project (yet)` };
  }
  if (!isInside(root, real)) return { refused: `"${requested}" leads outside the project (to ${real}, through a symbolic link), so the lab does not open it` };
  const kind = await stat(real).catch(() => undefined);
  if (!kind?.isFile()) return { refused: `"${requested}" is a folder or not a regular file, so it was not opened as a file` };
  return { path: real };
}
