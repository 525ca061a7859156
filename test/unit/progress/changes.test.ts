import * as assert from 'node:assert/strict';
import { emptyState, resetItems, setDone, setNote, type ProgressState } from '../../../src/progress/state';
import { applyImport } from '../../../src/progress/transfer';
import { countChanges, describeChanges, describeUndo, undoChange } from '../../../src/progress/changes';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-02-01T00:00:00Z');

function withProgress(): ProgressState {
  return setNote(setDone(emptyState(), ['a', 'b', 'c'], true, t0), 'a', 'my note on a');
}

describe('what a bulk change did, and undoing it', () => {
  it('counts added, changed, removed and unchanged items', () => {
    const before = withProgress();
    const file = setDone(setDone(emptyState(), ['c'], true, t0), ['d', 'e'], true, t1);
    const merged = applyImport(before, setDone(file, ['b'], false, t1), 'merge').state;
    const c = countChanges(before, merged);
    assert.equal(c.added, 2, 'd and e are new');
    assert.equal(c.unchanged + c.changed, 3);
    const replaced = applyImport(before, file, 'replace').state;
    assert.deepEqual(countChanges(before, replaced), { added: 2, changed: 0, removed: 2, unchanged: 1 });
    assert.deepEqual(countChanges(before, before), { added: 0, changed: 0, removed: 0, unchanged: 3 });
  });

  it('says what changed in a sentence, and nothing when nothing did', () => {
    assert.equal(describeChanges({ added: 1, changed: 0, removed: 0, unchanged: 0 }), '1 item added');
    assert.equal(describeChanges({ added: 3, changed: 2, removed: 0, unchanged: 40 }), '3 items added, 2 changed, 40 unchanged');
    assert.equal(describeChanges({ added: 0, changed: 2, removed: 1200, unchanged: 0 }), '2 items changed, 1,200 removed');
    assert.equal(describeChanges({ added: 0, changed: 0, removed: 0, unchanged: 9 }), undefined);
  });

  it('undo puts back exactly what the change touched', () => {
    const before = withProgress();
    const after = resetItems(before, ['a', 'b', 'c']);
    assert.notDeepEqual(after, before);
    const u = undoChange(before, after, after);
    assert.deepEqual(u.state, before);
    assert.equal(u.restored, 3);
    assert.equal(u.keptNewer, 0);
    assert.equal(describeUndo(u), 'Undone: 3 items put back as they were.');
  });

  it('undo much later keeps what the learner changed since, and everything else they did', () => {
    const before = withProgress();
    const after = resetItems(before, ['a', 'b', 'c']);
    // Since the reset: b ticked again (later), and a new topic z done.
    const now = setDone(setDone(after, ['b'], true, t1), ['z'], true, t1);
    const u = undoChange(before, after, now);
    assert.equal(u.restored, 2, 'a and c come back');
    assert.equal(u.keptNewer, 1, 'b was changed since');
    assert.deepEqual(u.state.items['a'], before.items['a']);
    assert.deepEqual(u.state.items['b'], now.items['b'], 'the newer b is kept');
    assert.deepEqual(u.state.items['z'], now.items['z'], 'work done since is kept');
    assert.equal(describeUndo(u), 'Undone: 2 items put back as they were; 1 item you changed since was kept as it is.');
  });

  it('undoing an import removes the items it added, unless changed since', () => {
    const before = withProgress();
    const after = applyImport(before, setDone(emptyState(), ['d', 'e'], true, t1), 'merge').state;
    const now = setNote(after, 'e', 'learner wrote this after the import');
    const u = undoChange(before, after, now);
    assert.equal(u.state.items['d'], undefined);
    assert.equal(u.state.items['e']?.note, 'learner wrote this after the import');
    assert.deepEqual(Object.keys(u.state.items).sort(), ['a', 'b', 'c', 'e']);
  });

  it('a second undo changes nothing', () => {
    const before = withProgress();
    const after = resetItems(before, ['a']);
    const once = undoChange(before, after, after).state;
    const twice = undoChange(before, after, once);
    assert.deepEqual(twice.state, once);
    assert.equal(twice.restored, 0);
    assert.equal(describeUndo(twice), 'Undone: nothing was put back; 1 item you changed since was kept as it is.');
  });
});
