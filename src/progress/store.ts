// The one source of truth for progress: a versioned value under one key in workspace state (or,
// by setting, global state synced across machines). Every change goes through `update` and fires
// `onDidChange`, which the tree, the status bar and open labs listen to.
import * as vscode from 'vscode';
import { emptyState, recoverState, type ProgressState } from './state';
import { Settings, StorageKeys } from '../ids';

export type ProgressScope = 'workspace' | 'global';
export const SCOPE_SETTING = 'progress.scope';

export class ProgressStore implements vscode.Disposable {
  private state: ProgressState = emptyState();
  private readonly changed = new vscode.EventEmitter<ProgressState>();
  readonly onDidChange = this.changed.event;
  private readonly reported = new Set<string>();

  constructor(private readonly context: vscode.ExtensionContext) {
    context.globalState.setKeysForSync([StorageKeys.progress]);
    this.state = this.read(this.scope());
  }

  get current(): ProgressState {
    return this.state;
  }

  scope(): ProgressScope {
    return vscode.workspace.getConfiguration(Settings.section).get<ProgressScope>(SCOPE_SETTING, 'workspace') === 'global' ? 'global' : 'workspace';
  }

  private memento(scope: ProgressScope): vscode.Memento {
    return scope === 'global' ? this.context.globalState : this.context.workspaceState;
  }

  /** Reads and recovers the stored value; a problem is reported once per session, not per read. */
  private read(scope: ProgressScope): ProgressState {
    const { state, problems } = recoverState(this.memento(scope).get<unknown>(StorageKeys.progress));
    if (problems.length) {
      const key = `${scope}:${problems.join('|')}`;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        void vscode.window.showWarningMessage(
          `ML Roadmap recovered your progress: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}. Everything valid was kept.`,
        );
      }
      // Write back the clean value so the same problem is not found again next time.
      void this.memento(scope).update(StorageKeys.progress, state);
    }
    return state;
  }

  /** Applies a change and saves it at once. */
  async update(change: (state: ProgressState) => ProgressState): Promise<ProgressState> {
    const next = change(this.state);
    if (next === this.state) return next;
    this.state = next;
    this.changed.fire(next);
    await this.memento(this.scope()).update(StorageKeys.progress, next);
    return next;
  }

  /** Re-reads after the scope setting changed, optionally copying the old scope's progress over. */
  async switchScope(from: ProgressScope, to: ProgressScope, copy: boolean): Promise<void> {
    if (copy) await this.memento(to).update(StorageKeys.progress, this.read(from));
    this.state = this.read(to);
    this.changed.fire(this.state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
