// Writing scaffolded files on a local disk so that the existence check happens in the write itself:
// each file is created with the `wx` flag (O_CREAT | O_EXCL, which also never follows a symlink at
// the destination), so a file that appeared after planning is left as it is and reported, never
// overwritten. The folders on the way are created first, each distinct folder once, parents before
// children, and each must then be a plain folder, not a symlink or a file, so nothing is created
// outside the target. No `vscode`.
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `written`, or `exists` when something (a file, folder or symlink) already has that name. */
export type NewFileOutcome = 'written' | 'exists';

const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

/**
 * Creates the folders `base/<segments…>` (and every folder above them, below `base`), each distinct
 * folder once: one depth at a time, the folders of one depth at once. `base` is the folder the
 * learner chose (it exists). A folder that already exists is fine if it is a plain folder; throws,
 * saying which folder, when one is not (a symlink, a file); throws the file system's error for
 * anything else.
 */
export async function makeFolders(base: string, folders: ReadonlyArray<readonly string[]>): Promise<void> {
  const byDepth: Map<string, readonly string[]>[] = [];
  for (const segments of folders) {
    for (let depth = 1; depth <= segments.length; depth++) {
      const prefix = segments.slice(0, depth);
      (byDepth[depth - 1] ??= new Map()).set(prefix.join('/'), prefix);
    }
  }
  for (const level of byDepth) {
    await Promise.all([...level].map(async ([rel, segments]) => {
      const dir = join(base, ...segments);
      try {
        await mkdir(dir);
      } catch (err) {
        if (code(err) !== 'EEXIST' && code(err) !== 'ENOTDIR') throw err;
      }
      const stat = await lstat(dir).catch(() => undefined);
      if (!stat || stat.isSymbolicLink() || !stat.isDirectory()) {
        throw new Error(`"${rel}" is no longer a plain folder (it changed while scaffolding), so nothing was written into it`);
      }
    }));
  }
}

/**
 * Creates the file `base/<segments…>` with `bytes`, only if nothing has its name; its folder must
 * exist (makeFolders). Throws the file system's error for anything but an existing name.
 */
export async function writeNewFileIn(base: string, segments: readonly string[], bytes: Uint8Array): Promise<NewFileOutcome> {
  try {
    await writeFile(join(base, ...segments), bytes, { flag: 'wx' });
    return 'written';
  } catch (err) {
    if (code(err) === 'EEXIST') return 'exists';
    throw err;
  }
}

/**
 * Creates `base/<segments…>` with `bytes`, and the folders on the way (makeFolders). `segments` is
 * the checked relative path below `base`.
 */
export async function writeNewFile(base: string, segments: readonly string[], bytes: Uint8Array): Promise<NewFileOutcome> {
  await makeFolders(base, [segments.slice(0, -1)]);
  return writeNewFileIn(base, segments, bytes);
}
