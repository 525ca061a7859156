// The active roadmap for the rest of the extension: loads it on first use from the folder the
// setting chooses (roadmapFolder.ts), reads its markdown (markdownFiles.ts), parses it through the
// build's parse or the worker (parsing.ts), shows its diagnostics (problems.ts), and loads it again
// when the setting changes or a custom roadmap's files do, and hands out each project's milestones.
// A failure anywhere is a diagnostic, never a rejected load (latestLoad.ts).
import * as vscode from 'vscode';
import type { ParseResult } from '../roadmap/model';
import { error, fileRange } from '../roadmap/diagnostics';
import { describeError } from '../shared/errors';
import { affectsRoadmapFolder, builtInRoadmapFolder, chooseRoadmapFolder } from './roadmapFolder';
import { missingFolderDiagnostic, readMarkdownFiles } from './markdownFiles';
import { parseRoadmapFiles, prefetchCompiledRoadmap, readProjectMilestones } from './parsing';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import { RoadmapProblems } from './problems';
import { LatestLoad } from './latestLoad';

export interface LoadedRoadmap extends ParseResult {
  /** The folder the roadmap came from. */
  readonly folder: vscode.Uri;
  readonly builtIn: boolean;
  /** `compiled`: the build's parse of the built-in roadmap (dist/roadmap.json) matched the files. */
  readonly source: 'compiled' | 'parsed';
}

export class RoadmapService implements vscode.Disposable {
  private readonly latest: LatestLoad<LoadedRoadmap>;
  private readonly changed = new vscode.EventEmitter<LoadedRoadmap>();
  readonly onDidChange = this.changed.event;
  private readonly problems = new RoadmapProblems();
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.problems];
  private reloadTimer: NodeJS.Timeout | undefined;
  /** Each project's milestones, read once per load: keyed by roadmap folder and project id. */
  private readonly milestoneCache = new Map<string, Promise<MilestoneCell[]>>();

  constructor(private readonly extensionUri: vscode.Uri) {
    this.latest = new LatestLoad(() => this.load(), (e) => this.failed(e));
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsRoadmapFolder(e)) void this.reload();
      }),
    );
  }

  /** The roadmap, loading it on first use. Never rejects. */
  get(): Promise<LoadedRoadmap> {
    return this.latest.get();
  }

  async reload(): Promise<LoadedRoadmap> {
    this.milestoneCache.clear();
    const loaded = await this.latest.reload();
    this.changed.fire(loaded);
    return loaded;
  }

  /**
   * A project's milestones in the active roadmap (`projects/<id>/milestones.md`), for the lab and
   * the tree: read and parsed once per load; none when the file is missing or unreadable.
   */
  async milestones(projectId: string): Promise<MilestoneCell[]> {
    const { folder } = await this.get();
    const key = `${folder.toString()}\n${projectId}`;
    let cells = this.milestoneCache.get(key);
    if (!cells) {
      cells = readProjectMilestones(folder, projectId);
      this.milestoneCache.set(key, cells);
    }
    return cells;
  }

  /** The folder of the roadmap shipped with the extension. */
  builtInFolder(): string {
    return builtInRoadmapFolder(this.extensionUri).fsPath;
  }

  async showOverview(): Promise<void> {
    const { folder } = await this.get();
    const uri = vscode.Uri.joinPath(folder, 'overview.md');
    try {
      await vscode.workspace.fs.stat(uri);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      void vscode.window.showInformationMessage(vscode.l10n.t('This roadmap has no overview.md.'));
    }
  }

  /** What a load that threw gives instead: the built-in folder, no skills, one diagnostic. */
  private failed(e: unknown): LoadedRoadmap {
    const folder = builtInRoadmapFolder(this.extensionUri);
    const d = error('internal-error', `The roadmap could not be loaded: ${describeError(e)}`, fileRange('.'));
    this.problems.publish(folder, [d]);
    return { roadmap: { skills: [] }, diagnostics: [d], folder, builtIn: true, source: 'parsed' };
  }

  private async load(): Promise<LoadedRoadmap> {
    const chosen = chooseRoadmapFolder(this.extensionUri);
    this.watch(undefined);
    if ('error' in chosen) {
      void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmap: {0} Showing the built-in roadmap.', chosen.error));
      return this.loadFolder(builtInRoadmapFolder(this.extensionUri), true);
    }
    if (!chosen.builtIn) this.watch(chosen.folder);
    return this.loadFolder(chosen.folder, chosen.builtIn);
  }

  private async loadFolder(folder: vscode.Uri, builtIn: boolean): Promise<LoadedRoadmap> {
    // The build's parse is read alongside the files it must match.
    if (builtIn) prefetchCompiledRoadmap();
    const read = await readMarkdownFiles(folder);
    let result: ParseResult;
    let source: LoadedRoadmap['source'] = 'parsed';
    if (read === undefined) {
      result = { roadmap: { skills: [] }, diagnostics: [missingFolderDiagnostic(folder)] };
    } else {
      // A file that could not be read means these are not the files the build parsed.
      const parsed = await parseRoadmapFiles(read.files, builtIn, read.diagnostics.length === 0);
      source = parsed.source;
      result = read.diagnostics.length > 0
        ? { roadmap: parsed.result.roadmap, diagnostics: [...read.diagnostics, ...parsed.result.diagnostics] }
        : parsed.result;
    }
    this.problems.publish(folder, result.diagnostics);
    return { ...result, folder, builtIn, source };
  }

  /** Reparse (debounced) when the custom roadmap's markdown is saved, created or deleted. */
  private watch(folder: vscode.Uri | undefined): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (!folder) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*.md'));
    const schedule = (): void => {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload(), 150);
    };
    watcher.onDidChange(schedule);
    watcher.onDidCreate(schedule);
    watcher.onDidDelete(schedule);
    this.watcher = watcher;
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

