import * as assert from 'node:assert/strict';
import { emptyState, isDone, markScaffolded, recoverState, resetItems, setDone, setMilestones, setNote, SCHEMA_VERSION } from '../../../src/progress/state';

const now = new Date('2026-01-02T03:04:05.000Z');

describe('progress state', () => {
  it('ticks and unticks items, recording when', () => {
    let s = setDone(emptyState(), ['a', 'b'], true, now);
    assert.deepEqual(s.items, { a: { done: true, doneAt: now.toISOString() }, b: { done: true, doneAt: now.toISOString() } });
    s = setDone(s, ['a'], false, now);
    assert.deepEqual(s.items, { b: { done: true, doneAt: now.toISOString() } });
    assert.equal(isDone(s, 'a'), false);
    assert.equal(isDone(s, 'b'), true);
  });

  it('keeps the first tick time when ticked again', () => {
    const later = new Date('2026-02-01T00:00:00Z');
    const s = setDone(setDone(emptyState(), ['a'], true, now), ['a'], true, later);
    assert.equal(s.items.a?.doneAt, now.toISOString());
  });

  it('keeps notes when progress is reset, and deletes an emptied note', () => {
    let s = setNote(setDone(emptyState(), ['a'], true, now), 'a', 'remember eigenvectors');
    s = resetItems(s, ['a']);
    assert.deepEqual(s.items, { a: { note: 'remember eigenvectors' } });
    s = setNote(s, 'a', '   ');
    assert.deepEqual(s.items, {});
  });

  it('refuses an over-long note', () => {
    assert.throws(() => setNote(emptyState(), 'a', 'x'.repeat(10_001)), /at most 10000/);
  });

  it('records scaffolding without ticking', () => {
    const s = markScaffolded(emptyState(), 'p', now);
    assert.deepEqual(s.items.p, { scaffoldedAt: now.toISOString() });
    assert.equal(isDone(s, 'p'), false);
  });

  it('does not mutate the previous state', () => {
    const a = emptyState();
    const b = setDone(a, ['x'], true, now);
    assert.deepEqual(a.items, {});
    assert.notEqual(a, b);
  });
});

describe('recovering stored progress', () => {
  it('reads nothing stored as empty, silently', () => {
    assert.deepEqual(recoverState(undefined), { state: emptyState(), problems: [] });
  });

  it('reads a clean value unchanged', () => {
    const stored = { version: SCHEMA_VERSION, items: { a: { done: true, doneAt: now.toISOString(), note: 'n' } } };
    assert.deepEqual(recoverState(stored), { state: stored, problems: [] });
  });

  it('uses the valid entries of a partly corrupt value and names what it could not read', () => {
    const { state, problems } = recoverState({
      version: 1,
      items: {
        good: { done: true },
        'Bad Id': { done: true },
        'wrong-type': { done: 'yes' },
        'bad-date': { done: true, doneAt: 'not a date' },
        'also-good': { note: 'hi' },
        'not-object': 42,
      },
    });
    assert.deepEqual(state.items, { good: { done: true }, 'bad-date': { done: true }, 'also-good': { note: 'hi' } });
    assert.deepEqual(problems, [
      'entry with invalid id "Bad Id"',
      '"wrong-type": "done" is not true or false',
      '"bad-date": "doneAt" is not a date',
      '"not-object" is not an object',
    ]);
  });

  it('recovers from garbage of any shape without throwing', () => {
    for (const raw of ['{{{', 42, [], [1, 2], true, { version: 1 }, { version: 1, items: [] }, { items: null }]) {
      const { state, problems } = recoverState(raw);
      assert.deepEqual(state, emptyState());
      assert.ok(problems.length > 0, `no problem reported for ${JSON.stringify(raw)}`);
    }
  });

  it('reads an unknown version, keeping the valid entries and saying so', () => {
    const { state, problems } = recoverState({ version: 'x', items: { a: { done: true } } });
    assert.deepEqual(state.items, { a: { done: true } });
    assert.deepEqual(problems, ['unknown progress version "x"; read as version 1']);
  });

  it('reads a newer version as the current one, without a problem per item', () => {
    const { state, problems, newer } = recoverState({ version: 99, items: { a: { done: true } } });
    assert.deepEqual(state.items, { a: { done: true } });
    assert.equal(state.version, 99);
    assert.equal(newer, 99);
    assert.deepEqual(problems, []);
  });
});

describe('milestone marks', () => {
  const all = ['m1', 'm2', 'm3'];
  it('records passed and manual marks separately and ticks the project only when all are marked', () => {
    let s = setMilestones(emptyState(), 'p', { m1: 'passed', m2: 'manual' }, all, now);
    assert.deepEqual(s.items.p, { milestones: { m1: 'passed', m2: 'manual' } });
    assert.equal(isDone(s, 'p'), false);
    s = setMilestones(s, 'p', { m3: 'passed' }, all, now);
    assert.equal(isDone(s, 'p'), true);
    assert.deepEqual(s.items.p?.milestones, { m1: 'passed', m2: 'manual', m3: 'passed' });
  });

  it('removes a mark without unticking a project the learner ticked', () => {
    let s = setDone(emptyState(), ['p'], true, now);
    s = setMilestones(s, 'p', { m1: 'manual' }, all, now);
    s = setMilestones(s, 'p', { m1: undefined }, all, now);
    assert.deepEqual(s.items.p, { done: true, doneAt: now.toISOString() });
  });

  it('sets a bad mark aside when recovering and uses the others', () => {
    const { state, problems } = recoverState({ version: 1, items: { p: { milestones: { m1: 'maybe', m2: 'passed' } }, q: { milestones: { m1: 'manual' } } } });
    assert.deepEqual(state.items, { p: { milestones: { m2: 'passed' } }, q: { milestones: { m1: 'manual' } } });
    assert.deepEqual(problems, ['"p": "milestones" mark "m1" is neither "passed" nor "manual"']);
  });
});

describe('reset', () => {
  it('clears done and milestone marks but keeps notes and the scaffold record', () => {
    let s = setMilestones(emptyState(), 'p', { m1: 'passed' }, ['m1'], now);
    s = markScaffolded(setNote(s, 'p', 'keep me'), 'p', now);
    s = resetItems(s, ['p']);
    assert.deepEqual(s.items.p, { note: 'keep me', scaffoldedAt: now.toISOString() });
  });
});
