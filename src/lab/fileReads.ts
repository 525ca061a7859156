// The door through which the labs read project and template files, counting each read, so a test
// or the bench can tell what redrawing a lab costs (a progress change must read nothing).
import type * as vscode from 'vscode';

export class CountedReads {
  /** Files read through this door so far. */
  count = 0;

  constructor(private readonly fs: Pick<vscode.FileSystem, 'readFile'>) {}

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    this.count++;
    return this.fs.readFile(uri);
  }
}
