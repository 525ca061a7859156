// Runs one parse in a worker thread with a time limit and a memory bound: on overrun the worker
// is terminated and the caller gets the reason, never a hung extension host, CLI or build. Used by
// the editor's loader, `npm run roadmap:check` and the build's parse of the built-in roadmap. No
// `vscode` here, so it is unit-tested with the built worker (dist/roadmap-worker.js).
import { Worker } from 'node:worker_threads';
import type { FolderCheck } from '../roadmap/checkFolder';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { Diagnostic, ParseResult, SourceFile } from '../roadmap/model';
import { describeError } from '../shared/errors';

export interface ParsedMilestones {
  readonly file: SourceFile;
  readonly cells: MilestoneCell[];
}

export type WorkerRequest =
  | { readonly kind: 'roadmap'; readonly files: readonly SourceFile[] }
  | { readonly kind: 'milestones'; readonly file: SourceFile }
  /** A whole folder read and checked in the worker, as `npm run roadmap:check` does. */
  | { readonly kind: 'folder'; readonly folder: string }
  /** The skill files and each project's milestones.md, as the build compiles them. */
  | { readonly kind: 'compile'; readonly files: readonly SourceFile[]; readonly milestones: readonly SourceFile[] };

export type WorkerReply =
  | { readonly ok: true; readonly kind: 'roadmap'; readonly result: ParseResult }
  | { readonly ok: true; readonly kind: 'milestones'; readonly cells: MilestoneCell[] }
  | { readonly ok: true; readonly kind: 'folder'; readonly check: FolderCheck }
  | { readonly ok: true; readonly kind: 'compile'; readonly result: ParseResult; readonly milestones: ParsedMilestones[] }
  | { readonly ok: false; readonly reason: string };

export interface WorkerOptions {
  /** The worker script: dist/roadmap-worker.js next to the host bundle. */
  readonly workerFile: string;
  readonly timeoutMs: number;
  /** The worker's heap limit. */
  readonly maxMemoryMb?: number;
}

export const DEFAULT_PARSE_TIMEOUT_MS = 15_000;
const DEFAULT_MEMORY_MB = 512;

/** The command-line tools' time limit: MLR_PARSE_TIMEOUT_MS when it is a positive number (tests make it tiny), else the default. */
export function parseTimeoutMs(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.MLR_PARSE_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_PARSE_TIMEOUT_MS;
}

/** Posts `request` to a fresh worker; resolves with its reply, or `ok: false` on timeout or crash. */
export function runInWorker(request: WorkerRequest, options: WorkerOptions): Promise<WorkerReply> {
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker | undefined;
    const finish = (reply: WorkerReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker?.terminate();
      resolve(reply);
    };
    const limit = options.timeoutMs < 100 ? `${options.timeoutMs} ms` : `${Math.round(options.timeoutMs / 100) / 10} s`;
    const timer = setTimeout(() => finish({ ok: false, reason: `parsing took longer than ${limit} and was stopped` }), options.timeoutMs);
    try {
      worker = new Worker(options.workerFile, {
        resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? DEFAULT_MEMORY_MB },
        stdout: true,
        stderr: true,
      });
    } catch (e) {
      finish({ ok: false, reason: `the parser could not start: ${describeError(e)}` });
      return;
    }
    worker.on('message', (reply: WorkerReply) => finish(reply));
    worker.on('error', (e) => finish({ ok: false, reason: `the parser failed: ${e.message}` }));
    worker.on('exit', (code) => finish({ ok: false, reason: `the parser stopped (exit code ${code})` }));
    worker.postMessage(request);
  });
}

function failure(reply: WorkerReply): string {
  return reply.ok ? 'the parser gave an unexpected answer' : reply.reason;
}

/** The one diagnostic for a parse that was stopped or failed, on the folder ('.'). */
function stopped(message: string): Diagnostic {
  return { severity: 'error', code: 'parse-stopped', message, range: { file: '.', line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/** A roadmap parsed in a worker; a timeout or crash becomes one `parse-stopped` diagnostic. */
export async function parseRoadmapInWorker(files: readonly SourceFile[], options: WorkerOptions): Promise<ParseResult> {
  const reply = await runInWorker({ kind: 'roadmap', files }, options);
  if (reply.ok && reply.kind === 'roadmap') return reply.result;
  const message = `The roadmap could not be parsed: ${failure(reply)}. Check its files for very long or deeply nested content (npm run roadmap:check shows where)`;
  return { roadmap: { skills: [] }, diagnostics: [stopped(message)] };
}

/** A roadmap folder checked in a worker (src/roadmap/checkFolder.ts); a timeout or crash becomes one `parse-stopped` diagnostic. */
export async function checkFolderInWorker(folder: string, options: WorkerOptions): Promise<FolderCheck> {
  const reply = await runInWorker({ kind: 'folder', folder }, options);
  if (reply.ok && reply.kind === 'folder') return reply.check;
  const message = `The roadmap could not be checked: ${failure(reply)}. One of its files may have very long or deeply nested content: check them one at a time to find which`;
  return { result: { roadmap: { skills: [] }, diagnostics: [] }, milestones: new Map(), diagnostics: [stopped(message)] };
}

/** The skill files parsed and each milestones.md turned into cells in a worker, for the build; `error` says why there is nothing. */
export async function compileInWorker(
  files: readonly SourceFile[], milestones: readonly SourceFile[], options: WorkerOptions,
): Promise<{ result: ParseResult; milestones: ParsedMilestones[] } | { error: string }> {
  const reply = await runInWorker({ kind: 'compile', files, milestones }, options);
  if (reply.ok && reply.kind === 'compile') return { result: reply.result, milestones: reply.milestones };
  return { error: `The built-in roadmap could not be parsed: ${failure(reply)}` };
}

/** A milestones.md's cells parsed in a worker; `error` says why there are none. */
export async function milestoneCellsInWorker(file: SourceFile, options: WorkerOptions): Promise<{ cells: MilestoneCell[]; error?: string }> {
  const reply = await runInWorker({ kind: 'milestones', file }, options);
  if (reply.ok && reply.kind === 'milestones') return { cells: reply.cells };
  return { cells: [], error: `${file.path} could not be parsed: ${failure(reply)}` };
}
