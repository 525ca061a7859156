// One project's lab: loads its milestones, runs their checks (one run at a time, the latest
// wins), keeps the last results, and turns all of it into the LabState the webview draws.
import * as vscode from 'vscode';
import type { Project } from '../roadmap/model';
import type { Check, Milestone } from '../roadmap/milestones';
import type { ProgressStore } from '../progress/store';
import { itemOf, setMilestones } from '../progress/state';
import type { ProjectLocations } from '../scaffold/locations';
import { milestoneCells } from '../loader/roadmapService';
import type { LabState, MilestoneView } from '../shared/protocol';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { LabResults, ProjectResults, StoredResult } from './labResults';
import { openPythonPathSetting, pythonFromExtension, pythonSetting, selectInterpreter } from './interpreter';
import type { InterpreterChooser } from '../checks/interpreterProbe';
import { runLabChecks, type LabRunOutcome } from './runLabChecks';
import { ContextKeys, Settings } from '../ids';
import { stepDone } from '../walkthrough/steps';
import { relatedDemo } from './relatedDemos';
import { hasDrift, isExpectationFile, type TestDrift } from '../checks/testIntegrity';
import { TemplateTests } from './templateTests';
import { referenceUri } from './referenceFiles';
import { offeredFiles, resolveOfferedFile } from './offeredFiles';
import { failureLocations, isHiddenSecret, testFileOf } from './failureLocations';
import type { FailureView } from '../shared/protocol';

export interface LabDeps {
  readonly roadmapFolder: vscode.Uri;
  readonly progress: ProgressStore;
  readonly locations: ProjectLocations;
  readonly results: LabResults;
  readonly extensionDir: string;
  /** Probes the Python candidates, shared by every lab. */
  readonly interpreters: InterpreterChooser;
}

export class LabController implements vscode.Disposable {
  private milestones: MilestoneCell[] | undefined;
  private running: { abort: AbortController; milestoneIds: Set<string> } | undefined;
  private environment: LabState['environment'];
  private interpreter: LabState['interpreter'];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The template's tests, compared with the learner's copies (created on first use). */
  private tests: TemplateTests | undefined;

  private current: Project;
  private roadmapFolder: vscode.Uri;

