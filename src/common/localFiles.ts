// Reading files the way every feature should on a local disk: for a file: URI with Node's fs,
// anything else through workspace.fs (remote and virtual workspaces). Every workspace.fs call from
// the extension host is a round trip to the window, which just after start-up is busy drawing; a
// folder of files costs tens of them.
import * as vscode from 'vscode';
import { readdir, readFile, stat } from 'node:fs/promises';

/** A file's bytes. */
export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

/** A file's size in bytes. */
export async function sizeOf(uri: vscode.Uri): Promise<number> {
  return uri.scheme === 'file' ? (await stat(uri.fsPath)).size : (await vscode.workspace.fs.stat(uri)).size;
}

/** The names of the plain files directly inside a folder (not symlinks, not folders); rejects when it cannot be listed. */
export async function filesIn(folder: vscode.Uri): Promise<string[]> {
  if (folder.scheme === 'file') {
    return (await readdir(folder.fsPath, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  }
  return (await vscode.workspace.fs.readDirectory(folder)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
}
