// What "Find in Roadmap" offers: every skill, topic and project once, in roadmap order, each with
// its skill (so a skill's name finds its items) and its state in words.
import * as assert from 'node:assert/strict';
import { findEntries } from '../../../src/tree/findEntries';
import { emptyState, setDone } from '../../../src/progress/state';
import { roadmap } from '../progress/fixtures';

describe('find in roadmap entries', () => {
  it('lists every skill, topic and project once, in roadmap order', () => {
    const ids = findEntries(roadmap, emptyState()).map((e) => e.id);
    assert.deepEqual(ids, ['s1', 't1', 't2', 't3', 'p1', 's2', 't4', 't5', 'p2', 's3', 't6']);
  });

  it('gives each entry its title as label and its skill as description', () => {
    const entries = findEntries(roadmap, emptyState());
    const t4 = entries.find((e) => e.id === 't4')!;
    assert.deepEqual([t4.kind, t4.label, t4.description], ['topic', 't4', '2. s2']);
    const p1 = entries.find((e) => e.id === 'p1')!;
    assert.deepEqual([p1.kind, p1.description], ['project', '1. s1']);
    assert.equal(entries.find((e) => e.id === 's3')!.description, '3. s3');
  });

  it('says what is done, and how far a skill is', () => {
    const state = setDone(emptyState(), ['t1', 'p1', 't6'], true, new Date(0));
    const by = new Map(findEntries(roadmap, state).map((e) => [e.id, e]));
    assert.deepEqual([by.get('t1')!.status, by.get('t1')!.detail], ['done', 'topic · done']);
    assert.deepEqual([by.get('t2')!.status, by.get('t2')!.detail], ['not-done', 'topic · not done']);
    assert.deepEqual([by.get('p1')!.status, by.get('p1')!.detail], ['done', 'project · done']);
    assert.deepEqual([by.get('s1')!.status, by.get('s1')!.detail], ['in-progress', 'skill · 2 of 4 done']);
    assert.deepEqual([by.get('s2')!.status, by.get('s2')!.detail], ['not-done', 'skill · 0 of 3 done']);
    assert.deepEqual([by.get('s3')!.status, by.get('s3')!.detail], ['done', 'skill · 1 of 1 done']);
  });
});
