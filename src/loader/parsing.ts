// Turning a roadmap's files into its parse, and a project's milestones.md into its cells. The
// built-in roadmap and its milestones come from the build's parse (dist/roadmap.json) when it
// matches; the parser bundle (dist/roadmap-parser.js) is required lazily, only when something must
// really be parsed, so activation stays cheap. A custom roadmap (and any milestones.md not in the
// build's parse) is parsed in a worker thread with a time limit (src/loader/workerParse.ts), so no
// file can hold the extension host.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import { readCompiled, readCompiledMilestones, roadmapKey } from '../roadmap/compiled';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { ParseResult, SourceFile } from '../roadmap/model';
import { milestonesPath } from '../roadmap/layout';
import { DEFAULT_PARSE_TIMEOUT_MS, milestoneCellsInWorker, parseRoadmapInWorker, type WorkerOptions } from './workerParse';
import type * as Parser from '../roadmap/index';

/** The parse worker next to the host bundle (esbuild.mjs builds dist/roadmap-worker.js). */
function workerOptions(): WorkerOptions {
  return { workerFile: path.join(__dirname, 'roadmap-worker.js'), timeoutMs: DEFAULT_PARSE_TIMEOUT_MS };
}

type ParserModule = typeof Parser;

let parserModule: ParserModule | undefined;
/** The roadmap parser bundle (remark and friends), loaded on first use. */
function loadParser(): ParserModule {
  // A computed path keeps esbuild from inlining the parser into the host bundle.
  const file = path.join(__dirname, 'roadmap-parser.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (parserModule ??= require(file) as ParserModule);
}

let compiledFile: Promise<{ parser: Uint8Array; raw: unknown } | undefined> | undefined;
/** dist/roadmap-parser.js and dist/roadmap.json, read once (see src/roadmap/compiled.ts); undefined when either is missing or bad. */
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
 * A roadmap's parse. `builtIn`: the files are the shipped roadmap, trusted content: the build's
 * parse when it matches, else (in --watch) parsed here. Anything else is parsed in the worker.
 * `compiledAllowed` false skips the build's parse (a file could not be read, so these are not its files).
 */
export async function parseRoadmapFiles(files: readonly SourceFile[], builtIn: boolean, compiledAllowed: boolean): Promise<{ result: ParseResult; source: 'compiled' | 'parsed' }> {
  const compiled = builtIn && compiledAllowed ? await readCompiledRoadmap(files) : undefined;
  if (compiled) return { result: compiled, source: 'compiled' };
  return { result: builtIn ? loadParser().parseRoadmap(files) : await parseRoadmapInWorker(files, workerOptions()), source: 'parsed' };
}

/**
 * A project's milestone cells for the lab and the tree: the build's, when this exact text of this
 * path was compiled by this parser bundle, else parsed now in the worker (a parse error is shown
 * as a warning and gives no cells).
 */
async function milestoneCells(file: SourceFile): Promise<MilestoneCell[]> {
  const compiled = await readCompiledFile();
  const cells = compiled && readCompiledMilestones(compiled.raw, file.path, roadmapKey(compiled.parser, [file]));
  if (cells) return cells;
  const parsed = await milestoneCellsInWorker(file, workerOptions());
  if (parsed.error) void vscode.window.showWarningMessage(vscode.l10n.t('ML Roadmap: {0}', parsed.error));
  return parsed.cells;
}

/** `projects/<id>/milestones.md` of the roadmap in `folder` as cells; none when it is missing or unreadable. */
export async function readProjectMilestones(folder: vscode.Uri, projectId: string): Promise<MilestoneCell[]> {
  const path = milestonesPath(projectId);
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, path)));
  } catch {
    return [];
  }
  return milestoneCells({ path, text });
}
