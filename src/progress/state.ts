// The progress data and its rules. Pure: no `vscode`. Progress is keyed by the stable ids of the
// roadmap, and entries whose id has vanished from the content are kept, so progress comes back
// when the item does. What a stored value holds that this version cannot read (an unknown field,
// a bad field, an unreadable entry, a newer version's keys) is kept verbatim in `kept` and written
// back unchanged, so no read and no write ever loses it. Items are read, reset and written by
// walking the field table in `fields.ts`.
import { FIELD_NAMES, MAX_NOTE, field, isField, type FieldName, type ItemProgress, type MilestoneMark } from './fields';
import { ID_PATTERN } from '../shared/safePath';
import { SCHEMA_VERSION, describe, migrate } from './migrate';
import { isRecord, nonEmpty, own, withKey } from './records';

export { SCHEMA_VERSION } from './migrate';
export type { ItemProgress, MilestoneMark } from './fields';

export interface ProgressState {
  /** SCHEMA_VERSION, or the newer version the stored value came from. */
  readonly version: number;
  readonly items: Readonly<Record<string, ItemProgress>>;
  /** What was stored but not understood; absent when everything was. */
  readonly kept?: Kept;
}

export interface Kept {
  /** Per readable entry: fields this version does not know, or the part of a field it could not read. */
  readonly fields?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Entries it could not read at all (an invalid id, not an object). */
  readonly entries?: Readonly<Record<string, unknown>>;
  /** Top-level keys it does not know. */
  readonly top?: Readonly<Record<string, unknown>>;
}

export function emptyState(): ProgressState {
  return { version: SCHEMA_VERSION, items: {} };
}

/** The progress of one item, own entries only (an id like `constructor` has none). */
export function itemOf(state: ProgressState, id: string): ItemProgress | undefined {
  return own(state.items, id);
}

export function isDone(state: ProgressState, id: string): boolean {
  return itemOf(state, id)?.done === true;
}

interface ReadEntry {
  readonly item: ItemProgress;
  readonly kept?: Record<string, unknown>;
  readonly problems: readonly string[];
}

/** Reads one entry field by field: a bad field is kept aside, never the reason to lose the others. */
function readEntry(id: string, value: Record<string, unknown>): ReadEntry {
  const item: Array<[string, unknown]> = [];
  const kept: Array<[string, unknown]> = [];
  const problems: string[] = [];
  for (const [key, stored] of Object.entries(value)) {
    if (!isField(key)) { kept.push([key, stored]); continue; }
    if (stored === undefined) continue;
    const r = field(key).read(stored);
    if (r.value !== undefined) item.push([key, r.value]);
    if (r.unread !== undefined) kept.push([key, r.unread]);
    for (const p of r.problems ?? []) problems.push(`"${id}": "${key}" ${p}`);
  }
  return { item: Object.fromEntries(item), kept: nonEmpty(Object.fromEntries(kept)), problems };
}

export interface Recovered {
  readonly state: ProgressState;
  /** One line per part that could not be read (and is kept as it was); empty when all was read. */
  readonly problems: readonly string[];
  /** The version, when the value was written by a newer extension. */
  readonly newer?: number;
}

/**
 * Reads whatever was stored. Never throws and never discards: every valid field is used, and
 * everything else is kept in `kept` for the next write.
 */
export function recoverState(raw: unknown): Recovered {
  if (raw === undefined || raw === null) return { state: emptyState(), problems: [] };
  if (!isRecord(raw)) return { state: emptyState(), problems: [`the stored progress is not an object (${describe(raw)})`] };
  const migrated = migrate(raw);
  const problems = [...migrated.problems];
  const { items: rawItems, version: _version, ...top } = migrated.value;
  const keptTop = nonEmpty(top);
  if (!isRecord(rawItems)) {
    problems.push('the stored progress has no "items" object');
    return { state: withKept({ version: migrated.version, items: {} }, keptTop ? { top: keptTop } : undefined), problems, ...newerOf(migrated.newer) };
  }
  const items: Array<[string, ItemProgress]> = [];
  const fields: Array<[string, Record<string, unknown>]> = [];
  const entries: Array<[string, unknown]> = [];
  for (const [id, value] of Object.entries(rawItems)) {
    if (!ID_PATTERN.test(id)) { problems.push(`entry with invalid id ${JSON.stringify(id)}`); entries.push([id, value]); continue; }
    if (!isRecord(value)) { problems.push(`"${id}" is not an object`); entries.push([id, value]); continue; }
    const r = readEntry(id, value);
    problems.push(...r.problems);
    if (Object.keys(r.item).length) items.push([id, r.item]);
    if (r.kept) fields.push([id, r.kept]);
  }
  const kept: Kept = {
    ...(fields.length ? { fields: Object.fromEntries(fields) } : {}),
    ...(entries.length ? { entries: Object.fromEntries(entries) } : {}),
    ...(keptTop ? { top: keptTop } : {}),
  };
  return { state: withKept({ version: migrated.version, items: Object.fromEntries(items) }, kept), problems, ...newerOf(migrated.newer) };
}

function newerOf(newer: number | undefined): { newer?: number } {
  return newer === undefined ? {} : { newer };
}

function withKept(state: ProgressState, kept: Kept | undefined): ProgressState {
  const k = kept && nonEmpty(kept as Record<string, unknown>) ? kept : undefined;
  return k ? { ...state, kept: k } : { version: state.version, items: state.items };
}

