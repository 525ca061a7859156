// The floor for Scaffold Project: the editor's own `workspace.fs.copy` of the same starter into a
// fresh folder, i.e. the template folder and then the shared data files the template declares
// (projects/<id>/shared-data.json, copied from the extension's media/data/ as the scaffold does).
import * as vscode from 'vscode';
import { parseSharedData } from '../../src/scaffold/sharedData';

/** Copies the starter of `projectFolder` (roadmap/projects/<id>) into `target`; returns how long it took. */
export async function timeStarterCopy(projectFolder: vscode.Uri, extensionUri: vscode.Uri, target: vscode.Uri): Promise<number> {
  const t0 = performance.now();
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(projectFolder, 'template'), target);
  let declaration: Uint8Array | undefined;
  try {
    declaration = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(projectFolder, 'shared-data.json'));
  } catch {
    // No shared data: the template folder is the whole starter.
  }
  if (declaration) {
    const parsed = parseSharedData(new TextDecoder().decode(declaration));
    if ('error' in parsed) throw new Error(parsed.error);
    for (const f of parsed.files) {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'media', 'data', f.name), vscode.Uri.joinPath(target, ...f.destination.split('/')));
    }
  }
  return performance.now() - t0;
}
