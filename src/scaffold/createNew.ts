// Creating one file of a scaffold only if nothing has its name yet, checked by the write itself
// (never check-then-write): on a local disk with the `wx` flag (writeNewFile.ts), elsewhere by
// copying with overwrite off. Used by Scaffold Project and Start Project Over.
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