export interface WriteOptions {
  /**
   * Include the parts that could not be read (bad fields, unreadable entries). The store writes
   * them back; an export leaves them out so that the learner's own export always re-imports.
   */
  readonly unreadable: boolean;
}

/** The value to store (or export): every understood field plus everything kept, as it was read. */
export function storedValue(state: ProgressState, options: WriteOptions = { unreadable: true }): { version: number; items: Record<string, unknown> } & Record<string, unknown> {
  const ids = new Set([...Object.keys(state.items), ...Object.keys(state.kept?.fields ?? {})]);
  const items: Array<[string, unknown]> = [];
  for (const id of ids) {
    const item = own(state.items, id) ?? {};
    const kept = own(state.kept?.fields, id) ?? {};
    const out: Array<[string, unknown]> = [];
    for (const [key, value] of Object.entries(kept)) {
      if (!isField(key)) out.push([key, value]);
    }
    for (const name of FIELD_NAMES) {
      const written = field(name).write(item[name], options.unreadable ? own(kept, name) : undefined);
      if (written !== undefined) out.push([name, written]);
    }
    if (out.length) items.push([id, Object.fromEntries(out)]);
  }
  if (options.unreadable) {
    for (const [id, value] of Object.entries(state.kept?.entries ?? {})) if (!ids.has(id)) items.push([id, value]);
  }
  return { ...(state.kept?.top ?? {}), version: state.version, items: Object.fromEntries(items) };
}

/** A change to one item: the fields it names are set (undefined clears); the rest stay. */
type Patch = { -readonly [K in FieldName]?: ItemProgress[K] };

/**
 * Applies a patch to one item. A field the patch names supersedes what was kept of it; an empty
 * item disappears unless something is still kept for it. An unreadable entry under the same id is
 * replaced once the code gives that id some progress.
 */
function withItem(state: ProgressState, id: string, patch: (item: ItemProgress) => Patch): ProgressState {
  const before = itemOf(state, id) ?? {};
  const changes = patch(before);
  const next: Array<[string, unknown]> = [];
  for (const name of FIELD_NAMES) {
    const value = Object.hasOwn(changes, name) ? changes[name] : before[name];
    if (!isEmpty(value)) next.push([name, value]);
  }
  const item = nonEmpty(Object.fromEntries(next)) as ItemProgress | undefined;
  let kept = own(state.kept?.fields, id);
  if (kept) {
    const left: Array<[string, unknown]> = [];
    for (const [key, value] of Object.entries(kept)) {
      const still = isField(key) && Object.hasOwn(changes, key) ? field(key).supersede(item?.[key], value) : value;
      if (still !== undefined) left.push([key, still]);
    }
    kept = nonEmpty(Object.fromEntries(left));
  }
  const keptAfter: Kept = {
    ...state.kept,
    fields: nonEmpty(withKey(state.kept?.fields, id, kept)),
    entries: item ? nonEmpty(withKey(state.kept?.entries, id, undefined)) : state.kept?.entries,
  };
  return withKept({ version: state.version, items: withKey(state.items, id, item) }, clean(keptAfter));
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === false || value === '' || (isRecord(value) && !Object.keys(value).length);
}

function clean(kept: Kept): Kept | undefined {
  return nonEmpty(Object.fromEntries(Object.entries(kept).filter(([, v]) => v !== undefined))) as Kept | undefined;
}

export function setDone(state: ProgressState, ids: readonly string[], done: boolean, now: Date): ProgressState {
  let next = state;
  for (const id of ids) {
    next = withItem(next, id, (item) =>
      done ? { done: true, doneAt: item.done ? item.doneAt : now.toISOString() } : { done: undefined, doneAt: undefined });
  }
  return next;
}

export function setNote(state: ProgressState, id: string, note: string): ProgressState {
  if (note.length > MAX_NOTE) throw new RangeError(`A note can be at most ${MAX_NOTE} characters.`);
  return withItem(state, id, () => ({ note: note.trim() ? note : undefined }));
}

export function markScaffolded(state: ProgressState, id: string, now: Date): ProgressState {
  return withItem(state, id, () => ({ scaffoldedAt: now.toISOString() }));
}

const RESET: Patch = Object.fromEntries(FIELD_NAMES.filter((n) => field(n).reset === 'clear').map((n) => [n, undefined]));

/** Clears what the field table marks as progress (done, milestones); notes and history stay. */
export function resetItems(state: ProgressState, ids: readonly string[]): ProgressState {
  let next = state;
  for (const id of ids) next = withItem(next, id, () => RESET);
  return next;
}

/**
 * Records milestone outcomes for a project (undefined removes a mark) and ticks the project when
 * every one of `allMilestones` is passed or ticked by hand; an incomplete set leaves the tick alone.
 */
export function setMilestones(
  state: ProgressState, projectId: string, marks: Readonly<Record<string, MilestoneMark | undefined>>,
  allMilestones: readonly string[], now: Date,
): ProgressState {
  let current: Record<string, MilestoneMark> = { ...(itemOf(state, projectId)?.milestones ?? {}) };
  for (const [id, mark] of Object.entries(marks)) current = withKey(current, id, mark);
  const next = withItem(state, projectId, () => ({ milestones: nonEmpty(current) }));
  const complete = allMilestones.length > 0 && allMilestones.every((id) => own(current, id) !== undefined);
  return complete ? setDone(next, [projectId], true, now) : next;
}
