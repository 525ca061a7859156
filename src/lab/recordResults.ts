// What a finished run and a tick by hand change in the lab's two stores: the stored results (each
// failure with the project places it names, found once here) and the project's milestone marks in
// progress (passed now: marked passed; passed before and failing now: the mark goes). Pure: no
// `vscode`; the controller writes both.
import type { MilestoneMark } from '../progress/state';
import type { LabRunOutcome } from './runLabChecks';
import type { ProjectResults, StoredResult } from './labResults';
import { locateFailure } from './failureLocations';

export interface Recorded {
  readonly results: ProjectResults;
  /** Marks to set (passed) or clear (undefined) in progress. */
  readonly marks: Readonly<Record<string, 'passed' | undefined>>;
}

/** The results and marks after `outcome`, a run finished at `ranAt` in `projectDir`. */
export function recordRun(previous: ProjectResults, outcome: LabRunOutcome, marked: Readonly<Record<string, MilestoneMark>>, projectDir: string, ranAt: string): Recorded {
  const milestones: Record<string, StoredResult> = { ...previous.milestones };
  const marks: Record<string, 'passed' | undefined> = {};
  for (const [id, o] of Object.entries(outcome.outcomes)) {
    const before = Object.hasOwn(previous.milestones, id) ? previous.milestones[id] : undefined;
    const failed = o.status === 'failed' || o.status === 'error';
    milestones[id] = {
      status: o.status,
      ...(o.headline ? { headline: o.headline } : {}),
      failures: o.failures.map((f) => locateFailure(f, projectDir)),
      located: true,
      ranAt,
      failedRuns: (before?.failedRuns ?? 0) + (failed ? 1 : 0),
    };
    if (o.status === 'passed') marks[id] = 'passed';
    else if (Object.hasOwn(marked, id) && marked[id] === 'passed') marks[id] = undefined; // passed before, fails now
  }
  return { results: { milestones, ...(outcome.output ? { output: outcome.output } : {}) }, marks };
}

/**
 * The results after the learner ticked (`done`) or unticked a milestone by hand at `at`: a ticked
 * result remembers when, so the lab can show its failures as older than the tick. Unchanged when
 * the milestone has no result.
 */
export function recordTick(stored: ProjectResults, milestoneId: string, done: boolean, at: string): ProjectResults {
  const result = Object.hasOwn(stored.milestones, milestoneId) ? stored.milestones[milestoneId] : undefined;
  if (!result) return stored;
  const { markedAt: _dropped, ...rest } = result;
  void _dropped;
  const next: StoredResult = done ? { ...rest, markedAt: at } : rest;
  return { ...stored, milestones: { ...stored.milestones, [milestoneId]: next } };
}
