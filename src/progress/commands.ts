// Progress commands: mark done / not done, notes, reset (with undo), export and import.
// Each accepts the tree node it is invoked on, or an item id (palette, tests, other features).
import * as vscode from 'vscode';
import type { ProgressStore } from './store';
import { itemOf, setDone, setNote, resetItems, type ProgressState } from './state';
import { skillItemIds } from './summary';
import { applyImport, exportProgress, importTooLarge, parseImport } from './transfer';
import { countChanges, describeChanges, describeUndo, undoChange } from './changes';
import type { RoadmapService } from '../loader/roadmapService';
import type { Skill, Topic, Project } from '../roadmap/model';
import { Commands } from '../ids';
import { webLink } from '../shared/webLink';
import { describeError } from '../shared/errors';
import { idFromArgument } from '../common/commandTargets';

type Item = Skill | Topic | Project;

/** Export's and Import's file dialogs: both in the first workspace folder, where Export suggests its file. */
export function progressDialogs(): { save: vscode.SaveDialogOptions; open: vscode.OpenDialogOptions } {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const filters = { JSON: ['json'] };
  return {
    save: { title: vscode.l10n.t('Export ML Roadmap progress'), filters, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'ml-roadmap-progress.json') } : {}) },
    open: { title: vscode.l10n.t('Import ML Roadmap progress'), filters, canSelectMany: false, ...(folder ? { defaultUri: folder } : {}) },
  };
}

/**
 * `focused` gives the roadmap tree's focused row: a keybinding scoped to the tree passes
 * `{ focused: true }` (package.json) instead of an item.
 */
