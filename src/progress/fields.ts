// The one table of what an item's progress holds. Each field says how a stored value is read
// (what is understood, what is kept verbatim because it is not, and why), how two values merge on
// import, and whether a reset clears it. `ItemProgress` derives from this table; reading, merging,
// resetting and writing all walk it. A new per-item field is one new row. Pure: no `vscode`.
import { isRecord, nonEmpty, own } from './records';
import { ID_PATTERN } from '../shared/safePath';

export type MilestoneMark = 'passed' | 'manual';

export const MAX_NOTE = 10_000;
/** Ends a note that an import had to cut to stay under MAX_NOTE. */
export const TRUNCATED = '\n… [truncated on import: the note reached 10,000 characters]';
const NOTE_JOIN = '\n\n';

export interface Read<T> {
  /** What was understood; undefined when nothing was (or the stored value was empty). */
  readonly value?: T;
  /** The part of the stored value that was not understood, kept verbatim for the next write. */
  readonly unread?: unknown;
  /** Why a part was not understood, one line each. */
  readonly problems?: readonly string[];
}

export interface Field<T> {
  readonly read: (stored: unknown) => Read<T>;
  /**
   * The value after importing `theirs` into `mine`. Idempotent: merging the result with `theirs`
   * again gives the result. `say` records something the learner should be told.
   */
  readonly merge: (mine: T | undefined, theirs: T | undefined, say: (text: string) => void) => T | undefined;
  /** 'clear': a reset removes it (progress); 'keep': a reset leaves it (the learner's writing, history). */
  readonly reset: 'clear' | 'keep';
  /** The stored form of a value together with what was kept verbatim; undefined omits the field. */
  readonly write: (value: T | undefined, unread: unknown) => unknown;
  /** What of `unread` still stands after the code set the field to `value`. */
  readonly supersede: (value: T | undefined, unread: unknown) => unknown;
}

/** A field holding one value: a stored value is understood whole or kept whole. */
function scalar<T>(read: (stored: unknown) => { value?: T; problem?: string }, merge: Field<T>['merge'], reset: Field<T>['reset']): Field<T> {
  return {
    read: (stored) => {
      const r = read(stored);
      return r.problem === undefined ? { value: r.value } : { unread: stored, problems: [r.problem] };
    },
    merge,
    reset,
    write: (value, unread) => (value !== undefined ? value : unread),
    supersede: () => undefined,
  };
}

