// What the lab does in the editor for the learner: save the project's open files before a run, open
// a project file it offers (beside the lab, at a line), diff the learner's files with the reference
// solution, and type the install command into a terminal.
import * as vscode from 'vscode';
import { isInside } from '../common/workspaceUris';
import type { Milestone } from '../roadmap/milestones';
import { referenceUri } from './referenceFiles';
import { resolveOfferedFile } from './offeredFiles';

/** Saves the unsaved documents inside `folder`, so a run checks what the learner sees. */
export async function saveProjectDocuments(folder: vscode.Uri): Promise<void> {
  await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && isInside(folder, d.uri)).map((d) => d.save()));
}

/**
 * Opens `relativePath` of the project at `line` when given, in `column`: only one of `offered`, at
 * its real path inside the project (offeredFiles.ts). Throws an Error saying why when it is refused.
 */
export async function openProjectFile(folder: vscode.Uri, relativePath: string, offered: ReadonlySet<string>, line: number | undefined, column: vscode.ViewColumn): Promise<void> {
  const resolved = await resolveOfferedFile(folder.fsPath, relativePath, offered);
  if ('refused' in resolved) throw new Error(`${resolved.refused}.`);
  const at = line !== undefined ? new vscode.Position(line - 1, 0) : undefined;
  await vscode.window.showTextDocument(vscode.Uri.file(resolved.path), { preview: false, viewColumn: column, ...(at ? { selection: new vscode.Range(at, at) } : {}) });
}

/**
 * Opens VS Code's diff between the reference (the solution's file, else the template's, read-only)
 * and the learner's file, for each file the milestone compares. Before the milestone has passed,
 * asks first unless `confirmed`.
 */
export async function compareWithReference(milestone: Milestone, projectRoot: vscode.Uri, folder: vscode.Uri, passed: boolean, confirmed: boolean, column: vscode.ViewColumn): Promise<void> {
  if (!passed && !confirmed) {
    const showReference = vscode.l10n.t('Show Reference');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('"{0}" has not passed yet. Look at the reference solution anyway?', milestone.title),
      { modal: true, detail: vscode.l10n.t('Trying a hint first usually teaches more.') }, showReference);
    if (answer !== showReference) return;
  }
  for (const file of milestone.compare) {
    const parts = file.split('/');
    let reference = vscode.Uri.joinPath(projectRoot, 'solution', ...parts);
    try { await vscode.workspace.fs.stat(reference); } catch { reference = vscode.Uri.joinPath(projectRoot, 'template', ...parts); }
    // The reference on the left, read-only; the learner's file on the right, editable.
    await vscode.commands.executeCommand('vscode.diff', referenceUri(reference), vscode.Uri.joinPath(folder, ...parts), vscode.l10n.t('{0}: reference ↔ yours', file), { preview: false, viewColumn: column });
  }
}

/** Opens a terminal in the project folder with the install command typed but not run. */
export function openInstallTerminal(folder: vscode.Uri, command: string, projectTitle: string): void {
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Install: {0}', projectTitle), cwd: folder });
  terminal.show();
  terminal.sendText(command, false);
}
