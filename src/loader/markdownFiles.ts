// Reads the markdown files directly inside a roadmap folder through the workspace file system. A
// file that cannot be read, is over the size limit or is not UTF-8 is one diagnostic and the others
// load (src/roadmap/decode.ts readSource); only a folder that cannot be listed at all is "no files".
import * as vscode from 'vscode';
import type { Diagnostic, SourceFile } from '../roadmap/model';
import { fileRange } from '../roadmap/diagnostics';
import { readSource } from '../roadmap/decode';

export interface MarkdownFiles {
  /** Sorted by path. */
  readonly files: SourceFile[];
  /** One per file that could not be used. */
  readonly diagnostics: Diagnostic[];
}

/** The `.md` files directly inside `folder`, or undefined when the folder cannot be read. Never rejects. */
export async function readMarkdownFiles(folder: vscode.Uri): Promise<MarkdownFiles | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  const names = entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
    .map(([name]) => name)
    .sort();
  const read = await Promise.all(names.map((name) => {
    const uri = vscode.Uri.joinPath(folder, name);
    return readSource(name, { size: async () => (await vscode.workspace.fs.stat(uri)).size, read: async () => vscode.workspace.fs.readFile(uri) });
  }));
  const files = read.flatMap((r) => (r.file ? [r.file] : []));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: read.flatMap((r) => r.diagnostics) };
}

/** The one diagnostic of a roadmap folder that does not exist or cannot be listed. */
export function missingFolderDiagnostic(folder: vscode.Uri): Diagnostic {
  return { severity: 'error', code: 'missing-folder', message: `The roadmap folder ${folder.fsPath} does not exist or cannot be read.`, range: fileRange('.') };
}
