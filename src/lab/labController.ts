// One open project lab: gathers the facts (LabProject: milestones, template tests, drift, read
// once), the stored results and the learner's ticks into the LabState it draws (labView.ts), runs
// the checks (one run at a time, the latest wins: runSession.ts), records what a run or a tick by
// hand changes (recordResults.ts) and does the editor actions (labEditorActions.ts,
// pythonSelection.ts). It redraws on a progress change, a trust grant or a changed test file.
import * as vscode from 'vscode';
import { checkLabel } from '../checks/kinds';
import { isInside, pathInside } from '../common/workspaceUris';
import type { Project } from '../roadmap/model';
import type { ProgressStore } from '../progress/store';
import { itemOf, setMilestones } from '../progress/state';
import type { ProjectLocations } from '../scaffold/locations';
import type { LabState } from '../shared/labProtocol';
import type { LabResults } from './labResults';
import { openPythonPathSetting, pythonFromExtension, pythonSetting, selectInterpreter } from './pythonSelection';
import type { InterpreterChooser } from '../checks/interpreterProbe';
import { describePick, runLabChecks } from './runLabChecks';
import { runProcess } from '../checks/process';
import { ContextKeys, Settings } from '../ids';
import { stepDone } from '../walkthrough/steps';
import { isExpectationFile, type TestDrift } from '../checks/testIntegrity';
import { offeredFiles, failureFiles } from './offeredFiles';
import { LabProject, type FileReader } from './labProject';
import { labState } from './labView';
import { RunSession } from './runSession';
import { recordRun, recordTick } from './recordResults';
import { compareWithReference, openInstallTerminal, openProjectFile, saveProjectDocuments } from './labEditorActions';
import type { MilestoneCell } from '../roadmap/milestoneCells';

export interface LabDeps {
  readonly roadmapFolder: vscode.Uri;
  readonly progress: ProgressStore;
  readonly locations: ProjectLocations;
  readonly results: LabResults;
  readonly extensionDir: string;
  /** Probes the Python candidates, shared by every lab. */
  readonly interpreters: InterpreterChooser;
  /** Where the lab reads the roadmap's and the project's files (counted: see fileReads.ts). */
  readonly files: FileReader;
  /** A project's milestones in the active roadmap (RoadmapService.milestones). */
  readonly milestones: (projectId: string) => Promise<MilestoneCell[]>;
}

/** Why a run did not start: the workspace is not trusted, the project is not scaffolded, no such milestone. */
export class RunRefused extends Error {
  constructor(message: string, readonly reason: 'untrusted' | 'not-scaffolded' | 'no-milestone') {
    super(message);
  }
}

