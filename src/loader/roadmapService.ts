// Loads the active roadmap (built-in, or the custom folder a setting points at), keeps it current
// as files change, and publishes its diagnostics to the Problems panel. The built-in roadmap and
// its milestones come from the build's parse (dist/roadmap.json) when it matches; the parser bundle
// is required lazily, only when something must really be parsed, so activation stays cheap. A
// custom roadmap (and any milestones.md not in the build's parse) is parsed in a worker thread with
// a time limit (src/loader/workerParse.ts), so no file can hold the extension host.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import { readCompiled, readCompiledMilestones, roadmapKey } from '../roadmap/compiled';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { ParseResult, Roadmap, SourceFile, Diagnostic } from '../roadmap/model';
import { Settings } from '../ids';
import { decodeSourceFile } from '../roadmap/decode';
import { formatCount, INPUT_LIMITS } from '../roadmap/limits';
import { DEFAULT_PARSE_TIMEOUT_MS, milestoneCellsInWorker, parseRoadmapInWorker, type WorkerOptions } from './workerParse';

/** The parse worker next to the host bundle (esbuild.mjs builds dist/roadmap-worker.js). */
function workerOptions(): WorkerOptions {
  return { workerFile: path.join(__dirname, 'roadmap-worker.js'), timeoutMs: DEFAULT_PARSE_TIMEOUT_MS };
}

type ParserModule = typeof import('../roadmap/index');

