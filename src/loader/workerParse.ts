// Runs one parse in a worker thread with a time limit and a memory bound: on overrun the worker
// is terminated and the caller gets the reason, never a hung extension host. No `vscode` here, so
// it is unit-tested with the built worker (dist/roadmap-worker.js).
import { Worker } from 'node:worker_threads';
import type { MilestoneCell } from '../roadmap/milestoneCells';
import type { ParseResult, SourceFile } from '../roadmap/model';

export type WorkerRequest =
  | { readonly kind: 'roadmap'; readonly files: readonly SourceFile[] }
  | { readonly kind: 'milestones'; readonly file: SourceFile };

export type WorkerReply =
  | { readonly ok: true; readonly kind: 'roadmap'; readonly result: ParseResult }
  | { readonly ok: true; readonly kind: 'milestones'; readonly cells: MilestoneCell[] }
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
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const timer = setTimeout(() => finish({ ok: false, reason: `parsing took longer than ${seconds} s and was stopped` }), options.timeoutMs);
    try {
      worker = new Worker(options.workerFile, {
        resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? DEFAULT_MEMORY_MB },
        stdout: true,
        stderr: true,
      });
    } catch (e) {
      finish({ ok: false, reason: `the parser could not start: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    worker.on('message', (reply: WorkerReply) => finish(reply));
    worker.on('error', (e) => finish({ ok: false, reason: `the parser failed: ${e.message}` }));
    worker.on('exit', (code) => finish({ ok: false, reason: `the parser stopped (exit code ${code})` }));
    worker.postMessage(request);
  });
}

/** A roadmap parsed in a worker; a timeout or crash becomes one `parse-stopped` diagnostic. */
export async function parseRoadmapInWorker(files: readonly SourceFile[], options: WorkerOptions): Promise<ParseResult> {
  const reply = await runInWorker({ kind: 'roadmap', files }, options);
  if (reply.ok && reply.kind === 'roadmap') return reply.result;
  const reason = reply.ok ? 'the parser gave an unexpected answer' : reply.reason;
  return {
    roadmap: { skills: [] },
    diagnostics: [{
      severity: 'error', code: 'parse-stopped',
      message: `The roadmap could not be parsed: ${reason}. Check its files for very long or deeply nested content (npm run roadmap:check shows where)`,
      range: { file: '.', line: 1, column: 1, endLine: 1, endColumn: 1 },
    }],
  };
}

/** A milestones.md's cells parsed in a worker; `error` says why there are none. */
export async function milestoneCellsInWorker(file: SourceFile, options: WorkerOptions): Promise<{ cells: MilestoneCell[]; error?: string }> {
  const reply = await runInWorker({ kind: 'milestones', file }, options);
  if (reply.ok && reply.kind === 'milestones') return { cells: reply.cells };
  return { cells: [], error: `${file.path} could not be parsed: ${reply.ok ? 'the parser gave an unexpected answer' : reply.reason}` };
}
