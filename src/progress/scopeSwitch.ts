// When the learner switches where progress lives (this workspace ↔ all workspaces, synced),
// offer to copy the current progress over.
import * as vscode from 'vscode';
import { type ProgressScope, type ProgressStore } from './store';
import { Settings } from '../ids';

export function registerScopeSwitch(context: vscode.ExtensionContext, progress: ProgressStore): void {
  let scope: ProgressScope = progress.scope();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(`${Settings.section}.${Settings.progressScope}`)) return;
      const from = scope;
      const to = progress.scope();
      if (from === to) return;
      scope = to;
      const where = to === 'global' ? vscode.l10n.t('all workspaces (synced)') : vscode.l10n.t('this workspace');
      const copyAction = vscode.l10n.t('Copy');
      const copy = await vscode.window.showInformationMessage(
        vscode.l10n.t('Progress is now kept for {0}. Copy your current progress there?', where), copyAction, vscode.l10n.t('Keep Separate'));
      await progress.switchScope(from, to, copy === copyAction);
    }),
  );
}
