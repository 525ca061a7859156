// Where each scaffolded project lives in this workspace, so the lab knows what to check.
// Kept in workspace state: a folder is a fact about this workspace, not about the learner.
import * as vscode from 'vscode';
import { StorageKeys } from '../ids';
import { kindOf } from './templateFiles';

export class ProjectLocations {
  constructor(private readonly memento: vscode.Memento) {}

  async remember(projectId: string, folder: vscode.Uri): Promise<void> {
    const all = { ...this.memento.get<Record<string, string>>(StorageKeys.projectFolders, {}), [projectId]: folder.toString() };
    await this.memento.update(StorageKeys.projectFolders, all);
  }

  /** The remembered folder if it still exists, else `<workspace folder>/<project id>` if that exists. */
  async find(projectId: string): Promise<vscode.Uri | undefined> {
    const all = this.memento.get<Record<string, unknown>>(StorageKeys.projectFolders, {});
    const stored = all && Object.hasOwn(all, projectId) ? all[projectId] : undefined;
    if (typeof stored === 'string') {
      try {
        const uri = vscode.Uri.parse(stored, true);
        if ((await kindOf(uri)) === 'directory') return uri;
      } catch {
        // A corrupt entry is ignored; the fallback below still works.
      }
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const candidate = vscode.Uri.joinPath(folder.uri, projectId);
      if ((await kindOf(candidate)) === 'directory') return candidate;
    }
    return undefined;
  }
}
