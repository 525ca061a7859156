// The door through which the labs read and stat project and template files, counting each access,
// so a test or the bench can tell what redrawing a lab costs (a progress change must touch nothing).
import type * as vscode from 'vscode';

export class CountedReads {
  /** Files read or stat'ed through this door so far. */
  count = 0;

  constructor(private readonly fs: Pick<vscode.FileSystem, 'readFile' | 'stat'>) {}

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    this.count++;
    return this.fs.readFile(uri);
  }

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    this.count++;
    return this.fs.stat(uri);
  }
}
