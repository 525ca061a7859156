// Derived numbers for the tree and the status bar: progress per skill and overall, and an
// estimated finish date at the learner's pace. Pure: no `vscode`.
import type { Roadmap, Skill } from '../roadmap/model';
import { isDone, itemOf, type ProgressState } from './state';

export interface Count {
  readonly done: number;
  readonly total: number;
  /** 0–100, rounded down so 100 means really everything. */
  readonly percent: number;
}

export type SkillStatus = 'not-started' | 'in-progress' | 'done';

function count(done: number, total: number): Count {
  return { done, total, percent: total === 0 ? 0 : Math.floor((done / total) * 100) };
}

/** The ids that make up a skill: its topics and projects. */
export function skillItemIds(skill: Skill): string[] {
  return [...skill.topics.map((t) => t.id), ...skill.projects.map((p) => p.id)];
}

export function skillProgress(skill: Skill, state: ProgressState): Count {
  const ids = skillItemIds(skill);
  return count(ids.filter((id) => isDone(state, id)).length, ids.length);
}

export function skillStatus(skill: Skill, state: ProgressState): SkillStatus {
  const { done, total } = skillProgress(skill, state);
  if (total > 0 && done === total) return 'done';
  return done === 0 ? 'not-started' : 'in-progress';
}

export function overallProgress(roadmap: Roadmap, state: ProgressState): Count {
  let done = 0;
  let total = 0;
  for (const skill of roadmap.skills) {
    const c = skillProgress(skill, state);
    done += c.done;
    total += c.total;
  }
  return count(done, total);
}

/** Weeks a skill is planned to take: the middle of its range; ongoing skills count as 0. */
function plannedWeeks(skill: Skill): number {
  const { minWeeks, maxWeeks } = skill.duration;
  if (minWeeks === undefined) return 0;
  return (minWeeks + (maxWeeks ?? minWeeks)) / 2;
}

export interface FinishEstimate {
  /** Share of the planned weeks done, 0–1 (each item weighs its skill's weeks / its item count). */
  readonly fractionDone: number;
  readonly plannedWeeks: number;
  /** undefined when everything planned is done. */
  readonly finish?: Date;
  /** 'pace' when based on the learner's own pace, 'plan' when there is not enough history yet. */
  readonly basis: 'pace' | 'plan' | 'complete';
}

const DAY = 86_400_000;

/**
 * Estimates when the planned part of the roadmap will be finished. The learner's pace is the
 * planned weeks they have completed per calendar day since their first tick; with under a day of
 * history or nothing done, the plan's own durations are used from today.
 */
export function estimateFinish(roadmap: Roadmap, state: ProgressState, now: Date): FinishEstimate {
  let planned = 0;
  let doneWeeks = 0;
  let firstTick = Infinity;
  for (const skill of roadmap.skills) {
    const weeks = plannedWeeks(skill);
    const ids = skillItemIds(skill);
    planned += weeks;
    if (!ids.length) continue;
    for (const id of ids) {
      const item = itemOf(state, id);
      if (!item?.done) continue;
      doneWeeks += weeks / ids.length;
      if (item.doneAt) firstTick = Math.min(firstTick, Date.parse(item.doneAt));
    }
  }
  const fractionDone = planned === 0 ? 0 : doneWeeks / planned;
  const remainingWeeks = planned - doneWeeks;
  if (remainingWeeks <= 1e-9) return { fractionDone: planned === 0 ? 0 : 1, plannedWeeks: planned, basis: 'complete' };
  const elapsedDays = (now.getTime() - firstTick) / DAY;
  if (doneWeeks > 0 && Number.isFinite(firstTick) && elapsedDays >= 1) {
    const weeksPerDay = doneWeeks / elapsedDays;
    return { fractionDone, plannedWeeks: planned, finish: new Date(now.getTime() + (remainingWeeks / weeksPerDay) * DAY), basis: 'pace' };
  }
  return { fractionDone, plannedWeeks: planned, finish: new Date(now.getTime() + remainingWeeks * 7 * DAY), basis: 'plan' };
}
