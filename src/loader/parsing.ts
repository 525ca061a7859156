// Turning a roadmap's files into its parse, and a project's milestones.md into its cells. The
// built-in roadmap and its milestones come from the build's parse (dist/roadmap.json,
// dist/roadmap-milestones.json) when it matches; the parser bundle (dist/roadmap-parser.js) is
// required lazily, only when something must really be parsed, so activation stays cheap. A custom roadmap (and any milestones.md not in the
// build's parse) is parsed in a worker thread with a time limit (src/loader/workerParse.ts), so no
// file can hold the extension host.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import { readCompiled, readCompiledMilestones, roadmapKey } from '../roadmap/compiled';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { ParseResult, SourceFile } from '../roadmap/model';
import { milestonesPath } from '../roadmap/layout';
import { readBytes } from '../common/localFiles';
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

/** A file of the build next to the host bundle, parsed; undefined when it is missing or bad. */
function readBuildJson(name: string): Promise<unknown> {
  return readFile(path.join(__dirname, name), 'utf8').then((json) => JSON.parse(json) as unknown, () => undefined);
}

let parserBytes: Promise<Uint8Array | undefined> | undefined;
let compiledRoadmap: Promise<unknown> | undefined;
let compiledMilestones: Promise<unknown> | undefined;
/** dist/roadmap-parser.js, read once: what the build's parse is keyed to. */
function readParserBytes(): Promise<Uint8Array | undefined> {
  return (parserBytes ??= readFile(path.join(__dirname, 'roadmap-parser.js')).then((b) => b, () => undefined));
}

/**
 * Starts reading the build's parse of the built-in roadmap (not its milestones), so that it is in
 * by the time the roadmap's own files are.
 */
export function prefetchCompiledRoadmap(): void {
  void readParserBytes();
  compiledRoadmap ??= readBuildJson('roadmap.json');
}

/**
 * The build's parse of the built-in roadmap, if it was made from these very files by this very
 * parser bundle; undefined means "parse them".
 */
async function readCompiledRoadmap(files: readonly SourceFile[]): Promise<ParseResult | undefined> {
  prefetchCompiledRoadmap();
  const [parser, raw] = await Promise.all([readParserBytes(), compiledRoadmap]);
  return parser && readCompiled(raw, roadmapKey(parser, files));
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
  const [parser, raw] = await Promise.all([readParserBytes(), compiledMilestones ??= readBuildJson('roadmap-milestones.json')]);
  const cells = parser && readCompiledMilestones(raw, file.path, roadmapKey(parser, [file]));
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
    text = new TextDecoder().decode(await readBytes(vscode.Uri.joinPath(folder, path)));
  } catch {
    return [];
  }
  return milestoneCells({ path, text });
}
