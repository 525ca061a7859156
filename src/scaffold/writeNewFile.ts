// Writing one scaffolded file on a local disk so that the existence check happens in the write
// itself: the file is created with the `wx` flag (O_CREAT | O_EXCL, which also never follows a
// symlink at the destination), so a file that appeared after planning is left as it is and reported,
// never overwritten. Each folder on the way is created one level at a time and must be a plain
// folder, not a symlink or a file, so nothing is created outside the target. No `vscode`.
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `written`, or `exists` when something (a file, folder or symlink) already has that name. */
export type NewFileOutcome = 'written' | 'exists';

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

/**
 * Creates `base/<segments…>` with `bytes`. `base` is the folder the learner chose (it exists);
 * `segments` is the checked relative path below it. Throws, saying which folder, when a folder on
 * the way is no longer a plain folder; throws the file system's error for anything else.
 */
export async function writeNewFile(base: string, segments: readonly string[], bytes: Uint8Array): Promise<NewFileOutcome> {
  let dir = base;
  for (let i = 0; i < segments.length - 1; i++) {
    dir = join(dir, segments[i]);
    try {
      await mkdir(dir);
    } catch (err) {
      if (code(err) !== 'EEXIST' && code(err) !== 'ENOTDIR') throw err;
    }
    const stat = await lstat(dir).catch(() => undefined);
    if (!stat || stat.isSymbolicLink() || !stat.isDirectory()) {
      throw new Error(`"${segments.slice(0, i + 1).join('/')}" is no longer a plain folder (it changed while scaffolding), so nothing was written into it`);
    }
  }
  try {
    await writeFile(join(dir, segments[segments.length - 1]), bytes, { flag: 'wx' });
    return 'written';
  } catch (err) {
    if (code(err) === 'EEXIST') return 'exists';
    throw err;
  }
}