export function registerProgressCommands(context: vscode.ExtensionContext, progress: ProgressStore, roadmap: RoadmapService, focused?: () => Promise<unknown>): void {
  /** The item a command was invoked on: a tree node, an id, the tree's focused row, or one picked from a list. */
  async function resolve(arg: unknown, placeHolder: string): Promise<Item | undefined> {
    if (focused && typeof arg === 'object' && arg !== null && (arg as { focused?: unknown }).focused === true) {
      arg = await focused();
      if (typeof arg !== 'object' || arg === null || !('id' in arg)) return undefined; // a resource row or nothing: no item to mark
    }
    const { roadmap: rm } = await roadmap.get();
    const all: Item[] = rm.skills.flatMap((s) => [s, ...s.topics, ...s.projects]);
    const id = idFromArgument(arg);
    if (id !== undefined) {
      const found = all.find((i) => i.id === id);
      if (!found) void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: no skill, topic or project has the id "{0}".', id));
      return found;
    }
    const kinds = { skill: vscode.l10n.t('skill'), topic: vscode.l10n.t('topic'), project: vscode.l10n.t('project') };
    const pick = await vscode.window.showQuickPick(
      all.map((i) => ({ label: i.title, description: kinds[i.kind], item: i })),
      { placeHolder, matchOnDescription: true },
    );
    return pick?.item;
  }

  const idsOf = (item: Item): string[] => (item.kind === 'skill' ? skillItemIds(item) : [item.id]);

  /**
   * Says what a bulk change did and offers Undo. Undo works whenever it is clicked (the message
   * waits in the notification centre): it puts back what the change touched, except the items
   * changed again since, so it is never offered where it would not work or would undo newer work.
   */
  async function withUndo(message: string, before: ProgressState, after: ProgressState): Promise<void> {
    const undo = vscode.l10n.t('Undo');
    const answer = await vscode.window.showInformationMessage(message, undo);
    if (answer !== undo) return;
    let result: ReturnType<typeof undoChange> | undefined;
    await progress.update((now) => {
      result = undoChange(before, after, now);
      return result.state;
    });
    if (result) void vscode.window.showInformationMessage(vscode.l10n.t('ML Roadmap: {0}', describeUndo(result)));
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.markDone, async (arg?: unknown) => {
      const item = await resolve(arg, vscode.l10n.t('Mark which item as done?'));
      if (item) await progress.update((s) => setDone(s, idsOf(item), true, new Date()));
    }),
    vscode.commands.registerCommand(Commands.markNotDone, async (arg?: unknown) => {
      const item = await resolve(arg, vscode.l10n.t('Mark which item as not done?'));
      if (item) await progress.update((s) => setDone(s, idsOf(item), false, new Date()));
    }),
    vscode.commands.registerCommand(Commands.editNote, async (arg?: unknown, text?: unknown) => {
      const item = await resolve(arg, vscode.l10n.t('Add a note to which topic or project?'));
      if (!item) return;
      const note = typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: vscode.l10n.t('Note for "{0}"', item.title),
        prompt: vscode.l10n.t('Your own note; it shows in the tooltip and is exported with your progress. Leave empty to delete it.'),
        value: itemOf(progress.current, item.id)?.note ?? '',
        validateInput: (v) => (v.length > 10_000 ? vscode.l10n.t('A note can be at most 10,000 characters.') : undefined),
      });
      if (note !== undefined) await progress.update((s) => setNote(s, item.id, note));
    }),
    vscode.commands.registerCommand(Commands.resetSkill, async (arg?: unknown, options?: { confirmed?: boolean }) => {
      const item = await resolve(arg, vscode.l10n.t('Reset the progress of which skill?'));
      if (!item) return;
      const ids = idsOf(item);
      if (!options?.confirmed) {
        const reset = vscode.l10n.t('Reset');
        const ok = await vscode.window.showWarningMessage(
          vscode.l10n.t('Reset the progress of "{0}" ({1} items)? Your notes are kept.', item.title, ids.length), { modal: true }, reset);
        if (ok !== reset) return;
      }
      const before = progress.current;
      const after = await progress.update((s) => resetItems(s, ids));
      if (!options?.confirmed) void withUndo(vscode.l10n.t('Progress of "{0}" reset.', item.title), before, after);
    }),
    vscode.commands.registerCommand(Commands.resetAll, async (options?: { confirmed?: boolean }) => {
      const { roadmap: rm } = await roadmap.get();
      const ids = rm.skills.flatMap(skillItemIds);
      if (!options?.confirmed) {
        const resetAll = vscode.l10n.t('Reset All');
        const ok = await vscode.window.showWarningMessage(
          vscode.l10n.t('Reset all roadmap progress? Your notes are kept, and you can undo it afterwards.'), { modal: true }, resetAll);
        if (ok !== resetAll) return;
      }
      const before = progress.current;
      const after = await progress.update((s) => resetItems(s, ids));
      if (!options?.confirmed) void withUndo(vscode.l10n.t('All roadmap progress reset.'), before, after);
    }),
    // From a view's menu the first argument is not a file (the view passes its own context): only a
    // Uri is a target, anything else means "ask".
    vscode.commands.registerCommand(Commands.exportProgress, async (arg?: unknown) => {
      const target = arg instanceof vscode.Uri ? arg : undefined;
      const uri = target ?? (await vscode.window.showSaveDialog(progressDialogs().save));
      if (!uri) return;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportProgress(progress.current, new Date())));
      if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Progress exported to {0}.', vscode.workspace.asRelativePath(uri)));
    }),
    // `options.confirmed` skips the question before an import that would clear everything (tests).
    vscode.commands.registerCommand(Commands.importProgress, async (arg?: unknown, modeArg?: unknown, options?: { confirmed?: boolean }) => {
      const source = arg instanceof vscode.Uri ? arg : undefined;
      const uri = source ?? (await vscode.window.showOpenDialog(progressDialogs().open))?.[0];
      if (!uri) return false;
      const refuse = (reason: string): false => {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: the progress file was not imported: {0}. Your progress is unchanged.', reason));
        return false;
      };
      let text: string;
      try {
        const large = importTooLarge((await vscode.workspace.fs.stat(uri)).size);
        if (large) return refuse(large);
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: could not read {0}: {1}', uri.fsPath, describeError(err)));
        return false;
      }
      const parsed = parseImport(text);
      if (!parsed.ok) return refuse(parsed.reason);
      const newer = parsed.newer ? vscode.l10n.t(' (written by a newer ML Roadmap: fields this version does not know are kept)') : '';
      const mode = modeArg === 'merge' || modeArg === 'replace' ? modeArg : (await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Merge'), description: vscode.l10n.t('keep current progress, add the file\'s'), mode: 'merge' as const },
          { label: vscode.l10n.t('Replace'), description: vscode.l10n.t('use the file\'s progress instead of the current'), mode: 'replace' as const },
        ],
        { placeHolder: vscode.l10n.t('Import {0} entries{1}: merge or replace?', Object.keys(parsed.state.items).length, newer) },
      ))?.mode;
      if (!mode) return false;
      const { clears } = applyImport(progress.current, parsed.state, mode);
      if (clears > 0 && !options?.confirmed) {
        const replace = vscode.l10n.t('Replace');
        const ok = await vscode.window.showWarningMessage(
          vscode.l10n.t('The file holds no progress: replacing would clear all {0} items of your current progress. Replace anyway?', clears),
          { modal: true }, replace);
        if (ok !== replace) return false;
      }
      let notes: readonly string[] = [];
      let before = progress.current;
      const after = await progress.update((s) => {
        before = s;
        const plan = applyImport(s, parsed.state, mode);
        notes = plan.notes;
        return plan.state;
      });
      const changes = describeChanges(countChanges(before, after));
      const told = [
        ...(parsed.newer ? [vscode.l10n.t('the file was written by a newer ML Roadmap (progress version {0}): update the extension to see all of it; what this version does not know is kept', parsed.newer)] : []),
        ...notes.slice(0, 3), ...(notes.length > 3 ? [vscode.l10n.t('+{0} more', notes.length - 3)] : []),
      ];
      const file = vscode.workspace.asRelativePath(uri);
      const modeText = mode === 'merge' ? vscode.l10n.t('merge') : vscode.l10n.t('replace');
      const more = told.length ? `; ${told.join('; ')}` : '';
      const said = changes
        ? vscode.l10n.t('ML Roadmap imported {0} ({1}): {2}{3}.', file, modeText, changes, more)
        : vscode.l10n.t('ML Roadmap: {0} changed nothing: your progress already holds all of it{1}.', file, more);
      if (changes) void withUndo(said, before, after);
      else void vscode.window.showInformationMessage(said);
      return true;
    }),
    vscode.commands.registerCommand(Commands.openResource, async (url?: unknown) => {
      const href = webLink(url);
      if (href === undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0} is not a web link (http or https), so it was not opened.', JSON.stringify(String(url).slice(0, 200))));
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
    }),
  );
}