function readDate(stored: unknown): { value?: string; problem?: string } {
  if (typeof stored !== 'string' || Number.isNaN(Date.parse(stored))) return { problem: 'is not a date' };
  return { value: stored };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/**
 * Keeps the learner's note and adds an imported one that differs, once: a note that already holds
 * the other (whole, or cut at the cap by an earlier import) is left as it is. The learner's own
 * text is never cut; the imported part is cut to fit, with a visible marker.
 */
export function mergeNotes(mine: string | undefined, theirs: string | undefined, say: (text: string) => void): string | undefined {
  if (mine === undefined || theirs === undefined) return mine ?? theirs;
  if (mine.includes(theirs)) return mine;
  if (theirs.includes(mine)) return theirs;
  if (holdsCutCopy(mine, theirs)) return mine;
  const room = MAX_NOTE - mine.length - NOTE_JOIN.length;
  if (theirs.length <= room) return `${mine}${NOTE_JOIN}${theirs}`;
  if (room - TRUNCATED.length < 1) {
    say('a note from the file was not added: the current note is already near the 10,000-character limit');
    return mine;
  }
  say('a note from the file was cut to keep the combined note under 10,000 characters (marked "truncated on import")');
  return `${mine}${NOTE_JOIN}${theirs.slice(0, room - TRUNCATED.length)}${TRUNCATED}`;
}

/** Whether `mine` ends with the start of `theirs` cut by an earlier import. */
function holdsCutCopy(mine: string, theirs: string): boolean {
  if (!mine.endsWith(TRUNCATED)) return false;
  const body = mine.slice(0, -TRUNCATED.length);
  for (let at = body.indexOf(NOTE_JOIN); at !== -1; at = body.indexOf(NOTE_JOIN, at + 1)) {
    const part = body.slice(at + NOTE_JOIN.length);
    if (part.length && theirs.startsWith(part)) return true;
  }
  return false;
}

/** Milestone marks are read one by one: a bad mark is kept verbatim, the good ones are used. */
const milestones: Field<Readonly<Record<string, MilestoneMark>>> = {
  read: (stored) => {
    if (!isRecord(stored)) return { unread: stored, problems: ['is not an object'] };
    const good: Array<[string, MilestoneMark]> = [];
    const bad: Array<[string, unknown]> = [];
    const problems: string[] = [];
    for (const [id, mark] of Object.entries(stored)) {
      if (!ID_PATTERN.test(id)) { bad.push([id, mark]); problems.push(`has an invalid id ${JSON.stringify(id)}`); continue; }
      if (mark !== 'passed' && mark !== 'manual') { bad.push([id, mark]); problems.push(`mark "${id}" is neither "passed" nor "manual"`); continue; }
      good.push([id, mark]);
    }
    return {
      value: nonEmpty(Object.fromEntries(good)),
      unread: nonEmpty(Object.fromEntries(bad)),
      problems,
    };
  },
  // A mark on either side stays; "passed" (checked) wins over "manual" (ticked by hand).
  merge: (mine, theirs) => {
    if (!mine || !theirs) return mine ?? theirs;
    const ids = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
    return Object.fromEntries(ids.map((id) => {
      const a = own(mine, id);
      const b = own(theirs, id);
      return [id, a === 'passed' || b === 'passed' ? 'passed' : (a ?? b)!];
    }));
  },
  reset: 'clear',
  write: (value, unread) => (isRecord(unread) ? nonEmpty({ ...unread, ...(value ?? {}) }) : value ?? unread),
  // Setting marks leaves kept marks of other ids alone; clearing the marks clears them all.
  supersede: (value, unread) => {
    if (value === undefined || !isRecord(unread)) return undefined;
    return nonEmpty(Object.fromEntries(Object.entries(unread).filter(([id]) => !Object.hasOwn(value, id))));
  },
};

export const FIELDS = {
  /** Ticked by the learner (or by passing all of a project's checks). */
  done: scalar<boolean>(
    (v) => (typeof v === 'boolean' ? { value: v || undefined } : { problem: 'is not true or false' }),
    (a, b) => (a || b ? true : undefined), 'clear'),
  /** ISO time when it was first ticked. */
  doneAt: scalar<string>(readDate, earliest, 'clear'),
  /** A personal note, shown in the tooltip and exported with the progress. */
  note: scalar<string>(
    (v) => {
      if (typeof v !== 'string') return { problem: 'is not text' };
      if (v.length > MAX_NOTE) return { problem: `is longer than ${MAX_NOTE} characters` };
      return { value: v.trim() ? v : undefined };
    },
    mergeNotes, 'keep'),
  /** ISO time when the project's template was scaffolded. */
  scaffoldedAt: scalar<string>(readDate, earliest, 'keep'),
  /** A project's milestones: passed by their check, or ticked by hand (distinct on purpose). */
  milestones,
} as const;

type Fields = typeof FIELDS;
export type FieldName = keyof Fields;
type ValueOf<F> = F extends Field<infer T> ? T : never;

/** One item's progress: every field optional, exactly the rows of FIELDS. */
export type ItemProgress = { readonly [K in FieldName]?: ValueOf<Fields[K]> };

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

export function isField(key: string): key is FieldName {
  return Object.hasOwn(FIELDS, key);
}

/** Each row seen through the common interface, for code that walks the table. */
export function field(name: FieldName): Field<unknown> {
  return FIELDS[name] as unknown as Field<unknown>;
}