let parserModule: ParserModule | undefined;
/** The roadmap parser bundle (remark and friends), loaded on first use. */
export function loadParser(): ParserModule {
  // A computed path keeps esbuild from inlining the parser into the host bundle.
  const file = path.join(__dirname, 'roadmap-parser.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parserModule ??= require(file) as ParserModule);
}

export const CUSTOM_FOLDER_SETTING = 'customRoadmapFolder';

export interface LoadedRoadmap extends ParseResult {
  /** The folder the roadmap came from. */
  readonly folder: vscode.Uri;
  readonly builtIn: boolean;
  /** `compiled`: the build's parse of the built-in roadmap (dist/roadmap.json) matched the files. */
  readonly source: 'compiled' | 'parsed';
}

export class RoadmapService implements vscode.Disposable {
  private current: Promise<LoadedRoadmap> | undefined;
  private readonly changed = new vscode.EventEmitter<LoadedRoadmap>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('ML Roadmap');
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private reloadTimer: NodeJS.Timeout | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${CUSTOM_FOLDER_SETTING}`)) void this.reload();
      }),
    );
  }

  /** The roadmap, loading it on first use. */
  get(): Promise<LoadedRoadmap> {
    return (this.current ??= this.load());
  }

  async reload(): Promise<LoadedRoadmap> {
    this.current = this.load();
    const loaded = await this.current;
    this.changed.fire(loaded);
    return loaded;
  }

  /** The folder of the roadmap shipped with the extension. */
  builtInFolder(): string {
    return vscode.Uri.joinPath(this.extensionUri, 'roadmap').fsPath;
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

  /** Where the active roadmap lives: the custom folder when set, else the built-in one. */
  private resolveFolder(): { folder: vscode.Uri; builtIn: boolean } | { error: string } {
    const setting = vscode.workspace.getConfiguration(Settings.section).get<string>(CUSTOM_FOLDER_SETTING, '').trim();
    if (!setting) return { folder: vscode.Uri.joinPath(this.extensionUri, 'roadmap'), builtIn: true };
    const root = vscode.workspace.workspaceFolders?.[0];
    if (path.isAbsolute(setting)) return { folder: vscode.Uri.file(setting), builtIn: false };
    if (!root) return { error: vscode.l10n.t('The custom roadmap folder "{0}" is relative, but no workspace folder is open.', setting) };
    return { folder: vscode.Uri.joinPath(root.uri, setting), builtIn: false };
  }

  /** Never rejects (a rejected promise would stay cached in `current`): failures are diagnostics. */
  private async load(): Promise<LoadedRoadmap> {
    try {
      return await this.loadResolved();
    } catch (e) {
      const folder = vscode.Uri.joinPath(this.extensionUri, 'roadmap');
      const d: Diagnostic = { severity: 'error', code: 'internal-error', message: `The roadmap could not be loaded: ${e instanceof Error ? e.message : String(e)}`, range: { file: '.', line: 1, column: 1, endLine: 1, endColumn: 1 } };
      this.publish(folder, [d]);
      return { roadmap: { skills: [] }, diagnostics: [d], folder, builtIn: true, source: 'parsed' };
    }
  }

  private async loadResolved(): Promise<LoadedRoadmap> {
    const resolved = this.resolveFolder();
    this.watch(undefined);
    if ('error' in resolved) {
      const fallback = vscode.Uri.joinPath(this.extensionUri, 'roadmap');
      void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmap: {0} Showing the built-in roadmap.', resolved.error));
      return this.loadFolder(fallback, true);
    }
    if (!resolved.builtIn) this.watch(resolved.folder);
    return this.loadFolder(resolved.folder, resolved.builtIn);
  }

  private async loadFolder(folder: vscode.Uri, builtIn: boolean): Promise<LoadedRoadmap> {
    const read = await readMarkdownFiles(folder);
    const files = read?.files;
    const compiled = builtIn && files && read.diagnostics.length === 0 ? await readCompiledRoadmap(files) : undefined;
    const parsed: ParseResult =
      compiled
      ?? (files === undefined
        ? { roadmap: { skills: [] }, diagnostics: [folderDiagnostic(folder)] }
        // The built-in roadmap is trusted content: without the build's parse (in --watch) it is parsed here.
        : builtIn ? loadParser().parseRoadmap(files) : await parseRoadmapInWorker(files, workerOptions()));
    const result: ParseResult = read && read.diagnostics.length > 0
      ? { roadmap: parsed.roadmap, diagnostics: [...read.diagnostics, ...parsed.diagnostics] }
      : parsed;
    this.publish(folder, result.diagnostics);
    return { ...result, folder, builtIn, source: compiled ? 'compiled' : 'parsed' };
  }

  private publish(folder: vscode.Uri, diagnostics: readonly Diagnostic[]): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byFile.get(d.range.file) ?? [];
      const range = new vscode.Range(
        Math.max(0, d.range.line - 1), Math.max(0, d.range.column - 1),
        Math.max(0, d.range.endLine - 1), Math.max(0, d.range.endColumn - 1),
      );
      const diagnostic = new vscode.Diagnostic(
        range, d.message,
        d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.code = d.code;
      diagnostic.source = 'ML Roadmap';
      list.push(diagnostic);
      byFile.set(d.range.file, list);
    }
    for (const [file, list] of byFile) this.diagnostics.set(vscode.Uri.joinPath(folder, file), list);
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

let compiledFile: Promise<{ parser: Uint8Array; raw: unknown } | undefined> | undefined;
/** dist/roadmap-parser.js and dist/roadmap.json, read once (see src/roadmap/compiled.ts). */
function readCompiledFile(): Promise<{ parser: Uint8Array; raw: unknown } | undefined> {
  return (compiledFile ??= Promise.all([
    readFile(path.join(__dirname, 'roadmap-parser.js')),
    readFile(path.join(__dirname, 'roadmap.json'), 'utf8'),
  ]).then(([parser, json]) => ({ parser, raw: JSON.parse(json) as unknown }), () => undefined));
}

/**
 * The build's parse of the built-in roadmap, if it was made from these very files by this very
 * parser bundle; undefined means "parse them".
 */
async function readCompiledRoadmap(files: readonly SourceFile[]): Promise<ParseResult | undefined> {
  const compiled = await readCompiledFile();
  return compiled && readCompiled(compiled.raw, roadmapKey(compiled.parser, files));
}

/**
 * A project's milestone cells for the lab: the build's, when this exact text of this path was
 * compiled by this parser bundle, else parsed now (which loads the parser bundle).
 */
export async function milestoneCells(file: SourceFile): Promise<MilestoneCell[]> {
  const compiled = await readCompiledFile();
  const cells = compiled && readCompiledMilestones(compiled.raw, file.path, roadmapKey(compiled.parser, [file]));
  if (cells) return cells;
  const parsed = await milestoneCellsInWorker(file, workerOptions());
  if (parsed.error) void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmap: {0}', parsed.error));
  return parsed.cells;
}

/**
 * The markdown files directly inside `folder`, or undefined when the folder cannot be read. A file
 * that cannot be read, is over the size limit or is not UTF-8 is one diagnostic; the others load.
 */
async function readMarkdownFiles(folder: vscode.Uri): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] } | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  const names = entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
    .map(([name]) => name)
    .sort();
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const range = (file: string): Diagnostic['range'] => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 });
  await Promise.all(names.map(async (name) => {
    const uri = vscode.Uri.joinPath(folder, name);
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > INPUT_LIMITS.fileBytes) {
        const message = `The file is ${formatCount(size)} bytes, over the ${formatCount(INPUT_LIMITS.fileBytes)} bytes a roadmap file may have, so it is not read: split it up`;
        diagnostics.push({ severity: 'error', code: 'file-too-large', message, range: range(name) });
        return;
      }
      const decoded = decodeSourceFile(name, await vscode.workspace.fs.readFile(uri));
      files.push(decoded.file);
      diagnostics.push(...decoded.diagnostics);
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'unreadable-file', message: `Cannot read ${name}: ${e instanceof Error ? e.message : String(e)}`, range: range(name) });
    }
  }));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

function folderDiagnostic(folder: vscode.Uri): Diagnostic {
  return {
    severity: 'error',
    code: 'missing-folder',
    message: `The roadmap folder ${folder.fsPath} does not exist or cannot be read.`,
    range: { file: '.', line: 1, column: 1, endLine: 1, endColumn: 1 },
  };
}

export type { Roadmap };
