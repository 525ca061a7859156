// The project lab feature: the Open Lab command, one panel per project (its controller lives
// exactly as long as the panel), restoring panels after a reload, and the optional re-run on save.
import * as vscode from 'vscode';
import { idFromArgument, pickProject } from '../common/commandTargets';
import { isInside } from '../common/workspaceUris';
import { registerReferenceFiles } from './referenceFiles';
import type { Project } from '../roadmap/model';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import type { ProjectLocations } from '../scaffold/locations';
import type { LabState } from '../shared/labProtocol';
import { LabController, RunRefused } from './labController';
import { LabPanel } from './labPanel';
import { LabResults } from './labResults';
import { Commands, Panels, Settings } from '../ids';
import { InterpreterChooser } from '../checks/interpreterProbe';
import { clearProbesOnChange } from './pythonSelection';
import { CountedReads } from './fileReads';
import { describeError } from '../shared/errors';

const RUN_ON_SAVE_DELAY_MS = 800;

export class LabManager implements vscode.Disposable {
  /** The controller of each open panel, disposed with it. */
  private readonly controllers = new Map<string, LabController>();
  readonly panels = new Map<string, LabPanel>();
  readonly results: LabResults;
  private readonly saveTimers = new Map<string, NodeJS.Timeout>();
  /** Which Python checks a project: probed once per interpreter and requirements, for every lab. */
  readonly interpreters = new InterpreterChooser();
  private readonly probesCleared = clearProbesOnChange(this.interpreters);
  /** Every file the labs read goes through here, counted. */
  readonly reads = new CountedReads(vscode.workspace.fs);

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly locations: ProjectLocations,
  ) {
    this.results = new LabResults(context.workspaceState);
    // A different roadmap (the custom-folder setting) means different milestone files: an open lab
    // whose project is still there reads them at once. (A lab whose project vanished keeps what it
    // shows.) A lab opened later starts from the new roadmap anyway.
    this.roadmapChanged = roadmap.onDidChange((loaded) => {
      const projects = new Map(loaded.roadmap.skills.flatMap((s) => s.projects).map((p) => [p.id, p]));
      for (const [id, c] of this.controllers) {
        const project = projects.get(id);
        if (project) c.switchRoadmap(loaded.folder, project);
      }
    });
  }

  private readonly roadmapChanged: vscode.Disposable;
  /**
   * One watcher for every open lab: a project folder deleted or moved away outside the editor.
   * It watches the whole workspace, so it exists only while a lab is open.
   */
  private deletions: vscode.FileSystemWatcher | undefined;

  /** Whether that watcher exists (for tests). */
  get watchingDeletions(): boolean {
    return this.deletions !== undefined;
  }

  private watchDeletions(): void {
    if (this.deletions) return;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    watcher.onDidDelete((uri) => { for (const c of this.controllers.values()) c.deleted(uri); });
    this.deletions = watcher;
  }

  private unwatchDeletionsIfIdle(): void {
    if (this.controllers.size > 0) return;
    this.deletions?.dispose();
    this.deletions = undefined;
  }

  private async project(id: string): Promise<Project | undefined> {
    const { roadmap } = await this.roadmap.get();
    return roadmap.skills.flatMap((s) => s.projects).find((p) => p.id === id);
  }

  private async create(projectId: string): Promise<LabController | undefined> {
    const project = await this.project(projectId);
    if (!project) return undefined;
    const { folder } = await this.roadmap.get();
    return new LabController(project, { roadmapFolder: folder, progress: this.progress, locations: this.locations, results: this.results, extensionDir: this.context.extensionUri.fsPath, interpreters: this.interpreters, files: this.reads, milestones: (id) => this.roadmap.milestones(id) });
  }

  /**
   * The controller of the project's open lab; with no lab open, a new one that no panel owns (the
   * caller disposes it). Tests and the bench drive a lab through this.
   */
  async controller(projectId: string): Promise<LabController | undefined> {
    return this.controllers.get(projectId) ?? this.create(projectId);
  }

  async open(projectId: string): Promise<LabPanel | undefined> {
    const open = this.panels.get(projectId);
    if (open) { open.reveal(); return open; }
    const controller = await this.create(projectId);
    if (!controller) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: no project has the id "{0}".', projectId));
      return undefined;
    }
    return this.track(projectId, LabPanel.create(this.context.extensionUri, controller), controller);
  }

  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const projectId = typeof state === 'object' && state !== null ? (state as Partial<LabState>).projectId : undefined;
    const controller = typeof projectId === 'string' ? await this.create(projectId) : undefined;
    if (!controller || !projectId) {
      panel.dispose();
      return;
    }
    this.track(projectId, new LabPanel(panel, this.context.extensionUri, controller), controller);
  }

  private track(projectId: string, panel: LabPanel, controller: LabController): LabPanel {
    this.panels.set(projectId, panel);
    this.controllers.set(projectId, controller);
    this.watchDeletions();
    panel.onDidDispose(() => {
      if (this.panels.get(projectId) === panel) {
        this.panels.delete(projectId);
        this.controllers.delete(projectId);
        clearTimeout(this.saveTimers.get(projectId));
        this.saveTimers.delete(projectId);
        this.unwatchDeletionsIfIdle();
      }
      controller.dispose();
    });
    return panel;
  }

  /** The project was started over (a fresh starter, no results): an open lab compares its tests again. */
  async startedOver(projectId: string): Promise<void> {
    await this.results.set(projectId, { milestones: {} });
    this.controllers.get(projectId)?.testsChanged();
  }

  /** Re-runs an open lab's checks when one of its project's files is saved, if the setting is on. */
  async onSaved(doc: vscode.TextDocument): Promise<void> {
    for (const [projectId, controller] of this.controllers) {
      const folder = await controller.folder();
      if (!folder || !isInside(folder, doc.uri)) continue;
      if (!vscode.workspace.getConfiguration(Settings.section, folder).get<boolean>(Settings.labRunOnSave, false)) continue;
      if (!vscode.workspace.isTrusted) continue;
      clearTimeout(this.saveTimers.get(projectId));
      this.saveTimers.set(projectId, setTimeout(() => void controller.run().catch(showRunError), RUN_ON_SAVE_DELAY_MS));
    }
  }

  dispose(): void {
    this.roadmapChanged.dispose();
    this.deletions?.dispose();
    this.probesCleared.dispose();
    for (const t of this.saveTimers.values()) clearTimeout(t);
    for (const p of [...this.panels.values()]) p.dispose();
    for (const c of this.controllers.values()) c.dispose();
  }
}

/** A run on save that could not start because of trust or scaffolding stays quiet; any other failure is shown, as the Run button shows it. */
function showRunError(err: unknown): void {
  if (err instanceof RunRefused && (err.reason === 'untrusted' || err.reason === 'not-scaffolded')) return;
  void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: {0}', describeError(err)));
}

export function registerLab(context: vscode.ExtensionContext, roadmap: RoadmapService, progress: ProgressStore, locations: ProjectLocations): LabManager {
  const labs = new LabManager(context, roadmap, progress, locations);
  registerReferenceFiles(context, async () => (await roadmap.get()).folder);
  context.subscriptions.push(
    labs,
    vscode.commands.registerCommand(Commands.openLab, async (arg?: unknown) => {
      const id = idFromArgument(arg) ?? (await pickProject((await roadmap.get()).roadmap.skills, { title: vscode.l10n.t('Open Project Lab'), placeHolder: vscode.l10n.t('Which project?') }))?.id;
      if (id) await labs.open(id);
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.lab, {
      deserializeWebviewPanel: (panel, state) => labs.revive(panel, state),
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => void labs.onSaved(doc)),
  );
  return labs;
}
