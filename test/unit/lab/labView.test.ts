// The lab's view model (src/lab/labView.ts), what a run records (recordResults.ts) and the run
// session (runSession.ts): pure rules, no editor.
import * as assert from 'node:assert/strict';
import { labState, type LabFacts } from '../../../src/lab/labView';
import { recordRun, recordTick } from '../../../src/lab/recordResults';
import { failuresOf, type ProjectResults, type StoredResult } from '../../../src/lab/labResults';
import { RunSession } from '../../../src/lab/runSession';
import type { MilestoneCell } from '../../../src/roadmap/milestoneCells';
import type { Check } from '../../../src/roadmap/milestones';

const PROJECT_DIR = '/home/me/ws/probdist';
const hint = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] as unknown as MilestoneCell['hints'][number];

function cell(id: string, check: Check = { kind: 'pytest', nodeIds: ['tests/test_a.py'] }, hints = 3): MilestoneCell {
  return {
    milestone: { id, title: `Milestone ${id}`, explanation: '', check, compare: [], hints: Array.from({ length: hints }, (_, i) => `hint ${i + 1}`), range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } } as unknown as MilestoneCell['milestone'],
    explanation: [],
    hints: Array.from({ length: hints }, (_, i) => hint(`hint ${i + 1}`)),
  };
}

function facts(over: Partial<LabFacts> = {}): LabFacts {
  return {
    project: { id: 'probability-distributions', title: 'Probability', description: 'd' },
    folder: { shown: 'probdist', fsPath: PROJECT_DIR },
    trusted: true,
    milestones: [cell('a'), cell('b')],
    results: { milestones: {} },
    marks: {},
    done: false,
    running: undefined,
    drift: undefined,
    checkLabel: (c) => c.kind,
    ...over,
  };
}

const failed = (over: Partial<StoredResult> = {}): StoredResult => ({ status: 'failed', failures: [{ name: 'tests/test_a.py::test_x', message: 'boom' }], located: true, ranAt: '2025-01-01T10:00:00.000Z', failedRuns: 1, ...over });

describe('lab view model', () => {
  it('shows every milestone not run before any result, with no hint unlocked', () => {
    const state = labState(facts());
    assert.deepEqual(state.milestones.map((m) => [m.id, m.status, m.hints.length, m.hintsTotal]), [['a', 'not-run', 0, 3], ['b', 'not-run', 0, 3]]);
    assert.equal(state.running, false);
    assert.equal(state.folder, 'probdist');
  });

  it('unlocks one hint per failed run, never more than there are', () => {
    const view = (failedRuns: number) => labState(facts({ results: { milestones: { a: failed({ failedRuns }) } } })).milestones[0];
    assert.equal(view(1).hints.length, 1);
    assert.equal(view(2).hints.length, 2);
    assert.equal(view(7).hints.length, 3);
    assert.equal(view(0).hints.length, 0);
  });

  it('a running milestone says running and keeps its last status; the others keep theirs', () => {
    const state = labState(facts({ results: { milestones: { a: failed(), b: failed({ status: 'passed', failures: [] }) } }, running: new Set(['a']) }));
    assert.equal(state.running, true);
    assert.deepEqual([state.milestones[0].status, state.milestones[0].lastStatus], ['running', 'failed']);
    assert.deepEqual([state.milestones[1].status, state.milestones[1].lastStatus], ['passed', undefined]);
    const fresh = labState(facts({ running: new Set(['a']) })).milestones[0];
    assert.deepEqual([fresh.status, fresh.lastStatus], ['running', undefined]);
  });

  it('marks failures as from before the tick by hand only when the tick came after the run', () => {
    const view = (result: StoredResult, manual: boolean) => labState(facts({ results: { milestones: { a: result } }, marks: manual ? { a: 'manual' } : {} })).milestones[0];
    assert.equal(view(failed({ markedAt: '2025-01-01T11:00:00.000Z' }), true).failuresBeforeManual, true);
    assert.equal(view(failed({ markedAt: '2025-01-01T09:00:00.000Z' }), true).failuresBeforeManual, undefined, 'a run after the tick is current');
    assert.equal(view(failed({ markedAt: '2025-01-01T11:00:00.000Z' }), false).failuresBeforeManual, undefined, 'not ticked by hand');
    assert.equal(view(failed({ failures: [], markedAt: '2025-01-01T11:00:00.000Z' }), true).failuresBeforeManual, undefined, 'no failures to mark');
    assert.equal(view(failed({ markedAt: '2025-01-01T11:00:00.000Z' }), true).manual, true);
  });

  it('reports test drift only when there is some', () => {
    assert.equal(labState(facts({ drift: { changed: [], missing: [] } })).testDrift, undefined);
    assert.deepEqual(labState(facts({ drift: { changed: ['tests/test_a.py'], missing: [] } })).testDrift, { changed: ['tests/test_a.py'], missing: [] });
  });

  it('shows a result stored before failures carried their places with the places found now', () => {
    const old: StoredResult = { status: 'failed', failures: [{ name: 'tests/test_a.py::test_x', message: 'probdist/samplers.py:8: NotImplementedError' }], failedRuns: 1 };
    const shown = labState(facts({ results: { milestones: { a: old } } })).milestones[0].failures[0];
    assert.deepEqual(shown.locations, [{ path: 'probdist/samplers.py', line: 8 }]);
    assert.deepEqual(shown.testFile, { path: 'tests/test_a.py' });
  });
});

