// Progress is never lost (issue 18 §2): newer versions, one bad field, ids that name Object.prototype.
import * as assert from 'node:assert/strict';
import { recoveryMessage } from '../../../src/progress/recoveryMessage';
import { emptyState, isDone, recoverState, setDone, setMilestones, storedValue, SCHEMA_VERSION, type ProgressState } from '../../../src/progress/state';

const now = new Date('2026-01-02T03:04:05.000Z');
/** What the store writes for a state. */
const written = (s: ProgressState): unknown => JSON.parse(JSON.stringify(storedValue(s)));

describe('progress recovery keeps what it cannot read', () => {
  it('reads a newer version as the current one and writes back its unknown fields unchanged', () => {
    const raw = {
      version: SCHEMA_VERSION + 1,
      items: { a: { done: true, doneAt: now.toISOString(), tags: ['exam'], milestones: { m1: 'passed' } } },
      goals: { weekly: 3 },
    };
    const { state } = recoverState(raw);
    assert.equal(isDone(state, 'a'), true);
    const after = written(setDone(state, ['b'], true, now)) as typeof raw & { items: Record<string, unknown> };
    assert.deepEqual(after.items.a, raw.items.a);
    assert.deepEqual(after.goals, raw.goals);
    assert.equal(after.version, raw.version, 'a value holding newer fields is not relabelled as the older version');
  });

  it('drops only an over-long note: the done flag and the marks stay', () => {
    const { state, problems } = recoverState({ version: 1, items: { p: { done: true, note: 'x'.repeat(10_001), milestones: { m1: 'passed' } } } });
    assert.equal(state.items.p?.done, true);
    assert.deepEqual(state.items.p?.milestones, { m1: 'passed' });
    assert.equal(state.items.p?.note, undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /"p".*note/);
  });

  it('drops only a bad milestone id: the other marks, the done flag and the note stay', () => {
    const { state, problems } = recoverState({ version: 1, items: { p: { done: true, note: 'n', milestones: { Old_Id: 'passed', m2: 'manual' } } } });
    assert.deepEqual(state.items.p, { done: true, note: 'n', milestones: { m2: 'manual' } });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /Old_Id/);
  });

  it('keeps an unreadable field verbatim in what it writes, until the learner changes that field', () => {
    const { state } = recoverState({ version: 1, items: { p: { done: 'yes', note: 'n' } } });
    assert.deepEqual(state.items.p, { note: 'n' });
    assert.deepEqual((written(state) as { items: Record<string, unknown> }).items.p, { done: 'yes', note: 'n' });
    const ticked = written(setDone(state, ['p'], true, now)) as { items: Record<string, Record<string, unknown>> };
    assert.equal(ticked.items.p.done, true);
  });

  it('keeps an entry it cannot read at all (an invalid id, not an object) in what it writes', () => {
    const raw = { version: 1, items: { 'Bad Id': { done: true }, n: 42, ok: { done: true } } };
    const { state } = recoverState(raw);
    assert.deepEqual(state.items, { ok: { done: true } });
    assert.deepEqual((written(setDone(state, ['z'], true, now)) as { items: unknown }).items, { ...raw.items, z: { done: true, doneAt: now.toISOString() } });
  });
});

describe('progress ids never reach Object.prototype', () => {
  it('a milestone id "constructor" is not a mark', () => {
    const s = setMilestones(emptyState(), 'p', { m1: 'passed' }, ['m1', 'constructor'], now);
    assert.equal(isDone(s, 'p'), false);
  });

  it('an item id "constructor" or "toString" has no progress', () => {
    const s = setDone(emptyState(), ['constructor'], true, now);
    assert.equal(isDone(s, 'constructor'), true);
    assert.equal(isDone(emptyState(), 'constructor'), false);
    assert.equal(isDone(emptyState(), 'toString'), false);
    const cleared = setDone(s, ['constructor'], false, now);
    assert.deepEqual(Object.keys(cleared.items), []);
  });

  it('a stored "__proto__" milestone or item is an own key, kept as it was, never a prototype', () => {
    const raw = JSON.parse('{"version":1,"items":{"__proto__":{"done":true},"p":{"milestones":{"__proto__":"passed","m1":"manual"}}}}') as unknown;
    const { state } = recoverState(raw);
    assert.deepEqual(state.items.p?.milestones, { m1: 'manual' });
    assert.equal(Object.getPrototypeOf(state.items), Object.prototype);
    assert.equal(Object.getPrototypeOf(state.items.p.milestones), Object.prototype);
    assert.deepEqual(written(state), raw);
  });
});

describe('progress recovery message', () => {
  it('is one message for a newer version, however many items it has, and asks to update', () => {
    const raw = { version: 7, items: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`i${i}`, { done: true, mood: 'new' }])) };
    const { problems, newer } = recoverState(raw);
    const message = recoveryMessage(problems, newer);
    assert.match(message, /newer version.*progress version 7/);
    assert.match(message, /Update ML Roadmap/);
    assert.match(message, /kept unchanged/);
  });

  it('names the first problems and counts the rest', () => {
    const message = recoveryMessage(['a', 'b', 'c', 'd', 'e'], undefined);
    assert.match(message, /a; b; c \(\+2 more\)/);
    assert.match(message, /kept unchanged/);
  });
});
