// What a bulk change (a reset, an import) did to progress, item by item, and how to take it back.
// Undo works however late it is asked for: it puts back the items the change touched, except the
// ones the learner has changed again since (those are kept and counted), so it never undoes newer
// work and never needs a time limit. Pure: no `vscode`, unit-tested.
import { isDeepStrictEqual } from 'node:util';
import type { ItemProgress } from './fields';
import { own } from './records';
import type { ProgressState } from './state';

export interface ChangeCounts {
  /** Items the change created. */
  readonly added: number;
  /** Items present before and after, now different. */
  readonly changed: number;
  /** Items the change deleted. */
  readonly removed: number;
  /** Items present before and after, the same. */
  readonly unchanged: number;
}

function ids(...states: ProgressState[]): string[] {
  return [...new Set(states.flatMap((s) => Object.keys(s.items)))];
}

function same(a: ItemProgress | undefined, b: ItemProgress | undefined): boolean {
  return isDeepStrictEqual(a, b);
}

export function countChanges(before: ProgressState, after: ProgressState): ChangeCounts {
  let added = 0, changed = 0, removed = 0, unchanged = 0;
  for (const id of ids(before, after)) {
    const was = own(before.items, id);
    const is = own(after.items, id);
    if (was === undefined) added++;
    else if (is === undefined) removed++;
    else if (same(was, is)) unchanged++;
    else changed++;
  }
  return { added, changed, removed, unchanged };
}

export interface Undo {
  readonly state: ProgressState;
  /** Items put back as they were before the change. */
  readonly restored: number;
  /** Items the change touched that were changed again since: left as they are now. */
  readonly keptNewer: number;
}

/** Takes back the change `before` → `after` from `now`, item by item. */
export function undoChange(before: ProgressState, after: ProgressState, now: ProgressState): Undo {
  const items: Record<string, ItemProgress> = { ...now.items };
  let restored = 0, keptNewer = 0;
  for (const id of ids(before, after)) {
    const was = own(before.items, id);
    const became = own(after.items, id);
    if (same(was, became)) continue;
    if (!same(own(now.items, id), became)) { keptNewer++; continue; }
    if (was === undefined) delete items[id];
    else items[id] = was;
    restored++;
  }
  // What was kept unread comes back too, unless it changed since.
  const kept = isDeepStrictEqual(now.kept, after.kept) ? before.kept : now.kept;
  const state: ProgressState = { version: now.version, items };
  return { state: kept ? { ...state, kept } : state, restored, keptNewer };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "3 items added, 2 changed, 40 unchanged", or undefined when the change did nothing. */
export function describeChanges(c: ChangeCounts): string | undefined {
  if (c.added + c.changed + c.removed === 0) return undefined;
  const parts = [
    c.added ? `${plural(c.added, 'item')} added` : '',
    c.changed ? `${c.added ? c.changed.toLocaleString('en-US') : plural(c.changed, 'item')} changed` : '',
    c.removed ? `${c.added || c.changed ? c.removed.toLocaleString('en-US') : plural(c.removed, 'item')} removed` : '',
    c.unchanged ? `${c.unchanged.toLocaleString('en-US')} unchanged` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** What the learner is told after an Undo. */
export function describeUndo(u: Undo): string {
  if (u.restored === 0 && u.keptNewer === 0) return 'Nothing to undo: progress is as it was.';
  const restored = u.restored ? `${plural(u.restored, 'item')} put back as ${u.restored === 1 ? 'it was' : 'they were'}` : 'nothing was put back';
  const newer = u.keptNewer ? `; ${plural(u.keptNewer, 'item')} you changed since ${u.keptNewer === 1 ? 'was' : 'were'} kept as ${u.keptNewer === 1 ? 'it is' : 'they are'}` : '';
  return `Undone: ${restored}${newer}.`;
}
