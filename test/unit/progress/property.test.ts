// Seeded property tests of progress: random corrupt stored values never lose a valid done flag or
// note, nothing read is lost on the next write, merging is idempotent, and the learner's own export
// always re-imports. Reproduce a failure with PROGRESS_SEED=<seed> as printed in its message.
import * as assert from 'node:assert/strict';
import { MAX_NOTE } from '../../../src/progress/fields';
import { isRecord } from '../../../src/progress/records';
import { recoverState, setDone, setMilestones, setNote, storedValue, type ProgressState } from '../../../src/progress/state';
import { applyImport, exportProgress, parseImport } from '../../../src/progress/transfer';

const SEED = Number(process.env.PROGRESS_SEED ?? 0x9e0) >>> 0;
type Random = () => number;

/** A small xorshift32 generator: the same seed gives the same cases. */
function random(seed: number): Random {
  let x = (seed ^ 0x2545f491) >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const some = <T>(rnd: Random, max: number, make: () => T): T[] => Array.from({ length: Math.floor(rnd() * (max + 1)) }, make);

const IDS = ['a', 'b', 'p-1', 'constructor', 'to-string', '__proto__', 'Old_Id', 'toString', '', 'hasOwnProperty'];
const NOTES = ['', '   ', 'a', 'b', 'ab', 'note one', 'a\n\nb', 'x'.repeat(6_000), 'y'.repeat(9_000), 'z'.repeat(MAX_NOTE + 1), 42, null];
const DATES = ['2026-01-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z', 'not a date', 5, null];
const MARKS = ['passed', 'manual', 'maybe', 1, null];

function rawEntry(rnd: Random): unknown {
  if (rnd() < 0.08) return pick(rnd, [42, 'x', null, [], [1]]);
  const fields: Array<[string, unknown]> = [];
  if (rnd() < 0.7) fields.push(['done', pick(rnd, [true, true, false, 'yes', 1, null])]);
  if (rnd() < 0.5) fields.push(['doneAt', pick(rnd, DATES)]);
  if (rnd() < 0.5) fields.push(['note', pick(rnd, NOTES)]);
  if (rnd() < 0.3) fields.push(['scaffoldedAt', pick(rnd, DATES)]);
  if (rnd() < 0.5) {
    fields.push(['milestones', rnd() < 0.1 ? pick(rnd, [[], 'x', 3]) : Object.fromEntries(some(rnd, 4, () => [pick(rnd, IDS), pick(rnd, MARKS)]))]);
  }
  if (rnd() < 0.2) fields.push([pick(rnd, ['tags', 'rating', 'constructor', '__proto__']), pick(rnd, [['t'], 5, { deep: true }])]);
  return Object.fromEntries(fields);
}

function rawState(rnd: Random): Record<string, unknown> {
  const top: Array<[string, unknown]> = [['version', pick(rnd, [1, 1, 1, 2, 99, 'x', 0, undefined])]];
  top.push(['items', rnd() < 0.03 ? pick(rnd, [[], 'x', null]) : Object.fromEntries(some(rnd, 6, () => [pick(rnd, IDS), rawEntry(rnd)]))]);
  if (rnd() < 0.2) top.push(['goals', { weekly: 3 }]);
  return Object.fromEntries(top);
}

const VALID_ID = /^[a-z0-9][a-z0-9-]*$/;
const empty = (key: string, v: unknown): boolean =>
  v === undefined || v === false || (key === 'note' && typeof v === 'string' && !v.trim()) || (key === 'milestones' && isRecord(v) && !Object.keys(v).length);
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('progress properties (seeded)', () => {
  it('2,000 random corrupt stored values never lose a valid done flag or note, and the next write keeps every field', () => {
    for (let i = 0; i < 2_000; i++) {
      const seed = SEED + i;
      const raw = rawState(random(seed));
      const { state } = recoverState(raw);
      const written = roundTrip(storedValue(setDone(state, ['fresh'], true, new Date(0)))) as Record<string, unknown> & { items: Record<string, unknown> };
      const at = `PROGRESS_SEED=${seed}: ${JSON.stringify(raw).slice(0, 300)}`;
      if (isRecord(raw.items)) {
        for (const [id, entry] of Object.entries(raw.items)) {
          if (VALID_ID.test(id) && isRecord(entry)) {
            const item = Object.hasOwn(state.items, id) ? state.items[id] : undefined;
            if (entry.done === true) assert.equal(item?.done, true, `lost the done flag of ${id}: ${at}`);
            if (typeof entry.note === 'string' && entry.note.trim() && entry.note.length <= MAX_NOTE) assert.equal(item?.note, entry.note, `lost the note of ${id}: ${at}`);
          }
          if (id === 'fresh') continue;
          const out = Object.hasOwn(written.items, id) ? written.items[id] : undefined;
          if (!isRecord(entry)) { assert.deepEqual(out, roundTrip(entry), `entry ${id} not kept: ${at}`); continue; }
          for (const [key, value] of Object.entries(entry)) {
            if (empty(key, value)) continue;
            assert.ok(isRecord(out) && Object.hasOwn(out, key), `field ${id}.${key} lost on write: ${at}`);
            assert.deepEqual(out[key], roundTrip(value), `field ${id}.${key} changed on write: ${at}`);
          }
        }
      }
      if (typeof raw.version === 'number' && raw.version > 1) assert.equal(written.version, raw.version, at);
      if (raw.goals) assert.deepEqual(written.goals, raw.goals, at);
      assert.deepEqual(recoverState(written).state.items, setDone(state, ['fresh'], true, new Date(0)).items, `read → write → read differs: ${at}`);
    }
  });

  function randomState(rnd: Random): ProgressState {
    let s = recoverState(rawState(rnd)).state;
    for (const _ of some(rnd, 4, () => 0)) {
      const id = pick(rnd, ['a', 'b', 'p-1', 'constructor']);
      const choice = rnd();
      if (choice < 0.3) s = setDone(s, [id], rnd() < 0.7, new Date(Math.floor(rnd() * 4) * 86_400_000));
      else if (choice < 0.7) { const n = pick(rnd, NOTES); if (typeof n === 'string' && n.length <= MAX_NOTE) s = setNote(s, id, n); }
      else s = setMilestones(s, id, { [pick(rnd, ['m1', 'm2', 'constructor'])]: pick(rnd, ['passed', 'manual', undefined] as const) }, ['m1', 'm2'], new Date(0));
    }
    return s;
  }

  it('merging the same file twice equals merging it once, and notes stay under the cap (1,000 random states)', () => {
    for (let i = 0; i < 1_000; i++) {
      const seed = SEED + 10_000 + i;
      const rnd = random(seed);
      const s = randomState(rnd);
      const f = randomState(rnd);
      const once = applyImport(s, f, 'merge').state;
      const twice = applyImport(once, f, 'merge').state;
      assert.deepEqual(twice, once, `PROGRESS_SEED=${seed}`);
      for (const item of Object.values(once.items)) assert.ok((item.note?.length ?? 0) <= MAX_NOTE, `PROGRESS_SEED=${seed}: note of ${item.note?.length}`);
    }
  });

  it('the learner\'s own export always re-imports with the same progress (1,000 random states)', () => {
    for (let i = 0; i < 1_000; i++) {
      const seed = SEED + 20_000 + i;
      const rnd = random(seed);
      let s = randomState(rnd);
      s = applyImport(s, randomState(rnd), 'merge').state;
      const back = parseImport(exportProgress(s, new Date(0)));
      assert.ok(back.ok, `PROGRESS_SEED=${seed}: ${back.ok ? '' : back.reason}`);
      assert.deepEqual(back.state.items, s.items, `PROGRESS_SEED=${seed}`);
    }
  });
});
