// Export and import of progress as a JSON file. Pure: no `vscode`. An import is validated as a
// whole before anything changes: a bad file is rejected with the reason.
import { SCHEMA_VERSION, recoverState, type ItemProgress, type ProgressState } from './state';

export const EXPORT_FORMAT = 'ml-roadmap-progress';

export interface ExportFile {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof SCHEMA_VERSION;
  readonly exportedAt: string;
  readonly items: Readonly<Record<string, ItemProgress>>;
}

export function exportProgress(state: ProgressState, now: Date): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: now.toISOString(), items: sortKeys(state.items) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

export type ImportResult = { ok: true; state: ProgressState } | { ok: false; reason: string };

/** Parses an exported file strictly: any invalid entry rejects the whole file. */
export function parseImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `the file is not valid JSON (${(err as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'the file does not hold a JSON object' };
  const f = json as Record<string, unknown>;
  if (f.format !== EXPORT_FORMAT) return { ok: false, reason: `"format" must be "${EXPORT_FORMAT}"; this is not an ML Roadmap progress export` };
  if (f.version !== SCHEMA_VERSION) return { ok: false, reason: `version ${JSON.stringify(f.version)} is not supported (expected ${SCHEMA_VERSION})` };
  const { state, problems } = recoverState({ version: f.version, items: f.items });
  if (problems.length) return { ok: false, reason: problems[0] + (problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '') };
  return { ok: true, state };
}

export type ImportMode = 'merge' | 'replace';

/**
 * Replace takes the file as it is. Merge keeps everything current and adds the file's: an item
 * is done if either says so, notes that differ are both kept.
 */
export function applyImport(current: ProgressState, imported: ProgressState, mode: ImportMode): ProgressState {
  if (mode === 'replace') return { version: SCHEMA_VERSION, items: { ...imported.items } };
  const items: Record<string, ItemProgress> = { ...current.items };
  for (const [id, incoming] of Object.entries(imported.items)) {
    const mine = items[id];
    if (!mine) { items[id] = incoming; continue; }
    const done = mine.done || incoming.done;
    const note = mine.note && incoming.note && mine.note !== incoming.note ? `${mine.note}\n\n${incoming.note}` : mine.note ?? incoming.note;
    const marks = { ...(incoming.milestones ?? {}), ...(mine.milestones ?? {}) };
    for (const [m, mark] of Object.entries(incoming.milestones ?? {})) if (mark === 'passed') marks[m] = 'passed';
    items[id] = {
      ...(done ? { done: true, doneAt: earliest(mine.doneAt, incoming.doneAt) } : {}),
      ...(Object.keys(marks).length ? { milestones: marks } : {}),
      ...(note ? { note } : {}),
      ...(mine.scaffoldedAt || incoming.scaffoldedAt ? { scaffoldedAt: earliest(mine.scaffoldedAt, incoming.scaffoldedAt) } : {}),
    };
  }
  return { version: SCHEMA_VERSION, items };
}

function earliest(a?: string, b?: string): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

