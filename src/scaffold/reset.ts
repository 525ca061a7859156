// "Start Project Over…": a project back to its untouched starter, losing nothing. The current folder
// is renamed to a dated sibling (kept whole, with everything the learner added), a fresh copy of the
// template is written where it was, and the project's ticks and lab results are cleared.
import * as vscode from 'vscode';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import { markScaffolded, resetItems } from '../progress/state';
import { keptFolderName, summarise } from './plan';
import { kindOf, starterFiles, templateFolder } from './templateFiles';
import type { ProjectLocations } from './locations';
import { createAll, type CreateAllResult, type Target } from './createNew';
import { Commands } from '../ids';
import { describeError } from '../shared/errors';
import { idFromArgument } from '../common/commandTargets';
import { isInside, pathInside } from '../common/workspaceUris';

export interface ResetOptions {
  /** Skip the confirmation (tests, and callers that already asked). */
  readonly confirmed?: boolean;
}

export interface ResetResult {
  /** Where the learner's previous work now is. */
  readonly kept: vscode.Uri;
  readonly written: readonly string[];
}

/** `clearResults` forgets the lab's stored results for a project. */
export function registerReset(
  context: vscode.ExtensionContext, roadmap: RoadmapService, progress: ProgressStore, locations: ProjectLocations,
  clearResults: (projectId: string) => Promise<void>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.resetProject, async (arg?: unknown, options: ResetOptions = {}): Promise<ResetResult | undefined> => {
      const { roadmap: model, folder: roadmapFolder } = await roadmap.get();
      const projects = model.skills.flatMap((s) => s.projects);
      const id = idFromArgument(arg);
      const project = id !== undefined ? projects.find((p) => p.id === id) : await pickScaffolded(projects, locations);
      if (!project) {
        if (id !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: no project has the id "{0}".', id));
        return undefined;
      }
      const folder = await locations.find(project.id);
      if (!folder) {
        void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not scaffolded in this workspace: there is nothing to start over.', project.title));
        return undefined;
      }
      const template = templateFolder(roadmapFolder, project.id);
      if ((await kindOf(template)) !== 'directory') {
        void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no starter template to start over from.', project.title));
        return undefined;
      }
      if ((vscode.workspace.workspaceFolders ?? []).some((w) => w.uri.toString() === folder.toString())) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('"{0}" is the open workspace folder itself, so it cannot be set aside under another name from here. Open its parent folder and run Start Project Over… again, or copy the starter by hand.', project.title),
        );
        return undefined;
      }
      const parent = vscode.Uri.joinPath(folder, '..');
      const name = folder.path.split('/').pop()!;
      const existing = new Set((await vscode.workspace.fs.readDirectory(parent)).map(([n]) => n));
      const keptName = keptFolderName(name, new Date(), (n) => existing.has(n));
      if (!options.confirmed) {
        const startOver = vscode.l10n.t('Start Over');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Start "{0}" over from the starter?', project.title),
          {
            modal: true,
            detail: vscode.l10n.t('Your current folder is kept, untouched, as {0}. A fresh copy of the starter is written to {1}, and the project\'s milestone ticks and lab results are cleared. Your notes stay.', keptName, vscode.workspace.asRelativePath(folder, true)),
          },
          startOver,
        );
        if (answer !== startOver) return undefined;
      }
      const kept = vscode.Uri.joinPath(parent, keptName);
      // Unsaved edits belong to the learner's work, so they go into the kept folder with it.
      await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && isInside(folder, d.uri)).map((d) => d.save()));
      try {
        await vscode.workspace.fs.rename(folder, kept, { overwrite: false });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: could not start over, nothing was changed: {0}', describeError(err)));
        return undefined;
      }
      // The folder is gone now: each file is created only if nothing took its name meanwhile (a
      // process of the learner's still writing there), never over it.
      const target: Target = { root: parent, segments: [name], uri: folder };
      let outcome: CreateAllResult;
      try {
        outcome = await createAll(target, [...(await starterFiles(template, context.extensionUri))].sort(([a], [b]) => a.localeCompare(b)));
      } catch (err) {
        outcome = { written: [], existing: [], failure: err instanceof Error ? err : new Error(String(err)) };
      }
      const { written, existing: appeared, failure } = outcome;
      if (failure) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('ML Roadmap: the fresh starter stopped part-way ({0}); {1}. Your previous work is safe in {2}.', failure.message,
            written.length ? vscode.l10n.t('written: {0}', summarise(written)) : vscode.l10n.t('nothing was written'), keptName),
        );
        return undefined;
      }
      await moveEditorsToFreshFiles(kept, folder);
      await clearResults(project.id);
      await progress.update((s) => markScaffolded(resetItems(s, [project.id]), project.id, new Date()));
      await locations.remember(project.id, folder);
      if (appeared.length) {
        void vscode.window.showWarningMessage(appeared.length === 1
          ? vscode.l10n.t('"{0}" starts over from the starter, except {1}: something created it while the starter was written, and it was left as it is. Your previous work is in {2}.', project.title, summarise(appeared), keptName)
          : vscode.l10n.t('"{0}" starts over from the starter, except {1}: something created them while the starter was written, and they were left as they are. Your previous work is in {2}.', project.title, summarise(appeared), keptName));
      } else {
        void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" starts over from the starter. Your previous work is in {1}.', project.title, keptName));
      }
      return { kept, written };
    }),
  );
}

/**
 * The editor follows a renamed folder, so the learner's open tabs now show the kept copy: put each
 * one back on the fresh file of the same name (when the starter has it), in the same column, so
 * nobody keeps typing into the backup while the lab checks the new folder.
 */
async function moveEditorsToFreshFiles(kept: vscode.Uri, folder: vscode.Uri): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!(tab.input instanceof vscode.TabInputText) || !isInside(kept, tab.input.uri)) continue;
      const fresh = vscode.Uri.joinPath(folder, pathInside(kept, tab.input.uri)!);
      const exists = await vscode.workspace.fs.stat(fresh).then(() => true, () => false);
      await vscode.window.tabGroups.close(tab, true);
      if (exists) await vscode.window.showTextDocument(fresh, { viewColumn: group.viewColumn, preview: false, preserveFocus: true });
    }
  }
}

async function pickScaffolded(projects: readonly { id: string; title: string; description: string }[], locations: ProjectLocations) {
  const found = (await Promise.all(projects.map(async (p) => ({ p, folder: await locations.find(p.id) })))).filter((x) => x.folder);
  if (!found.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No project is scaffolded in this workspace yet.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    found.map(({ p, folder }) => ({ label: p.title, description: vscode.workspace.asRelativePath(folder!, true), id: p.id })),
    { title: vscode.l10n.t('Start Project Over'), placeHolder: vscode.l10n.t('Which project goes back to its starter? (its folder is kept under another name)') },
  );
  return pick && projects.find((p) => p.id === pick.id);
}
