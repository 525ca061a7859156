// The text of a file of the extension that a page carries inline (the lab's script and styles),
// read once and kept while the file is unchanged (a rebuild in --watch is seen by its mtime).
import * as vscode from 'vscode';

const kept = new Map<string, { readonly mtime: number; readonly text: Promise<string> }>();

/** The text of `<extension>/<parts…>`. */
export async function pageAsset(extensionUri: vscode.Uri, ...parts: string[]): Promise<string> {
  const uri = vscode.Uri.joinPath(extensionUri, ...parts);
  const { mtime } = await vscode.workspace.fs.stat(uri);
  const key = uri.toString();
  const known = kept.get(key);
  if (known && known.mtime === mtime) return known.text;
  const text = Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) => new TextDecoder().decode(bytes));
  kept.set(key, { mtime, text });
  text.catch(() => kept.delete(key));
  return text;
}
