// When the learner switches where progress lives (this workspace ↔ all workspaces, synced),
// offer to copy the current progress over.
import * as vscode from 'vscode';
import { SCOPE_SETTING, type ProgressScope, type ProgressStore } from './store';
import { Settings } from '../ids';

export function registerScopeSwitch(context: vscode.ExtensionContext, progress: ProgressStore): void {
  let scope: ProgressScope = progress.scope();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(`${Settings.section}.${SCOPE_SETTING}`)) return;
      const from = scope;
      const to = progress.scope();
      if (from === to) return;
      scope = to;
      const where = to === 'global' ? 'all workspaces (synced)' : 'this workspace';
      const copy = await vscode.window.showInformationMessage(
        `Progress is now kept for ${where}. Copy your current progress there?`, 'Copy', 'Keep Separate');
      await progress.switchScope(from, to, copy === 'Copy');
    }),
  );
}
