// The last result of every check, per project, kept in workspace state so reopening a lab (or
// reloading the window) shows it. Stored values are read defensively: a corrupt entry is ignored.
import type * as vscode from 'vscode';
import type { CheckStatus, FailureView } from '../shared/labProtocol';
import { StorageKeys } from '../ids';
import { isHiddenSecret, locateFailure } from './failureLocations';

export interface StoredResult {
  readonly status: Exclude<CheckStatus, 'running'>;
  readonly headline?: string;
  readonly failures: readonly FailureView[];
  /**
   * The failures carry the project places they name, found when the run was recorded. Results
   * stored before that have none: their places are found when they are shown (failuresOf).
   */
  readonly located?: true;
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

/** A result's failures with their places: as stored, or found now for a result stored without them. */
export function failuresOf(result: StoredResult, projectDir: string | undefined): readonly FailureView[] {
  if (result.located || projectDir === undefined) return result.failures;
  return result.failures.map((f) => locateFailure(f, projectDir));
}

const STATUSES = new Set(['not-run', 'passed', 'failed', 'error']);

/** A stored place: a relative path (not a hidden secret) and a positive line. */
function readPlace(v: unknown, lineRequired: boolean): { path: string; line?: number } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { path, line } = v as Record<string, unknown>;
  if (typeof path !== 'string' || !path || path.startsWith('/') || path.split('/').includes('..') || isHiddenSecret(path)) return undefined;
  const goodLine = typeof line === 'number' && Number.isSafeInteger(line) && line >= 1;
  if (lineRequired && !goodLine) return undefined;
  return { path, ...(goodLine ? { line: line } : {}) };
}

function readFailure(v: unknown, located: boolean): FailureView | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const f = v as Record<string, unknown>;
  if (typeof f.name !== 'string' || typeof f.message !== 'string') return undefined;
  const locations = located && Array.isArray(f.locations) ? f.locations.map((l) => readPlace(l, true)).filter((l): l is { path: string; line: number } => l !== undefined) : [];
  const testFile = located ? readPlace(f.testFile, false) : undefined;
  return {
    name: f.name,
    message: f.message,
    ...(typeof f.details === 'string' ? { details: f.details } : {}),
    ...(locations.length ? { locations } : {}),
    ...(testFile ? { testFile } : {}),
  };
}

function readResult(v: unknown): StoredResult | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.status !== 'string' || !STATUSES.has(r.status)) return undefined;
  const located = r.located === true;
  const failures = Array.isArray(r.failures) ? r.failures.map((f) => readFailure(f, located)).filter((f): f is FailureView => f !== undefined) : [];
  return {
    status: r.status as StoredResult['status'],
    ...(typeof r.headline === 'string' ? { headline: r.headline } : {}),
    failures,
    ...(located ? { located: true as const } : {}),
    ...(typeof r.ranAt === 'string' ? { ranAt: r.ranAt } : {}),
    failedRuns: typeof r.failedRuns === 'number' && Number.isFinite(r.failedRuns) ? Math.max(0, Math.floor(r.failedRuns)) : 0,
    ...(typeof r.markedAt === 'string' ? { markedAt: r.markedAt } : {}),
  };
}

export class LabResults {
  constructor(private readonly memento: vscode.Memento) {}

  get(projectId: string): ProjectResults {
    const all = this.memento.get<Record<string, unknown>>(StorageKeys.labResults);
    const raw = all && typeof all === 'object' && Object.hasOwn(all, projectId) ? (all)[projectId] : undefined;
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
