// The one source of truth for progress: a versioned value under one key in workspace state (or,
// by setting, global state synced across machines). Every change goes through `update` and fires
// `onDidChange`, which the tree, the status bar and open labs listen to.
import * as vscode from 'vscode';
import { emptyState, recoverState, storedValue, type ProgressState } from './state';
import { recoveryMessage } from './recoveryMessage';
import { Settings, StorageKeys } from '../ids';

export type ProgressScope = 'workspace' | 'global';

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
    return vscode.workspace.getConfiguration(Settings.section).get<ProgressScope>(Settings.progressScope, 'workspace') === 'global' ? 'global' : 'workspace';
  }

  private memento(scope: ProgressScope): vscode.Memento {
    return scope === 'global' ? this.context.globalState : this.context.workspaceState;
  }

  /**
   * Reads and recovers the stored value; a problem is reported once per session, not per read.
   * Nothing is written back: what could not be read is kept in the state and written back
   * unchanged with the learner's next change.
   */
  private read(scope: ProgressScope): ProgressState {
    const { state, problems, newer } = recoverState(this.memento(scope).get<unknown>(StorageKeys.progress));
    if (problems.length || newer) {
      const key = `${scope}:${newer ?? ''}:${problems.join('|')}`;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        void vscode.window.showWarningMessage(recoveryMessage(problems, newer));
      }
    }
    return state;
  }

  /** Applies a change and saves it at once. */
  async update(change: (state: ProgressState) => ProgressState): Promise<ProgressState> {
    const next = change(this.state);
    if (next === this.state) return next;
    this.state = next;
    this.changed.fire(next);
    await this.memento(this.scope()).update(StorageKeys.progress, storedValue(next));
    return next;
  }

  /** Re-reads after the scope setting changed, optionally copying the old scope's progress over. */
  async switchScope(from: ProgressScope, to: ProgressScope, copy: boolean): Promise<void> {
    if (copy) await this.memento(to).update(StorageKeys.progress, storedValue(this.read(from)));
    this.state = this.read(to);
    this.changed.fire(this.state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
