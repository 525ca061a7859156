// "Scaffold Project…": writes a project's starter template into a new folder of the workspace.
// Never overwrites (existence is checked again by each write itself), refuses paths that would
// escape the target or break on Windows or macOS, and reports partial failures. When the folder
// already exists it offers to write only the missing files, open the lab, reveal it, or go elsewhere.
import * as vscode from 'vscode';
import type { Project, Skill } from '../roadmap/model';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import { markScaffolded } from '../progress/state';
import { planScaffold, summarise, type ScaffoldPlan } from './plan';
import { checkPortablePath } from '../shared/safePath';
import { kindOf, probeDestination, starterFiles, templateFolder } from './templateFiles';
import { createAll, type Target } from './createNew';
import { Commands, ContextKeys } from '../ids';
import { stepDone } from '../walkthrough/steps';
import type { ProjectLocations } from './locations';
import { describeError } from '../shared/errors';
import { idFromArgument, pickProject as pickProjectOf } from '../common/commandTargets';

/** Options that let other features and tests skip the questions. */
export interface ScaffoldOptions {
  readonly workspaceFolder?: vscode.Uri;
  readonly folderName?: string;
  /** What to do when files exist, instead of asking. */
  readonly onConflict?: 'write-missing' | 'cancel';
  /** Do not open the README / offer the lab afterwards. */
  readonly quiet?: boolean;
}

export interface ScaffoldResult {
  readonly target: vscode.Uri;
  readonly written: readonly string[];
  readonly skipped: readonly string[];
}

export function registerScaffoldCommand(context: vscode.ExtensionContext, roadmap: RoadmapService, progress: ProgressStore, locations: ProjectLocations): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.scaffoldProject, async (arg?: unknown, options: ScaffoldOptions = {}) => {
      const loaded = await roadmap.get();
      const project = await pickProject(loaded.roadmap.skills, arg);
      if (!project) return undefined;
      const template = templateFolder(loaded.folder, project.id);
      if ((await kindOf(template)) !== 'directory') {
        void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" has no starter template yet. Its description and milestones are in the roadmap.', project.title));
        return undefined;
      }
      let sources: Map<string, vscode.Uri>;
      try {
        sources = await starterFiles(template, context.extensionUri);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: cannot scaffold "{0}", nothing was written: {1}.', project.title, describeError(err)));
        return undefined;
      }
      return scaffold(project, sources, options, progress, locations);
    }),
  );
}

async function pickProject(skills: readonly Skill[], arg: unknown): Promise<Project | undefined> {
  const all = skills.flatMap((s) => s.projects);
  const id = idFromArgument(arg);
  if (id !== undefined) {
    const found = all.find((p) => p.id === id);
    if (!found) void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: no project has the id "{0}".', id));
    return found;
  }
  return pickProjectOf(skills, { title: vscode.l10n.t('Scaffold Project'), placeHolder: vscode.l10n.t('Which project do you want to start?') });
}

async function chooseWorkspaceFolder(options: ScaffoldOptions): Promise<{ root: vscode.Uri; opened: boolean } | undefined> {
  if (options.workspaceFolder) return { root: options.workspaceFolder, opened: true };
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return { root: folders[0].uri, opened: true };
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Scaffold the project into which workspace folder?') });
    return picked && { root: picked.uri, opened: true };
  }
  const chooseFolder = vscode.l10n.t('Choose Folder…');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No folder is open. Choose a folder to scaffold the project into; it will be opened afterwards.'), chooseFolder);
  if (choice !== chooseFolder) return undefined;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Scaffold Here') });
  return picked?.[0] && { root: picked[0], opened: false };
}

async function scaffold(project: Project, sources: ReadonlyMap<string, vscode.Uri>, options: ScaffoldOptions, progress: ProgressStore, locations: ProjectLocations): Promise<ScaffoldResult | undefined> {
  const chosen = await chooseWorkspaceFolder(options);
  if (!chosen) return undefined;
  let folderName = options.folderName ?? project.id;
  const files = [...sources.keys()].sort();

  for (;;) {
    if (options.folderName === undefined) {
      const name = await vscode.window.showInputBox({
        title: vscode.l10n.t('Scaffold "{0}"', project.title),
        prompt: vscode.l10n.t('Folder inside {0} for the project', vscode.workspace.asRelativePath(chosen.root, true)),
        value: folderName,
        validateInput: (v) => { const c = checkPortablePath(v.trim()); return 'reason' in c ? vscode.l10n.t('Not a usable folder inside the workspace: {0}', c.reason) : undefined; },
      });
      if (name === undefined) return undefined;
      folderName = name.trim();
    }
    const checked = checkPortablePath(folderName);
    if ('reason' in checked) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: cannot scaffold into "{0}": {1}.', folderName, checked.reason));
      return undefined;
    }
    // The folder and everything in it are planned as one path set, so a symlinked folder is refused too.
    const kinds = await probeDestination(chosen.root, files.map((f) => `${folderName}/${f}`));
    const plan = planScaffold(files.map((f) => `${folderName}/${f}`), (p) => kinds.get(p) ?? 'missing', folderName);
    const target = vscode.Uri.joinPath(chosen.root, ...checked.segments);
    if (plan.targetIsFile !== undefined) {
      const what = plan.targetIsFile === folderName ? vscode.l10n.t('"{0}" is an existing file, not a folder', folderName) : vscode.l10n.t('"{0}" is an existing file, so "{1}" cannot be a folder inside it', plan.targetIsFile, folderName);
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: cannot scaffold into "{0}": {1}. Nothing was written; choose another folder name.', folderName, what));
      if (options.folderName !== undefined) return undefined;
      folderName = `${folderName}-2`;
      continue;
    }
    if (plan.refused.length) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: nothing was written. {0}', plan.refused.map((r) => `${r.path}: ${r.reason}`).join('; ')));
      return undefined;
    }
    const decision = await resolveConflicts(plan, folderName, options);
    if (decision === 'cancel') return undefined;
    if (decision === 'open-lab') {
      // The project is already there: check it in the lab instead of scaffolding again.
      await locations.remember(project.id, target);
      await vscode.commands.executeCommand(Commands.openLab, project.id);
      return undefined;
    }
    if (decision === 'reveal') {
      await vscode.commands.executeCommand('revealInExplorer', target);
      return undefined;
    }
    if (decision === 'another-folder') { folderName = `${folderName}-2`; continue; }
    const strip = (p: string): string => p.slice(folderName.length + 1);
    return write(project, sources, { root: chosen.root, segments: checked.segments, uri: target }, plan.writes.map(strip), plan.conflicts.map(strip), options, progress, locations, chosen.opened);
  }
}

