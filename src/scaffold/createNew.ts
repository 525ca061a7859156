// Creating one file of a scaffold only if nothing has its name yet, checked by the write itself
// (never check-then-write): on a local disk with the `wx` flag (writeNewFile.ts), elsewhere by
// copying with overwrite off; `createAll` writes a whole starter several files at a time, on a
// local disk after creating each of its folders once. Used by Scaffold Project and Start Project Over.
import * as vscode from 'vscode';
import { makeFolders, writeNewFile, writeNewFileIn } from './writeNewFile';
import { readBytes } from '../common/localFiles';

/** Where the files go: the chosen workspace folder, the checked folder segments below it, and their Uri. */
export interface Target {
  readonly root: vscode.Uri;
  readonly segments: readonly string[];
  readonly uri: vscode.Uri;
}

/**
 * Creates one file only if nothing has its name yet, checked by the write itself: on a local disk
 * with the `wx` flag (writeNewFile.ts), elsewhere by copying with overwrite off. `exists` when
 * something appeared there after planning: it is left as it is.
 */
export async function createNew(target: Target, rel: string, source: vscode.Uri): Promise<'written' | 'exists'> {
  const parts = rel.split('/');
  if (target.root.scheme === 'file') {
    return writeNewFile(target.root.fsPath, [...target.segments, ...parts], await readBytes(source));
  }
  try {
    await vscode.workspace.fs.copy(source, vscode.Uri.joinPath(target.uri, ...parts), { overwrite: false });
    return 'written';
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileExists') return 'exists';
    throw err;
  }
}

export interface CreateAllResult {
  /** Created, in the order given. */
  readonly written: string[];
  /** Left alone because something already had the name when its write came. */
  readonly existing: string[];
  /** The first write that failed; no write was started after it. */
  readonly failure?: Error;
}

/**
 * How many files are written at once: enough to hide each write's latency (through workspace.fs a
 * round trip; on a local disk node's thread pool, four threads, is kept busy), few enough not to
 * flood the disk or hold many files in memory.
 */
const PARALLEL_WRITES = 8;
const PARALLEL_DISK_WRITES = 16;

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/**
 * Creates each `[relative path, source]` only if nothing has its name yet, several at a time.
 * Stops starting writes after the first failure. On a local disk every folder the files need is
 * created once, before any file is written, and checked to be a plain folder (writeNewFile.ts);
 * the sources are read meanwhile. Elsewhere each file is copied with `createNew` (a folder on the
 * way that two copies create at once is fine).
 */
export async function createAll(target: Target, files: ReadonlyArray<readonly [string, vscode.Uri]>): Promise<CreateAllResult> {
  const outcomes = new Array<'written' | 'exists' | undefined>(files.length);
  let failure: Error | undefined;
  let next = 0;
  let worker: () => Promise<void>;
  let parallel: number;
  let folders: Promise<boolean> = Promise.resolve(true);
  if (target.root.scheme === 'file') {
    const base = target.root.fsPath;
    const paths = files.map(([rel]) => [...target.segments, ...rel.split('/')]);
    folders = makeFolders(base, paths.map((p) => p.slice(0, -1))).then(() => true, (err: unknown) => { failure ??= asError(err); return false; });
    parallel = PARALLEL_DISK_WRITES;
    worker = async () => {
      while (next < files.length && !failure) {
        const i = next++;
        try {
          const bytes = await readBytes(files[i][1]);
          if (!(await folders) || failure) return;
          outcomes[i] = await writeNewFileIn(base, paths[i], bytes);
        } catch (err) {
          failure ??= asError(err);
        }
      }
    };
  } else {
    parallel = PARALLEL_WRITES;
    worker = async () => {
      while (next < files.length && !failure) {
        const i = next++;
        const [rel, source] = files[i];
        try {
          outcomes[i] = await createNew(target, rel, source);
        } catch (err) {
          failure ??= asError(err);
        }
      }
    };
  }
  await Promise.all([folders, ...Array.from({ length: Math.min(parallel, files.length) }, worker)]);
  const pick = (want: 'written' | 'exists'): string[] => files.flatMap(([rel], i) => (outcomes[i] === want ? [rel] : []));
  return failure ? { written: pick('written'), existing: pick('exists'), failure } : { written: pick('written'), existing: pick('exists') };
}