describe('lab: what a run and a tick record', () => {
  const outcome = (status: 'passed' | 'failed', message = 'probdist/samplers.py:8: NotImplementedError') => ({
    outcomes: { a: { status, headline: status, failures: status === 'failed' ? [{ name: 'tests/test_a.py::test_x', message }] : [] } },
  });

  it('stores each failure with its places, found once, and counts failed runs', () => {
    const first = recordRun({ milestones: {} }, outcome('failed'), {}, PROJECT_DIR, '2025-01-01T10:00:00.000Z');
    const stored = first.results.milestones.a;
    assert.equal(stored.located, true);
    assert.equal(stored.failedRuns, 1);
    assert.deepEqual(stored.failures[0].locations, [{ path: 'probdist/samplers.py', line: 8 }]);
    assert.equal(failuresOf(stored, '/elsewhere'), stored.failures, 'stored places are not found again');
    const second = recordRun(first.results, outcome('failed'), {}, PROJECT_DIR, '2025-01-01T11:00:00.000Z');
    assert.equal(second.results.milestones.a.failedRuns, 2);
    assert.deepEqual(second.marks, {});
  });

  it('marks a pass, and takes back a pass that fails now; a tick by hand stays', () => {
    assert.deepEqual(recordRun({ milestones: {} }, outcome('passed'), {}, PROJECT_DIR, 'now').marks, { a: 'passed' });
    assert.deepEqual(recordRun({ milestones: {} }, outcome('failed'), { a: 'passed' }, PROJECT_DIR, 'now').marks, { a: undefined });
    assert.deepEqual(recordRun({ milestones: {} }, outcome('failed'), { a: 'manual' }, PROJECT_DIR, 'now').marks, {});
  });

  it('a tick by hand remembers when, an untick forgets it, and nothing changes without a result', () => {
    const stored: ProjectResults = { milestones: { a: failed() } };
    const ticked = recordTick(stored, 'a', true, '2025-01-01T12:00:00.000Z');
    assert.equal(ticked.milestones.a.markedAt, '2025-01-01T12:00:00.000Z');
    assert.equal(recordTick(ticked, 'a', false, 'later').milestones.a.markedAt, undefined);
    assert.equal(recordTick(stored, 'b', true, 'now'), stored);
  });
});

describe('lab run session', () => {
  it('runs one at a time: a new run cancels the one before, whose results are dropped', () => {
    const session = new RunSession();
    const first = session.start(['a']);
    const second = session.start(['b']);
    assert.equal(first.signal.aborted, true);
    assert.equal(session.isCurrent(first), false);
    assert.deepEqual([...session.running!], ['b']);
    session.finish(first);
    assert.deepEqual([...session.running!], ['b'], 'the older run ending stopped the newer one');
    session.cancel();
    assert.equal(second.signal.aborted, true);
    session.finish(second);
    assert.equal(session.running, undefined);
  });
});
