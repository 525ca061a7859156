// Reads the markdown files directly inside a roadmap folder (from the local disk for a file: URI,
// else through the workspace file system: src/common/localFiles.ts). A
// file that cannot be read, is over the size limit or is not UTF-8 is one diagnostic and the others
// load (src/roadmap/decode.ts readSource); only a folder that cannot be listed at all is "no files".
import * as vscode from 'vscode';
import type { Diagnostic, SourceFile } from '../roadmap/model';
import { fileRange } from '../roadmap/diagnostics';
import { readSource } from '../roadmap/decode';
import { filesIn, readBytes, sizeOf } from '../common/localFiles';

export interface MarkdownFiles {
  /** Sorted by path. */
  readonly files: SourceFile[];
  /** One per file that could not be used. */
  readonly diagnostics: Diagnostic[];
}

/** The `.md` files directly inside `folder`, or undefined when the folder cannot be read. Never rejects. */
export async function readMarkdownFiles(folder: vscode.Uri): Promise<MarkdownFiles | undefined> {
  let names: string[];
  try {
    names = (await filesIn(folder)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return undefined;
  }
  const read = await Promise.all(names.map((name) => {
    const uri = vscode.Uri.joinPath(folder, name);
    return readSource(name, { size: () => sizeOf(uri), read: () => readBytes(uri) });
  }));
  const files = read.flatMap((r) => (r.file ? [r.file] : []));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: read.flatMap((r) => r.diagnostics) };
}

/** The one diagnostic of a roadmap folder that does not exist or cannot be listed. */
export function missingFolderDiagnostic(folder: vscode.Uri): Diagnostic {
  return { severity: 'error', code: 'missing-folder', message: `The roadmap folder ${folder.fsPath} does not exist or cannot be read.`, range: fileRange('.') };
}
