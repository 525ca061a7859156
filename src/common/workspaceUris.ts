// Where a Uri is relative to a folder, decided one way everywhere: the same scheme and authority,
// and a path below the folder's (a sibling `proj-old` is not inside `proj`).
import type * as vscode from 'vscode';

/** The `/`-separated path of `uri` below `folder` (not decoded further), or undefined when it is not strictly inside. */
export function pathInside(folder: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return undefined;
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(prefix) && uri.path.length > prefix.length ? uri.path.slice(prefix.length) : undefined;
}

/** Whether `uri` is strictly inside `folder`. */
export function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  return pathInside(folder, uri) !== undefined;
}
