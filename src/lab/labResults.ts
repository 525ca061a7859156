// The last result of every check, per project, kept in workspace state so reopening a lab (or
// reloading the window) shows it. Stored values are read defensively: a corrupt entry is ignored.
import type * as vscode from 'vscode';
import type { CheckStatus, FailureView } from '../shared/protocol';
import { StorageKeys } from '../ids';

export interface StoredResult {
  readonly status: Exclude<CheckStatus, 'running'>;
  readonly headline?: string;
  readonly failures: readonly FailureView[];
  readonly ranAt?: string;
  /** Failed runs so far: each one unlocks one more hint. */
  readonly failedRuns: number;
  /** When the learner ticked the milestone by hand after this result (its failures are older). */
  readonly markedAt?: string;
}

export interface ProjectResults {
  readonly milestones: Readonly<Record<string, StoredResult>>;
  readonly output?: string;
}

const STATUSES = new Set(['not-run', 'passed', 'failed', 'error']);

function readResult(v: unknown): StoredResult | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.status !== 'string' || !STATUSES.has(r.status)) return undefined;
  const failures = Array.isArray(r.failures)
    ? r.failures.filter((f): f is FailureView => typeof f === 'object' && f !== null && typeof (f as FailureView).name === 'string' && typeof (f as FailureView).message === 'string')
    : [];
  return {
    status: r.status as StoredResult['status'],
    ...(typeof r.headline === 'string' ? { headline: r.headline } : {}),
    failures,
    ...(typeof r.ranAt === 'string' ? { ranAt: r.ranAt } : {}),
    failedRuns: typeof r.failedRuns === 'number' && Number.isFinite(r.failedRuns) ? Math.max(0, Math.floor(r.failedRuns)) : 0,
    ...(typeof r.markedAt === 'string' ? { markedAt: r.markedAt } : {}),
  };
}

export class LabResults {
  constructor(private readonly memento: vscode.Memento) {}

  get(projectId: string): ProjectResults {
    const all = this.memento.get<Record<string, unknown>>(StorageKeys.labResults);
    const raw = all && typeof all === 'object' && Object.hasOwn(all, projectId) ? (all as Record<string, unknown>)[projectId] : undefined;
    if (typeof raw !== 'object' || raw === null) return { milestones: {} };
    const r = raw as Record<string, unknown>;
    const milestones: Record<string, StoredResult> = {};
    if (typeof r.milestones === 'object' && r.milestones !== null) {
      for (const [id, v] of Object.entries(r.milestones)) {
        const result = readResult(v);
        if (result) milestones[id] = result;
      }
    }
    return { milestones, ...(typeof r.output === 'string' ? { output: r.output } : {}) };
  }

  async set(projectId: string, results: ProjectResults): Promise<void> {
    const all = this.memento.get<Record<string, unknown>>(StorageKeys.labResults);
    const next = { ...(all && typeof all === 'object' ? all : {}), [projectId]: results };
    await this.memento.update(StorageKeys.labResults, next);
  }
}
