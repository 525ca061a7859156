// Export and import of progress as a JSON file. Pure: no `vscode`. An import is read whole before
// anything changes: a file that cannot be read completely is rejected with the reason. Fields an
// export holds that this version does not know (a newer extension's) are kept through the import,
// the merge and the next export.
import { FIELD_NAMES, field, isField } from './fields';
import { duplicateKeys } from './duplicateKeys';
import { isRecord, nonEmpty, own } from './records';
import { recoverState, storedValue, type ItemProgress, type Kept, type ProgressState } from './state';
import { describeError } from '../shared/errors';

export const EXPORT_FORMAT = 'ml-roadmap-progress';
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Keys of the file itself, not of the progress it carries. */
const FILE_KEYS = new Set(['format', 'exportedAt']);

export function exportProgress(state: ProgressState, now: Date): string {
  const { version, items, ...top } = storedValue(state, { unreadable: false });
  const extra = Object.fromEntries(Object.entries(top).filter(([k]) => !FILE_KEYS.has(k)));
  const file = { format: EXPORT_FORMAT, version, exportedAt: now.toISOString(), ...extra, items: sortKeys(items) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Why a file of `bytes` bytes is refused before it is read, or undefined when its size is fine. */
export function importTooLarge(bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return `the file is larger than 5 MB (${(bytes / 1024 / 1024).toFixed(1)} MB); a progress export is a few kilobytes`;
}

export type ImportResult =
  | { ok: true; state: ProgressState; /** Set when the file was written by a newer extension. */ newer?: number }
  | { ok: false; reason: string };

/** Parses an exported file strictly: any part that cannot be read rejects the whole file. */
export function parseImport(text: string): ImportResult {
  const large = importTooLarge(text.length);
  if (large) return { ok: false, reason: large };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return { ok: false, reason: `the file is not valid JSON (${describeError(err)})` };
  }
  if (!isRecord(json)) return { ok: false, reason: 'the file does not hold a JSON object' };
  if (json.format !== EXPORT_FORMAT) return { ok: false, reason: `"format" must be "${EXPORT_FORMAT}"; this is not an ML Roadmap progress export` };
  const twice = duplicateKeys(body);
  if (twice.length) return { ok: false, reason: `the file has a duplicate key (${twice.map((p) => `"${p}"`).join(', ')}); it is unclear which value is meant, so remove one` };
  const progress = Object.fromEntries(Object.entries(json).filter(([k]) => !FILE_KEYS.has(k)));
  const { state, problems, newer } = recoverState(progress);
  if (problems.length) {
    const update = newer ? ` (the file was written by a newer ML Roadmap, progress version ${newer}: update the extension to import it)` : '';
    return { ok: false, reason: problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '') + update };
  }
  return newer ? { ok: true, state, newer } : { ok: true, state };
}

export type ImportMode = 'merge' | 'replace';

export interface ImportPlan {
  readonly state: ProgressState;
  /** Things the learner should be told (a note that was cut to fit). */
  readonly notes: readonly string[];
  /** How many items the import would clear with nothing in their place; ask before applying when > 0. */
  readonly clears: number;
}

/**
 * Replace takes the file as it is. Merge keeps everything current and adds the file's, field by
 * field as the field table says (done if either says so, the earliest times, both notes once).
 * Merging the same file again changes nothing.
 */
export function applyImport(current: ProgressState, imported: ProgressState, mode: ImportMode): ImportPlan {
  if (mode === 'replace') {
    const clears = Object.keys(imported.items).length ? 0 : Object.keys(current.items).length;
    return { state: imported, notes: [], clears };
  }
  const notes: string[] = [];
  const ids = [...new Set([...Object.keys(current.items), ...Object.keys(imported.items)])];
  const items = ids.map((id): [string, ItemProgress] => {
    const mine = own(current.items, id) ?? {};
    const theirs = own(imported.items, id) ?? {};
    const say = (text: string): void => { notes.push(`"${id}": ${text}`); };
    const merged = FIELD_NAMES.flatMap((name) => {
      const value = field(name).merge(mine[name], theirs[name], say);
      return value === undefined ? [] : [[name, value] as const];
    });
    return [id, Object.fromEntries(merged)];
  });
  const state: ProgressState = {
    version: Math.max(current.version, imported.version),
    items: Object.fromEntries(items),
  };
  const kept = mergeKept(current.kept, imported.kept, state.items);
  return { state: kept ? { ...state, kept } : state, notes, clears: 0 };
}

/**
 * What the current side kept (less what a merged value now covers), plus the fields the file holds
 * that this version does not know, the current side's first. The file's unreadable parts of known
 * fields are not taken: a file with any is rejected on import, and taking them would make a second
 * merge differ from the first.
 */
function mergeKept(mine: Kept | undefined, theirs: Kept | undefined, items: Readonly<Record<string, ItemProgress>>): Kept | undefined {
  const ids = [...new Set([...Object.keys(mine?.fields ?? {}), ...Object.keys(theirs?.fields ?? {})])];
  const fields = ids.flatMap((id) => {
    const item = own(items, id) ?? {};
    const unknown = Object.entries(own(theirs?.fields, id) ?? {}).filter(([key]) => !isField(key));
    const both = { ...Object.fromEntries(unknown), ...(own(mine?.fields, id) ?? {}) };
    const left = Object.entries(both).flatMap(([key, raw]) => {
      const still = isField(key) && item[key] !== undefined ? field(key).supersede(item[key], raw) : raw;
      return still === undefined ? [] : [[key, still] as const];
    });
    return left.length ? [[id, Object.fromEntries(left)] as const] : [];
  });
  const entries = Object.entries({ ...(theirs?.entries ?? {}), ...(mine?.entries ?? {}) }).filter(([id]) => !Object.hasOwn(items, id));
  const kept = {
    fields: nonEmpty(Object.fromEntries(fields)),
    entries: nonEmpty(Object.fromEntries(entries)),
    top: nonEmpty({ ...(theirs?.top ?? {}), ...(mine?.top ?? {}) }),
  };
  const present = Object.entries(kept).filter(([, v]) => v !== undefined);
  return present.length ? Object.fromEntries(present) : undefined;
}
