// Creating one file of a scaffold only if nothing has its name yet, checked by the write itself
// (never check-then-write): on a local disk with the `wx` flag (writeNewFile.ts), elsewhere by
// copying with overwrite off; `createAll` writes a whole starter several files at a time. Used by
// Scaffold Project and Start Project Over.
import * as vscode from 'vscode';
import { writeNewFile } from './writeNewFile';

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
    return writeNewFile(target.root.fsPath, [...target.segments, ...parts], await vscode.workspace.fs.readFile(source));
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

/** How many files are written at once: enough to hide each write's latency, few enough not to flood the disk. */
const PARALLEL_WRITES = 8;

/**
 * Creates each `[relative path, source]` with `createNew`, several at a time (a folder on the way
 * that two writes create at once is fine: the loser sees it exists and checks it is a plain
 * folder). Stops starting writes after the first failure.
 */
export async function createAll(target: Target, files: ReadonlyArray<readonly [string, vscode.Uri]>): Promise<CreateAllResult> {
  const outcomes = new Array<'written' | 'exists' | undefined>(files.length);
  let failure: Error | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length && !failure) {
      const i = next++;
      const [rel, source] = files[i];
      try {
        outcomes[i] = await createNew(target, rel, source);
      } catch (err) {
        failure ??= err instanceof Error ? err : new Error(String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, files.length) }, worker));
  const pick = (want: 'written' | 'exists'): string[] => files.flatMap(([rel], i) => (outcomes[i] === want ? [rel] : []));
  return failure ? { written: pick('written'), existing: pick('exists'), failure } : { written: pick('written'), existing: pick('exists') };
}
