// Import never loses progress (issue 18 §2): merging is idempotent, notes stay under the cap, the
// learner's own export re-imports, and odd files (BOM, duplicate keys, huge, empty) are handled.
import * as assert from 'node:assert/strict';
import { emptyState, setDone, setMilestones, setNote, type ProgressState } from '../../../src/progress/state';
import { applyImport, exportProgress, importTooLarge, parseImport, EXPORT_FORMAT } from '../../../src/progress/transfer';
import { duplicateKeys } from '../../../src/progress/duplicateKeys';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-03-01T00:00:00Z');
const merge = (s: ProgressState, f: ProgressState): ProgressState => applyImport(s, f, 'merge').state;
function load(text: string): ProgressState {
  const r = parseImport(text);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.state;
}

describe('progress import: merging', () => {
  const mine = setNote(setDone(emptyState(), ['p'], true, t1), 'p', 'mine');
  const file = setNote(setDone(emptyState(), ['p'], true, t0), 'p', 'theirs');

  it('merging the same file twice changes nothing', () => {
    const once = merge(mine, file);
    assert.equal(once.items.p?.note, 'mine\n\ntheirs');
    assert.deepEqual(merge(once, file), once);
    assert.deepEqual(merge(merge(once, file), file), once);
  });

  it('never takes a note past the cap, and marks where it cut', () => {
    const long = setNote(emptyState(), 'p', 'a'.repeat(6_000));
    const other = setNote(emptyState(), 'p', 'b'.repeat(6_000));
    let s = long;
    for (let i = 0; i < 3; i++) s = merge(s, other);
    const note = s.items.p?.note ?? '';
    assert.ok(note.length <= 10_000, `note is ${note.length} characters`);
    assert.ok(note.startsWith('a'.repeat(6_000)), 'the learner\'s own note is never cut');
    assert.match(note, /truncated/);
  });

  it('the learner\'s own export re-imports after merges that filled a note', () => {
    let s = setMilestones(setNote(setDone(emptyState(), ['p'], true, t0), 'p', 'a'.repeat(9_000)), 'p', { m1: 'passed' }, ['m1', 'm2'], t0);
    const other = setNote(emptyState(), 'p', 'c'.repeat(5_000));
    for (let i = 0; i < 3; i++) s = merge(s, other);
    const back = load(exportProgress(s, t1));
    assert.deepEqual(back.items, s.items);
  });

  it('keeps fields of a newer export it does not know, on merge and on export', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: t0.toISOString(), items: { q: { done: true, rating: 5 } } });
    const s = merge(emptyState(), load(text));
    const out = JSON.parse(exportProgress(s, t1)) as { items: Record<string, unknown> };
    assert.deepEqual(out.items.q, { done: true, rating: 5 });
  });
});

describe('progress import: reading a file', () => {
  const body = { format: EXPORT_FORMAT, version: 1, exportedAt: t0.toISOString(), items: { a: { done: true } } };

  it('accepts a byte order mark', () => {
    assert.deepEqual(load(`\uFEFF${JSON.stringify(body)}`).items, { a: { done: true } });
  });

  it('reports duplicate keys instead of silently taking the last', () => {
    const r = parseImport('{"format":"ml-roadmap-progress","version":1,"items":{"a":{"done":true,"note":"one","note":"two"}}}');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /duplicate key.*items.*a.*note/);
  });

  it('refuses a file over the size cap before parsing it', () => {
    const r = parseImport('['.repeat(6 * 1024 * 1024));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /larger than 5 MB/);
  });

  it('says how large a refused file is, and accepts 5 MB', () => {
    assert.match(importTooLarge(6 * 1024 * 1024) ?? '', /6\.0 MB/);
    assert.equal(importTooLarge(5 * 1024 * 1024), undefined);
  });

  it('asks before a replace that would clear everything, and not before one that would not', () => {
    const mine = setDone(emptyState(), ['a', 'b'], true, t0);
    assert.equal(applyImport(mine, load(JSON.stringify({ ...body, items: {} })), 'replace').clears, 2);
    assert.equal(applyImport(mine, load(JSON.stringify(body)), 'replace').clears, 0);
    assert.equal(applyImport(emptyState(), load(JSON.stringify({ ...body, items: {} })), 'replace').clears, 0);
    assert.equal(applyImport(mine, load(JSON.stringify({ ...body, items: {} })), 'merge').clears, 0);
  });

  it('accepts a newer export version, reading it as the current one', () => {
    const r = parseImport(JSON.stringify({ ...body, version: 2 }));
    assert.ok(r.ok);
  });
});

describe('progress import: duplicate key scanner', () => {
  it('finds a key repeated in one object, with its path, also when spelled with escapes', () => {
    assert.deepEqual(duplicateKeys('{"items":{"a":{"note":"x","n\\u006fte":"y"}}}'), ['items → a → note']);
  });

  it('does not confuse equal keys in different objects, strings that look like keys, or array items', () => {
    assert.deepEqual(duplicateKeys('{"a":{"k":1},"b":{"k":2},"c":["k","k",{"k":1},{"k":2}],"d":"\\"k\\":1,\\"k\\""}'), []);
  });

  it('names array positions in the path', () => {
    assert.deepEqual(duplicateKeys('{"list":[{"x":1},{"x":1,"x":2}]}'), ['list → 1 → x']);
  });

  it('handles deep nesting without recursion', () => {
    assert.deepEqual(duplicateKeys(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), []);
  });
});
