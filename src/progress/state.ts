// The progress data and its rules. Pure: no `vscode`. Progress is keyed by the stable ids of the
// roadmap, and entries whose id has vanished from the content are kept, so progress comes back
// when the item does.

export const SCHEMA_VERSION = 1;

export interface ItemProgress {
  /** Ticked by the learner (or by passing all of a project's checks). */
  readonly done?: boolean;
  /** ISO time when it was last ticked. */
  readonly doneAt?: string;
  /** A personal note, shown in the tooltip and exported with the progress. */
  readonly note?: string;
  /** ISO time when the project's template was scaffolded. */
  readonly scaffoldedAt?: string;
  /** A project's milestones: passed by their check, or ticked by hand (distinct on purpose). */
  readonly milestones?: Readonly<Record<string, MilestoneMark>>;
}

export type MilestoneMark = 'passed' | 'manual';

export interface ProgressState {
  readonly version: typeof SCHEMA_VERSION;
  readonly items: Readonly<Record<string, ItemProgress>>;
}

export function emptyState(): ProgressState {
  return { version: SCHEMA_VERSION, items: {} };
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const MAX_NOTE = 10_000;

/** Either a clean item or the reason it was rejected. */
function readItem(value: unknown): ItemProgress | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not an object';
  const v = value as Record<string, unknown>;
  const out: { -readonly [K in keyof ItemProgress]: ItemProgress[K] } = {};
  if ('done' in v) {
    if (typeof v.done !== 'boolean') return '"done" is not true or false';
    if (v.done) out.done = true;
  }
  for (const key of ['doneAt', 'scaffoldedAt'] as const) {
    if (key in v && v[key] !== undefined) {
      if (typeof v[key] !== 'string' || Number.isNaN(Date.parse(v[key] as string))) return `"${key}" is not a date`;
      out[key] = v[key] as string;
    }
  }
  if ('milestones' in v && v.milestones !== undefined) {
    const m = v.milestones;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return '"milestones" is not an object';
    const marks: Record<string, MilestoneMark> = {};
    for (const [id, mark] of Object.entries(m as Record<string, unknown>)) {
      if (!ID.test(id)) return `milestone id ${JSON.stringify(id)} is invalid`;
      if (mark !== 'passed' && mark !== 'manual') return `milestone "${id}" is neither "passed" nor "manual"`;
      marks[id] = mark;
    }
    if (Object.keys(marks).length) out.milestones = marks;
  }
  if ('note' in v && v.note !== undefined) {
    if (typeof v.note !== 'string') return '"note" is not text';
    if (v.note.length > MAX_NOTE) return `"note" is longer than ${MAX_NOTE} characters`;
    if (v.note.trim()) out.note = v.note;
  }
  return out;
}

export interface Recovered {
  readonly state: ProgressState;
  /** One line per thing that was dropped; empty when the stored value was clean. */
  readonly problems: readonly string[];
}

/**
 * Reads whatever was stored, keeping every valid entry. Never throws: a corrupt value gives an
 * empty state plus the reason, a partly corrupt one keeps the good entries.
 */
export function recoverState(raw: unknown): Recovered {
  if (raw === undefined || raw === null) return { state: emptyState(), problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { state: emptyState(), problems: [`the stored progress is not an object (${describe(raw)})`] };
  }
  const r = raw as Record<string, unknown>;
  const problems: string[] = [];
  if (r.version !== SCHEMA_VERSION) problems.push(`unknown progress version ${describe(r.version)}; read as version ${SCHEMA_VERSION}`);
  if (typeof r.items !== 'object' || r.items === null || Array.isArray(r.items)) {
    problems.push('the stored progress has no "items" object');
    return { state: emptyState(), problems };
  }
  const items: Record<string, ItemProgress> = {};
  for (const [id, value] of Object.entries(r.items as Record<string, unknown>)) {
    if (!ID.test(id)) { problems.push(`dropped entry with invalid id ${JSON.stringify(id)}`); continue; }
    const item = readItem(value);
    if (typeof item === 'string') { problems.push(`dropped "${id}": ${item}`); continue; }
    if (Object.keys(item).length) items[id] = item;
  }
  return { state: { version: SCHEMA_VERSION, items }, problems };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value) ?? typeof value;
}

function withItem(state: ProgressState, id: string, change: (item: ItemProgress) => ItemProgress): ProgressState {
  const next = change(state.items[id] ?? {});
  const items = { ...state.items };
  const cleaned = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== false && v !== ''));
  if (Object.keys(cleaned).length) items[id] = cleaned as ItemProgress;
  else delete items[id];
  return { version: SCHEMA_VERSION, items };
}

export function setDone(state: ProgressState, ids: readonly string[], done: boolean, now: Date): ProgressState {
  let next = state;
  for (const id of ids) {
    next = withItem(next, id, (item) =>
      done
        ? { ...item, done: true, doneAt: item.done ? item.doneAt : now.toISOString() }
        : { ...item, done: undefined, doneAt: undefined });
  }
  return next;
}

export function setNote(state: ProgressState, id: string, note: string): ProgressState {
  if (note.length > MAX_NOTE) throw new RangeError(`A note can be at most ${MAX_NOTE} characters.`);
  return withItem(state, id, (item) => ({ ...item, note: note.trim() ? note : undefined }));
}

export function markScaffolded(state: ProgressState, id: string, now: Date): ProgressState {
  return withItem(state, id, (item) => ({ ...item, scaffoldedAt: now.toISOString() }));
}

/** Clears done marks and milestone marks (notes stay: they are the learner's writing, not progress). */
export function resetItems(state: ProgressState, ids: readonly string[]): ProgressState {
  let next = state;
  for (const id of ids) next = withItem(next, id, (item) => ({ ...item, done: undefined, doneAt: undefined, milestones: undefined }));
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
  const current = { ...(state.items[projectId]?.milestones ?? {}) };
  for (const [id, mark] of Object.entries(marks)) {
    if (mark) current[id] = mark;
    else delete current[id];
  }
  const next = withItem(state, projectId, (item) => ({ ...item, milestones: Object.keys(current).length ? current : undefined }));
  const complete = allMilestones.length > 0 && allMilestones.every((id) => current[id] !== undefined);
  return complete ? setDone(next, [projectId], true, now) : next;
}

export function isDone(state: ProgressState, id: string): boolean {
  return state.items[id]?.done === true;
}