async function resolveConflicts(plan: ScaffoldPlan, folderName: string, options: ScaffoldOptions): Promise<'write' | 'cancel' | 'another-folder' | 'open-lab' | 'reveal'> {
  if (!plan.conflicts.length) return 'write';
  if (options.onConflict) return options.onConflict === 'write-missing' && plan.writes.length ? 'write' : 'cancel';
  const names = plan.conflicts.map((c) => c.slice(folderName.length + 1));
  const writeMissing = vscode.l10n.t('Write Only Missing Files'), openLab = vscode.l10n.t('Open Lab'), reveal = vscode.l10n.t('Reveal Folder'), another = vscode.l10n.t('Choose Another Folder');
  const buttons = [...(plan.writes.length ? [writeMissing] : []), openLab, reveal, another];
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} file(s) already exist in "{1}" and will not be overwritten: {2}.', names.length, folderName, summarise(names)),
    { modal: true, detail: plan.writes.length ? vscode.l10n.t('{0} file(s) are missing and can be written.', plan.writes.length) : vscode.l10n.t('Every template file already exists.') },
    ...buttons,
  );
  if (answer === writeMissing) return 'write';
  if (answer === another) return 'another-folder';
  if (answer === openLab) return 'open-lab';
  if (answer === reveal) return 'reveal';
  return 'cancel';
}

async function write(
  project: Project, sources: ReadonlyMap<string, vscode.Uri>, destination: Target, writes: readonly string[], planned: readonly string[],
  options: ScaffoldOptions, progress: ProgressStore, locations: ProjectLocations, opened: boolean,
): Promise<ScaffoldResult | undefined> {
  const target = destination.uri;
  const { written, existing, failure } = await createAll(destination, writes.map((rel) => [rel, sources.get(rel)!] as const));
  const skipped = [...planned, ...existing];
  if (failure) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('ML Roadmap: scaffolding "{0}" stopped: {1}. {2}', project.title, failure.message,
        written.length ? vscode.l10n.t('Written before the failure: {0}.', summarise(written)) : vscode.l10n.t('No file was written.')),
    );
    return undefined;
  }
  // Both take effect at once (progress.current, the tree, locations.find and the labs see them);
  // storing them is a round trip to the window, which the result does not wait for, except before
  // opening another folder (the extension host restarts). A failure to store them is reported.
  const stored = Promise.all([progress.update((s) => markScaffolded(s, project.id, new Date())), locations.remember(project.id, target)]).then(() => undefined, (err: unknown) => {
    void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmap: "{0}" was scaffolded, but the workspace\'s state could not record it: {1}.', project.title, describeError(err)));
  });
  if (written.length) stepDone(ContextKeys.projectScaffolded);
  const result: ScaffoldResult = { target, written, skipped };
  if (!opened) {
    await stored;
    await vscode.commands.executeCommand('vscode.openFolder', target);
    return result;
  }
  if (!options.quiet) {
    const readme = vscode.Uri.joinPath(target, 'README.md');
    if ((await kindOf(readme)) === 'file') await vscode.commands.executeCommand('markdown.showPreview', readme).then(undefined, () => vscode.window.showTextDocument(readme));
    void vscode.commands.executeCommand('revealInExplorer', target);
    const summary = skipped.length ? vscode.l10n.t('{0} file(s) written, {1} existing file(s) left as they were.', written.length, skipped.length) : vscode.l10n.t('{0} file(s) written.', written.length);
    const openLab = vscode.l10n.t('Open Lab');
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is ready in {1}. {2}', project.title, vscode.workspace.asRelativePath(target), summary), openLab).then((a) => {
      if (a === openLab) void vscode.commands.executeCommand(Commands.openLab, project.id);
    });
  }
  return result;
}
