// Where each scaffolded project lives in this workspace, so the lab knows what to check.
// Kept in workspace state: a folder is a fact about this workspace, not about the learner.
import * as vscode from 'vscode';
import { StorageKeys } from '../ids';
import { kindOf } from './templateFiles';

export class ProjectLocations implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** A project's folder was remembered (scaffolded, started over, found by the learner): its id. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  async remember(projectId: string, folder: vscode.Uri): Promise<void> {
    const all = { ...this.memento.get<Record<string, string>>(StorageKeys.projectFolders, {}), [projectId]: folder.toString() };
    // The memento holds the new value at once; storing it is a round trip to the window.
    const stored = this.memento.update(StorageKeys.projectFolders, all);
    this.changed.fire(projectId);
    await stored;
  }

  /**
   * The remembered folder if it still exists, else `<workspace folder>/<project id>` if that
   * exists, each asked through `fs` (the editor's file system by default).
   */
  async find(projectId: string, fs?: Pick<vscode.FileSystem, 'stat'>): Promise<vscode.Uri | undefined> {
    const all = this.memento.get<Record<string, unknown>>(StorageKeys.projectFolders, {});
    const stored = all && Object.hasOwn(all, projectId) ? all[projectId] : undefined;
    if (typeof stored === 'string') {
      try {
        const uri = vscode.Uri.parse(stored, true);
        if ((await kindOf(uri, fs)) === 'directory') return uri;
      } catch {
        // A corrupt entry is ignored; the fallback below still works.
      }
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const candidate = vscode.Uri.joinPath(folder.uri, projectId);
      if ((await kindOf(candidate, fs)) === 'directory') return candidate;
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