export class LabController implements vscode.Disposable {
  private readonly facts: LabProject;
  private readonly session = new RunSession();
  private environment: LabState['environment'];
  private interpreter: LabState['interpreter'];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(project: Project, private readonly deps: LabDeps) {
    this.facts = new LabProject(project, deps.roadmapFolder, deps.files, deps.milestones);
    this.subscriptions = [
      deps.progress.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => { this.changed.fire(); this.prepare(); }),
      // An edited, created or deleted test file changes what the lab warns about.
      vscode.workspace.onDidSaveTextDocument((d) => this.testsChangedIf([d.uri])),
      vscode.workspace.onDidCreateFiles((e) => { this.folderMayHaveMoved(); this.testsChangedIf(e.files); }),
      vscode.workspace.onDidDeleteFiles((e) => { this.folderMayHaveMoved(); this.testsChangedIf(e.files); }),
      vscode.workspace.onDidRenameFiles(() => this.folderMayHaveMoved()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.folderMayHaveMoved()),
      deps.locations.onDidChange((id) => { if (id === this.project.id) this.folderMayHaveMoved(); }),
      this.changed,
    ];
  }

  /** The folder as last found (state() asks no file system); undefined before it is looked up. */
  private found: Promise<vscode.Uri | undefined> | undefined;
  /** The folder the last lookup found, for the deletion watcher. */
  private known: vscode.Uri | undefined;

  /** Something was deleted or moved away outside the editor (LabManager's watcher): was it the project folder? */
  deleted(uri: vscode.Uri): void {
    if (this.known && (uri.toString() === this.known.toString() || isInside(uri, this.known))) this.folderMayHaveMoved();
  }

  /** The project folder may be elsewhere or gone now: look it up again and redraw. */
  private folderMayHaveMoved(): void {
    this.found = undefined;
    this.changed.fire();
  }

  /** The folder as last found, looked up once until something may have moved it. */
  private lastFolder(): Promise<vscode.Uri | undefined> {
    return (this.found ??= this.folder());
  }

  /**
   * In a trusted workspace with the project scaffolded, the Python that will run the checks is
   * probed now, while the learner reads, so the environment banner shows before the first run and
   * that run does not wait for the probe (the chooser caches it; see InterpreterChooser). The
   * panel calls this once it has painted: the probe starts Python, which would slow the paint.
   */
  prepare(): void {
    if (!vscode.workspace.isTrusted) return;
    void this.lastFolder().then(async (folder) => {
      if (!folder || this.disposed) return;
      const pick = await this.deps.interpreters.choose({ fromPythonExtension: await pythonFromExtension(folder), setting: pythonSetting(folder) }, { projectDir: folder.fsPath, run: runProcess });
      if (this.disposed || this.session.running) return;
      ({ interpreter: this.interpreter, environment: this.environment } = describePick(pick));
      this.changed.fire();
    }).catch(() => undefined);
  }

  /** Compares the tests again and redraws when one of `uris` is a test file of the project, the project folder or a folder holding it. */
  private testsChangedIf(uris: readonly vscode.Uri[]): void {
    // The folder as last found: a save is no reason to look for it again (a created or deleted
    // file has already made it look again, in folderMayHaveMoved).
    void this.lastFolder().then((folder) => {
      if (!folder) return;
      const touches = uris.some((uri) => {
        // The folder itself, or one holding it (renamed, deleted).
        if (uri.toString() === folder.toString() || isInside(uri, folder)) return true;
        const rel = pathInside(folder, uri);
        return rel !== undefined && (rel === 'tests' || isExpectationFile(rel));
      });
      if (touches) this.testsChanged();
    });
  }

  /** The project's tests may differ now (saved, restored, started over): compare again and redraw. */
  testsChanged(): void {
    this.facts.testsChanged();
    this.changed.fire();
  }

  get project(): Project {
    return this.facts.project;
  }

  /**
   * The roadmap changed (the custom-folder setting) while this lab is open: read the milestones and
   * the template from the new folder, and redraw. The project keeps its id, so its results stay.
   */
  switchRoadmap(folder: vscode.Uri, project: Project): void {
    this.facts.switchRoadmap(folder, project);
    this.changed.fire();
  }

  /** How the project's tests differ from the template's; undefined before scaffolding or without a template. */
  async testDrift(): Promise<TestDrift | undefined> {
    return this.facts.testDrift(await this.folder());
  }

  async showTestChanges(): Promise<void> {
    const folder = await this.folder();
    if (folder) await this.facts.tests().showChanges(folder);
  }

  /** Puts the template's tests back (see TemplateTestFiles.restore); undefined when the learner said no. */
  async restoreTests(confirmed = false): Promise<string[] | undefined> {
    const folder = await this.folder();
    if (!folder) return [];
    try {
      return await this.facts.tests().restore(folder, this.project.title, confirmed);
    } finally {
      this.testsChanged();
    }
  }

  /** The project folder, looked up now (the remembered one if it still exists, see ProjectLocations). */
  async folder(): Promise<vscode.Uri | undefined> {
    const found = this.deps.locations.find(this.project.id, this.deps.files);
    this.found = found;
    const folder = await found;
    this.known = folder;
    return folder;
  }

  /**
   * What the lab draws now. Touches no file: the facts are kept (LabProject), the folder as last
   * found, the rest is in memory; the test comparison is drawn once it has finished.
   */
  async state(): Promise<LabState> {
    const [milestones, folder] = await Promise.all([this.facts.milestones(), this.lastFolder()]);
    const item = itemOf(this.deps.progress.current, this.project.id);
    return labState({
      project: this.project,
      ...(folder ? { folder: { shown: vscode.workspace.asRelativePath(folder, true), fsPath: folder.fsPath } } : {}),
      trusted: vscode.workspace.isTrusted,
      milestones,
      results: this.deps.results.get(this.project.id),
      marks: item?.milestones ?? {},
      done: item?.done === true,
      running: this.session.running,
      ...(this.interpreter ? { interpreter: this.interpreter } : {}),
      ...(this.environment ? { environment: this.environment } : {}),
      drift: this.facts.settledDrift(folder, () => this.changed.fire()),
      checkLabel: (check) => checkLabel(check, vscode.l10n),
    });
  }

  /** Runs one milestone's check, or all of them. A new run cancels the one in progress. */
  async run(milestoneId?: string): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new RunRefused(vscode.l10n.t('Checks run Python code, so they are disabled until you trust this workspace.'), 'untrusted');
    const folder = await this.folder();
    if (!folder) throw new RunRefused(vscode.l10n.t('Scaffold the project first: there is nothing to check yet.'), 'not-scaffolded');
    const all = (await this.facts.milestones()).map((l) => l.milestone);
    const chosen = all.filter((m) => m.check.kind !== 'manual' && (!milestoneId || m.id === milestoneId));
    if (milestoneId && !chosen.length) throw new RunRefused(vscode.l10n.t('No runnable milestone "{0}".', milestoneId), 'no-milestone');

    const run = this.session.start(chosen.map((m) => m.id));
    this.changed.fire();
    try {
      await saveProjectDocuments(folder);
      const config = vscode.workspace.getConfiguration(Settings.section, folder);
      const outcome = await runLabChecks({
        projectDir: folder.fsPath,
        milestones: chosen,
        pythonCandidates: { fromPythonExtension: await pythonFromExtension(folder), setting: pythonSetting(folder) },
        interpreters: this.deps.interpreters,
        timeoutMs: Math.max(5, config.get<number>(Settings.checksTimeoutSeconds, 120)) * 1000,
        signal: run.signal,
        extensionDir: this.deps.extensionDir,
        conftests: await this.facts.tests().conftests(),
      });
      if (!this.session.isCurrent(run)) return; // a newer run took over: its results win
      stepDone(ContextKeys.labRunEnded);
      if (!outcome.environment) stepDone(ContextKeys.pythonReady);
      this.environment = outcome.environment;
      if (outcome.interpreter) this.interpreter = outcome.interpreter;
      if (!outcome.environment) {
        const marked = itemOf(this.deps.progress.current, this.project.id)?.milestones ?? {};
        const { results, marks } = recordRun(this.deps.results.get(this.project.id), outcome, marked, folder.fsPath, new Date().toISOString());
        // Two stores, written together: the run is over when both hold it.
        await Promise.all([
          this.deps.results.set(this.project.id, results),
          this.deps.progress.update((s) => setMilestones(s, this.project.id, marks, all.map((m) => m.id), new Date())),
        ]);
      }
    } finally {
      this.session.finish(run);
      // The run read the tests as they are now: the lab compares them again too.
      this.testsChanged();
    }
  }

  cancel(): void {
    this.session.cancel();
  }

  async markManual(milestoneId: string, done: boolean): Promise<void> {
    const all = (await this.facts.milestones()).map((l) => l.milestone.id);
    if (!all.includes(milestoneId)) throw new Error(vscode.l10n.t('No milestone "{0}".', milestoneId));
    const stored = this.deps.results.get(this.project.id);
    // Remember when it was ticked, so the lab can show the last run's failures as older than the tick.
    const next = recordTick(stored, milestoneId, done, new Date().toISOString());
    if (next !== stored) await this.deps.results.set(this.project.id, next);
    await this.deps.progress.update((s) => setMilestones(s, this.project.id, { [milestoneId]: done ? 'manual' : undefined }, all, new Date()));
  }

  /** Opens a terminal in the project folder with the install command typed but not run. */
  async openInstallTerminal(): Promise<void> {
    const folder = await this.folder();
    const command = this.environment?.installCommand;
    if (folder && command) openInstallTerminal(folder, command, this.project.title);
  }

  /** Lets the learner choose the Python (see selectInterpreter); the next run uses it. */
  async selectInterpreter(): Promise<void> {
    const folder = await this.folder();
    if (!folder) return;
    if (await selectInterpreter(this.deps.interpreters, folder)) {
      this.deps.interpreters.clear();
      this.changed.fire();
    }
  }

  async openPythonPathSetting(): Promise<void> {
    await openPythonPathSetting();
  }

  /**
   * Opens a project file the webview asked for, at `line` when given, in `column` (beside the lab):
   * only one the lab offers (offeredFiles.ts) or one the last results' failures name
   * (failureLocations.ts), at its real path inside the project. Throws an Error saying why when it
   * is refused.
   */
  async openFile(relativePath: string, line?: number, column: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<void> {
    const folder = await this.folder();
    if (!folder) throw new Error(vscode.l10n.t('Scaffold the project first: there is no file to open yet.'));
    const offered = offeredFiles((await this.facts.milestones()).map((l) => l.milestone));
    for (const f of failureFiles(this.deps.results.get(this.project.id), folder.fsPath)) offered.add(f);
    await openProjectFile(folder, relativePath, offered, line, column);
  }

  /** Opens VS Code's diff between the learner's files and the reference solution. */
  async compare(milestoneId: string, confirmed = false, column: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<void> {
    const loaded = (await this.facts.milestones()).find((l) => l.milestone.id === milestoneId);
    if (!loaded) throw new Error(vscode.l10n.t('No milestone "{0}".', milestoneId));
    const folder = await this.folder();
    if (!folder) throw new Error(vscode.l10n.t('Scaffold the project first.'));
    const results = this.deps.results.get(this.project.id).milestones;
    const passed = Object.hasOwn(results, milestoneId) && results[milestoneId]?.status === 'passed';
    await compareWithReference(loaded.milestone, this.facts.root, folder, passed, confirmed, column);
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    this.session.cancel();
    for (const s of this.subscriptions) s.dispose();
  }
}