  constructor(project: Project, private readonly deps: LabDeps) {
    this.current = project;
    this.roadmapFolder = deps.roadmapFolder;
    this.subscriptions = [
      deps.progress.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
      // An edited, created or deleted test file changes what the lab warns about.
      vscode.workspace.onDidSaveTextDocument((d) => this.fireIfExpectation(d.uri)),
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((u) => this.fireIfExpectation(u))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((u) => this.fireIfExpectation(u))),
      this.changed,
    ];
  }

  private fireIfExpectation(uri: vscode.Uri): void {
    void this.folder().then((folder) => {
      if (!folder) return;
      const prefix = folder.toString().replace(/\/?$/, '/');
      const rel = uri.toString().startsWith(prefix) ? decodeURIComponent(uri.toString().slice(prefix.length)) : undefined;
      if (rel !== undefined && (rel === 'tests' || isExpectationFile(rel))) this.changed.fire();
    });
  }

  get project(): Project {
    return this.current;
  }

  /**
   * The roadmap changed (the custom-folder setting) while this lab is open: read the milestones and
   * the template from the new folder, and redraw. The project keeps its id, so its results stay.
   */
  switchRoadmap(folder: vscode.Uri, project: Project): void {
    this.roadmapFolder = folder;
    this.current = project;
    this.milestones = undefined;
    this.tests = undefined;
    this.changed.fire();
  }

  private templateRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.roadmapFolder, 'projects', this.project.id, 'template');
  }

  private templateTests(): TemplateTests {
    return (this.tests ??= new TemplateTests(this.templateRoot()));
  }

  /** How the project's tests differ from the template's; undefined before scaffolding or without a template. */
  async testDrift(): Promise<TestDrift | undefined> {
    const folder = await this.folder();
    return folder && this.templateTests().drift(folder);
  }

  async showTestChanges(): Promise<void> {
    const folder = await this.folder();
    if (folder) await this.templateTests().showChanges(folder);
  }

  /** Puts the template's tests back (see TemplateTests.restore); undefined when the learner said no. */
  async restoreTests(confirmed = false): Promise<string[] | undefined> {
    const folder = await this.folder();
    if (!folder) return [];
    const written = await this.templateTests().restore(folder, this.project.title, confirmed);
    this.changed.fire();
    return written;
  }

  private async loadMilestones(): Promise<MilestoneCell[]> {
    if (this.milestones) return this.milestones;
    const uri = vscode.Uri.joinPath(this.roadmapFolder, 'projects', this.project.id, 'milestones.md');
    let text = '';
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.milestones = [];
      return this.milestones;
    }
    this.milestones = await milestoneCells({ path: `projects/${this.project.id}/milestones.md`, text });
    return this.milestones;
  }

  async folder(): Promise<vscode.Uri | undefined> {
    return this.deps.locations.find(this.project.id);
  }

  async state(): Promise<LabState> {
    const milestones = await this.loadMilestones();
    const folder = await this.folder();
    const stored = this.deps.results.get(this.project.id);
    const item = itemOf(this.deps.progress.current, this.project.id);
    const marks = item?.milestones ?? {};
    const related = relatedDemo(this.project.id);
    const drift = await this.testDrift();
    return {
      projectId: this.project.id,
      title: this.project.title,
      description: this.project.description,
      ...(folder ? { folder: vscode.workspace.asRelativePath(folder, true) } : {}),
      trusted: vscode.workspace.isTrusted,
      running: this.running !== undefined,
      ...(stored.output ? { output: stored.output } : {}),
      ...(this.interpreter ? { interpreter: this.interpreter } : {}),
      ...(this.environment ? { environment: this.environment } : {}),
      milestones: milestones.map((l) => this.view(l, Object.hasOwn(stored.milestones, l.milestone.id) ? stored.milestones[l.milestone.id] : undefined, Object.hasOwn(marks, l.milestone.id) && marks[l.milestone.id] === 'manual', folder)),
      done: item?.done === true,
      ...(related ? { relatedDemo: related } : {}),
      ...(hasDrift(drift) ? { testDrift: { changed: [...drift.changed], missing: [...drift.missing] } } : {}),
    };
  }

  private view({ milestone: m, explanation, hints }: MilestoneCell, result: StoredResult | undefined, manual: boolean, folder: vscode.Uri | undefined): MilestoneView {
    const running = this.running?.milestoneIds.has(m.id) ?? false;
    const failedRuns = result?.failedRuns ?? 0;
    const failed = result?.status === 'failed' || result?.status === 'error';
    // Ticked by hand after this run: its failures are history, not the current verdict.
    const beforeManual = manual && failed && !!result?.failures.length && result.markedAt !== undefined && (result.ranAt ?? '') <= result.markedAt;
    return {
      id: m.id,
      title: m.title,
      explanation,
      checkKind: m.check.kind,
      checkLabel: checkLabel(m.check),
      status: running ? 'running' : result?.status ?? 'not-run',
      ...(running && result ? { lastStatus: result.status } : {}),
      ...(result?.headline ? { headline: result.headline } : {}),
      failures: (result?.failures ?? []).map((f) => (folder ? withLocations(f, folder.fsPath) : f)),
      ...(beforeManual ? { failuresBeforeManual: true } : {}),
      manual,
      hints: hints.slice(0, Math.min(failedRuns, hints.length)),
      hintsTotal: m.hints.length,
      compare: m.compare,
      ...(result?.ranAt ? { ranAt: result.ranAt } : {}),
    };
  }

  /** Runs one milestone's check, or all of them. A new run cancels the one in progress. */
  async run(milestoneId?: string): Promise<void> {
    if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('Checks run Python code, so they are disabled until you trust this workspace.'));
    const folder = await this.folder();
    if (!folder) throw new Error(vscode.l10n.t('Scaffold the project first: there is nothing to check yet.'));
    const all = await this.loadMilestones();
    const chosen = all.map((l) => l.milestone).filter((m) => m.check.kind !== 'manual' && (!milestoneId || m.id === milestoneId));
    if (milestoneId && !chosen.length) throw new Error(vscode.l10n.t('No runnable milestone "{0}".', milestoneId));

    this.running?.abort.abort();
    const run = { abort: new AbortController(), milestoneIds: new Set(chosen.map((m) => m.id)) };
    this.running = run;
    this.changed.fire();
    try {
      await saveDirtyDocuments(folder);
      const config = vscode.workspace.getConfiguration(Settings.section, folder);
      const outcome: LabRunOutcome = await runLabChecks({
        projectDir: folder.fsPath,
        milestones: chosen,
        pythonCandidates: { fromPythonExtension: await pythonFromExtension(folder), setting: pythonSetting(folder) },
        interpreters: this.deps.interpreters,
        timeoutMs: Math.max(5, config.get<number>('checks.timeoutSeconds', 120)) * 1000,
        signal: run.abort.signal,
        extensionDir: this.deps.extensionDir,
        conftests: await this.templateTests().conftests(),
      });
      if (this.running !== run) return; // a newer run took over: its results win
      stepDone(ContextKeys.labRunEnded);
      if (!outcome.environment) stepDone(ContextKeys.pythonReady);
      this.environment = outcome.environment;
      if (outcome.interpreter) this.interpreter = outcome.interpreter;
      if (!outcome.environment) await this.record(outcome, all.map((l) => l.milestone));
    } finally {
      if (this.running === run) this.running = undefined;
      this.changed.fire();
    }
  }

  /** Opens a terminal in the project folder with the install command typed but not run. */
  async openInstallTerminal(): Promise<void> {
    const folder = await this.folder();
    const command = this.environment?.installCommand;
    if (!folder || !command) return;
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Install: {0}', this.project.title), cwd: folder });
    terminal.show();
    terminal.sendText(command, false);
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

  cancel(): void {
    this.running?.abort.abort();
  }

  private async record(outcome: LabRunOutcome, all: readonly Milestone[]): Promise<void> {
    const previous = this.deps.results.get(this.project.id);
    const milestones: Record<string, StoredResult> = { ...previous.milestones };
    const marks: Record<string, 'passed' | undefined> = {};
    const manual = itemOf(this.deps.progress.current, this.project.id)?.milestones ?? {};
    const ranAt = new Date().toISOString();
    for (const [id, o] of Object.entries(outcome.outcomes)) {
      const before = Object.hasOwn(previous.milestones, id) ? previous.milestones[id] : undefined;
      const failed = o.status === 'failed' || o.status === 'error';
      milestones[id] = {
        status: o.status,
        ...(o.headline ? { headline: o.headline } : {}),
        failures: o.failures,
        ranAt,
        failedRuns: (before?.failedRuns ?? 0) + (failed ? 1 : 0),
      };
      if (o.status === 'passed') marks[id] = 'passed';
      else if (Object.hasOwn(manual, id) && manual[id] === 'passed') marks[id] = undefined; // passed before, fails now
    }
    const next: ProjectResults = { milestones, ...(outcome.output ? { output: outcome.output } : {}) };
    await this.deps.results.set(this.project.id, next);
    await this.deps.progress.update((s) => setMilestones(s, this.project.id, marks, all.map((m) => m.id), new Date()));
  }

  async markManual(milestoneId: string, done: boolean): Promise<void> {
    const all = (await this.loadMilestones()).map((l) => l.milestone.id);
    if (!all.includes(milestoneId)) throw new Error(vscode.l10n.t('No milestone "{0}".', milestoneId));
    const stored = this.deps.results.get(this.project.id);
    const result = Object.hasOwn(stored.milestones, milestoneId) ? stored.milestones[milestoneId] : undefined;
    if (result) {
      // Remember when it was ticked, so the lab can show the last run's failures as older than the tick.
      const { markedAt: _dropped, ...rest } = result;
      void _dropped;
      const next: StoredResult = done ? { ...rest, markedAt: new Date().toISOString() } : rest;
      await this.deps.results.set(this.project.id, { ...stored, milestones: { ...stored.milestones, [milestoneId]: next } });
    }
    await this.deps.progress.update((s) => setMilestones(s, this.project.id, { [milestoneId]: done ? 'manual' : undefined }, all, new Date()));
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
    const offered = offeredFiles((await this.loadMilestones()).map((l) => l.milestone));
    for (const f of this.failureFiles(folder.fsPath)) offered.add(f);
    const resolved = await resolveOfferedFile(folder.fsPath, relativePath, offered);
    if ('refused' in resolved) throw new Error(`${resolved.refused}.`);
    const at = line !== undefined ? new vscode.Position(line - 1, 0) : undefined;
    await vscode.window.showTextDocument(vscode.Uri.file(resolved.path), { preview: false, viewColumn: column, ...(at ? { selection: new vscode.Range(at, at) } : {}) });
  }

  /** The project files the stored failures name (their places and test files), never `.git/` or `.env`. */
  private failureFiles(projectDir: string): Set<string> {
    const out = new Set<string>();
    for (const r of Object.values(this.deps.results.get(this.project.id).milestones)) {
      for (const f of r.failures) {
        const named = withLocations(f, projectDir);
        for (const l of named.locations ?? []) out.add(l.path);
        if (named.testFile) out.add(named.testFile.path);
      }
    }
    return new Set([...out].filter((f) => !isHiddenSecret(f)));
  }

  /** Opens VS Code's diff between the learner's files and the reference solution. */
  async compare(milestoneId: string, confirmed = false, column: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<void> {
    const loaded = (await this.loadMilestones()).find((l) => l.milestone.id === milestoneId);
    if (!loaded) throw new Error(vscode.l10n.t('No milestone "{0}".', milestoneId));
    const folder = await this.folder();
    if (!folder) throw new Error(vscode.l10n.t('Scaffold the project first.'));
    const results = this.deps.results.get(this.project.id).milestones;
    const passed = Object.hasOwn(results, milestoneId) && results[milestoneId]?.status === 'passed';
    if (!passed && !confirmed) {
      const showReference = vscode.l10n.t('Show Reference');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('"{0}" has not passed yet. Look at the reference solution anyway?', loaded.milestone.title),
        { modal: true, detail: vscode.l10n.t('Trying a hint first usually teaches more.') }, showReference);
      if (answer !== showReference) return;
    }
    const projectRoot = vscode.Uri.joinPath(this.roadmapFolder, 'projects', this.project.id);
    for (const file of loaded.milestone.compare) {
      const parts = file.split('/');
      let reference = vscode.Uri.joinPath(projectRoot, 'solution', ...parts);
      try { await vscode.workspace.fs.stat(reference); } catch { reference = vscode.Uri.joinPath(projectRoot, 'template', ...parts); }
      // The reference on the left, read-only; the learner's file on the right, editable.
      await vscode.commands.executeCommand('vscode.diff', referenceUri(reference), vscode.Uri.joinPath(folder, ...parts), vscode.l10n.t('{0}: reference ↔ yours', file), { preview: false, viewColumn: column });
    }
  }

  dispose(): void {
    this.running?.abort.abort();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The failure with the project places it names (links in the lab), the learner's raising line first. */
function withLocations(f: FailureView, projectDir: string): FailureView {
  const locations = failureLocations([f.message, f.details ?? ''].join('\n'), projectDir);
  const test = testFileOf(f.name);
  const testFile = test && !isHiddenSecret(test) ? { path: test, ...lineIn(locations, test) } : undefined;
  return { ...f, ...(locations.length ? { locations } : {}), ...(testFile ? { testFile } : {}) };
}

/** The first line `locations` name in `file`, as `{ line }`, or nothing. */
function lineIn(locations: readonly { path: string; line: number }[], file: string): { line?: number } {
  const hit = locations.find((l) => l.path === file);
  return hit ? { line: hit.line } : {};
}

function checkLabel(check: Check): string {
  switch (check.kind) {
    case 'pytest': return check.nodeIds.length === 1 ? vscode.l10n.t('pytest: 1 test') : vscode.l10n.t('pytest: {0} tests', check.nodeIds.length);
    case 'file': return vscode.l10n.t('file exists: {0}', check.glob);
    case 'metric': return vscode.l10n.t('metric: {0} in {1} {2} {3}', check.key, check.file, check.op, check.threshold);
    case 'onnx': return vscode.l10n.t('ONNX model {0} scores {1} {2}', check.model, check.op, check.threshold);
    case 'manual': return vscode.l10n.t('ticked by hand');
  }
}

async function saveDirtyDocuments(folder: vscode.Uri): Promise<void> {
  const prefix = folder.toString().replace(/\/?$/, '/');
  await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.toString().startsWith(prefix)).map((d) => d.save()));
}
