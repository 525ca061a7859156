import * as assert from 'node:assert/strict';
import { emptyState, setDone, setNote } from '../../../src/progress/state';
import { applyImport, exportProgress, parseImport } from '../../../src/progress/transfer';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-03-01T00:00:00Z');

describe('progress export and import', () => {
  it('round-trips exactly', () => {
    const s = setNote(setDone(emptyState(), ['b', 'a'], true, t0), 'c', 'a note\nwith lines');
    const text = exportProgress(s, t1);
    const back = parseImport(text);
    assert.ok(back.ok);
    assert.deepEqual(back.state, s);
    assert.match(text, /"format": "ml-roadmap-progress"/);
    assert.ok(text.indexOf('"a"') < text.indexOf('"b"'), 'keys are sorted for stable diffs');
  });

  const rejects: Array<[string, string, RegExp]> = [
    ['not JSON', '{oops', /not valid JSON/],
    ['an array', '[]', /does not hold a JSON object/],
    ['another format', '{"format":"other","version":1,"items":{}}', /not an ML Roadmap progress export/],
    ['an unknown version', '{"format":"ml-roadmap-progress","version":"two","items":{}}', /unknown progress version "two"/],
    ['no items', '{"format":"ml-roadmap-progress","version":1}', /no "items" object/],
    ['a bad entry', '{"format":"ml-roadmap-progress","version":1,"items":{"ok":{"done":true},"x":{"done":1}}}', /"x": "done" is not true or false/],
  ];
  for (const [what, text, reason] of rejects) {
    it(`rejects ${what} with the reason`, () => {
      const r = parseImport(text);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.reason, reason);
    });
  }

  it('replace takes the file as it is', () => {
    const mine = setDone(emptyState(), ['a'], true, t0);
    const theirs = setDone(emptyState(), ['b'], true, t1);
    assert.deepEqual(applyImport(mine, theirs, 'replace').state, theirs);
  });

  it('merge keeps both sides: done wins, the earliest tick, both notes', () => {
    const mine = setNote(setDone(emptyState(), ['a', 'shared'], true, t1), 'shared', 'mine');
    const theirs = setNote(setDone(emptyState(), ['b', 'shared'], true, t0), 'shared', 'theirs');
    const merged = applyImport(mine, theirs, 'merge').state;
    assert.deepEqual(Object.keys(merged.items).sort(), ['a', 'b', 'shared']);
    assert.deepEqual(merged.items.shared, { done: true, doneAt: t0.toISOString(), note: 'mine\n\ntheirs' });
  });
});
