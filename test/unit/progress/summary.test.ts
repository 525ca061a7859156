import * as assert from 'node:assert/strict';
import { emptyState, setDone } from '../../../src/progress/state';
import { estimateFinish, overallProgress, skillProgress, skillStatus } from '../../../src/progress/summary';
import { roadmap } from './fixtures';

const [s1, s2] = roadmap.skills as [typeof roadmap.skills[0], typeof roadmap.skills[0]];
const t0 = new Date('2026-01-01T00:00:00Z');
const DAY = 86_400_000;

describe('progress summary', () => {
  it('counts per skill and overall, rounding down', () => {
    const s = setDone(emptyState(), ['t1', 'p1', 't4'], true, t0);
    assert.deepEqual(skillProgress(s1, s), { done: 2, total: 4, percent: 50 });
    assert.deepEqual(skillProgress(s2, s), { done: 1, total: 3, percent: 33 });
    assert.deepEqual(overallProgress(roadmap, s), { done: 3, total: 8, percent: 37 });
  });

  it('ignores ids that are not in the roadmap (vanished items keep their progress but do not count)', () => {
    const s = setDone(emptyState(), ['gone-topic', 't1'], true, t0);
    assert.deepEqual(overallProgress(roadmap, s), { done: 1, total: 8, percent: 12 });
    assert.equal(s.items['gone-topic']?.done, true);
  });

  it('gives each skill a status: not started, in progress, done', () => {
    assert.equal(skillStatus(s1, emptyState()), 'not-started');
    assert.equal(skillStatus(s1, setDone(emptyState(), ['t2'], true, t0)), 'in-progress');
    assert.equal(skillStatus(s1, setDone(emptyState(), ['t1', 't2', 't3', 'p1'], true, t0)), 'done');
  });

  it('estimates from the plan when there is no history yet', () => {
    const e = estimateFinish(roadmap, emptyState(), t0);
    assert.equal(e.basis, 'plan');
    assert.equal(e.plannedWeeks, 10);
    assert.equal(e.finish?.getTime(), t0.getTime() + 10 * 7 * DAY);
  });

  it('estimates from the learner pace once there is a day of history', () => {
    // All of s1 (4 planned weeks) done over 14 days → 4/14 weeks per day; 6 weeks remain → 21 days.
    const s = setDone(emptyState(), ['t1', 't2', 't3', 'p1'], true, t0);
    const now = new Date(t0.getTime() + 14 * DAY);
    const e = estimateFinish(roadmap, s, now);
    assert.equal(e.basis, 'pace');
    assert.equal(e.fractionDone, 0.4);
    assert.equal(Math.round((e.finish!.getTime() - now.getTime()) / DAY), 21);
  });

  it('says complete when every planned item is done (ongoing skills do not block it)', () => {
    const s = setDone(emptyState(), ['t1', 't2', 't3', 'p1', 't4', 't5', 'p2'], true, t0);
    const e = estimateFinish(roadmap, s, new Date(t0.getTime() + DAY));
    assert.equal(e.basis, 'complete');
    assert.equal(e.finish, undefined);
  });
});
