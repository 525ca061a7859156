// The project lab feature: the Open Lab command, one panel per project, restoring panels after a
// reload, and the optional re-run on save.
import * as vscode from 'vscode';
import { registerReferenceFiles } from './referenceFiles';
import type { Project } from '../roadmap/model';
import type { RoadmapService } from '../loader/roadmapService';
import type { ProgressStore } from '../progress/store';
import type { ProjectLocations } from '../scaffold/locations';
import type { LabState } from '../shared/protocol';
import { LabController } from './labController';
import { LabPanel } from './labPanel';
import { LabResults } from './labResults';
import { Commands, Panels, Settings } from '../ids';
import { InterpreterChooser } from '../checks/interpreterProbe';
import { clearProbesOnChange } from './interpreter';

const RUN_ON_SAVE_DELAY_MS = 800;

export class LabManager implements vscode.Disposable {
  private readonly controllers = new Map<string, LabController>();
  readonly panels = new Map<string, LabPanel>();
  readonly results: LabResults;
  private readonly saveTimers = new Map<string, NodeJS.Timeout>();
  /** Which Python checks a project: probed once per interpreter and requirements, for every lab. */
  readonly interpreters = new InterpreterChooser();
  private readonly probesCleared = clearProbesOnChange(this.interpreters);

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly roadmap: RoadmapService,
    private readonly progress: ProgressStore,
    private readonly locations: ProjectLocations,
  ) {
    this.results = new LabResults(context.workspaceState);
    // A different roadmap (the custom-folder setting) means different milestone files: an open lab
    // whose project is still there reads them at once; every other controller is dropped, so the
    // next lab starts from the new roadmap. (A lab whose project vanished keeps what it shows.)
    this.roadmapChanged = roadmap.onDidChange((loaded) => {
      const projects = new Map(loaded.roadmap.skills.flatMap((s) => s.projects).map((p) => [p.id, p]));
      for (const [id, c] of this.controllers) {
        const project = projects.get(id);
        if (this.panels.has(id)) {
          if (project) c.switchRoadmap(loaded.folder, project);
          continue;
        }
        c.dispose();
        this.controllers.delete(id);
      }
    });
  }

  private readonly roadmapChanged: vscode.Disposable;

  private async project(id: string): Promise<Project | undefined> {
    const { roadmap } = await this.roadmap.get();
    return roadmap.skills.flatMap((s) => s.projects).find((p) => p.id === id);
  }

  /** The project's controller, shared by its panel and by tests. */
  async controller(projectId: string): Promise<LabController | undefined> {
    const existing = this.controllers.get(projectId);
    if (existing) return existing;
    const project = await this.project(projectId);
    if (!project) return undefined;
    const { folder } = await this.roadmap.get();
    const controller = new LabController(project, { roadmapFolder: folder, progress: this.progress, locations: this.locations, results: this.results, extensionDir: this.context.extensionUri.fsPath, interpreters: this.interpreters });
    this.controllers.set(projectId, controller);
    return controller;
  }

  async open(projectId: string): Promise<LabPanel | undefined> {
    const open = this.panels.get(projectId);
    if (open) { open.reveal(); return open; }
    const controller = await this.controller(projectId);
    if (!controller) {
      void vscode.window.showErrorMessage(vscode.l10n.t('ML Roadmap: no project has the id "{0}".', projectId));
      return undefined;
    }
    return this.track(projectId, LabPanel.create(this.context.extensionUri, controller));
  }

  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const projectId = typeof state === 'object' && state !== null ? (state as Partial<LabState>).projectId : undefined;
    const controller = typeof projectId === 'string' ? await this.controller(projectId) : undefined;
    if (!controller || !projectId) {
      panel.dispose();
      return;
    }
    this.track(projectId, new LabPanel(panel, this.context.extensionUri, controller));
  }

  private track(projectId: string, panel: LabPanel): LabPanel {
    this.panels.set(projectId, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(projectId) === panel) this.panels.delete(projectId);
    });
    return panel;
  }

  /** Re-runs an open lab's checks when one of its project's files is saved, if the setting is on. */
  async onSaved(doc: vscode.TextDocument): Promise<void> {
    for (const [projectId] of this.panels) {
      const controller = this.controllers.get(projectId);
      const folder = await controller?.folder();
      if (!controller || !folder || !doc.uri.toString().startsWith(folder.toString().replace(/\/?$/, '/'))) continue;
      if (!vscode.workspace.getConfiguration(Settings.section, folder).get<boolean>('lab.runOnSave', false)) continue;
      if (!vscode.workspace.isTrusted) continue;
      clearTimeout(this.saveTimers.get(projectId));
      this.saveTimers.set(projectId, setTimeout(() => void controller.run().catch(() => undefined), RUN_ON_SAVE_DELAY_MS));
    }
  }

  dispose(): void {
    this.roadmapChanged.dispose();
    this.probesCleared.dispose();
    for (const t of this.saveTimers.values()) clearTimeout(t);
    for (const p of this.panels.values()) p.dispose();
    for (const c of this.controllers.values()) c.dispose();
  }
}

export function registerLab(context: vscode.ExtensionContext, roadmap: RoadmapService, progress: ProgressStore, locations: ProjectLocations): LabManager {
  const labs = new LabManager(context, roadmap, progress, locations);
  registerReferenceFiles(context, async () => (await roadmap.get()).folder);
  context.subscriptions.push(
    labs,
    vscode.commands.registerCommand(Commands.openLab, async (arg?: unknown) => {
      const id = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && 'id' in arg ? String((arg as { id: unknown }).id) : await pickProjectId(roadmap);
      if (id) await labs.open(id);
    }),
    vscode.window.registerWebviewPanelSerializer(Panels.lab, {
      deserializeWebviewPanel: (panel, state) => labs.revive(panel, state),
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => void labs.onSaved(doc)),
  );
  return labs;
}

async function pickProjectId(roadmap: RoadmapService): Promise<string | undefined> {
  const { roadmap: rm } = await roadmap.get();
  const items: (vscode.QuickPickItem & { id?: string })[] = [];
  for (const skill of rm.skills) {
    items.push({ label: `${skill.order}. ${skill.title}`, kind: vscode.QuickPickItemKind.Separator });
    for (const p of skill.projects) items.push({ label: `$(beaker) ${p.title}`, detail: p.description, id: p.id });
  }
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open Project Lab'), placeHolder: vscode.l10n.t('Which project?'), matchOnDetail: true }))?.id;
}
