// Brings a stored progress value of any schema version to the current one. An older version is
// stepped up one version at a time; a newer version is read as the current one and keeps its
// version number, so a value holding fields only a newer extension knows is never relabelled as
// older. Nothing is removed here: whatever the reader does not understand is kept by it. Pure.

export const SCHEMA_VERSION = 1;

/** steps.get(n) turns a version-n value into a version-(n + 1) value. Version 1 is the first. */
export type Steps = ReadonlyMap<number, (value: Record<string, unknown>) => Record<string, unknown>>;
const STEPS: Steps = new Map();

export interface Migrated {
  /** The value in the current schema's shape (unknown keys untouched). */
  readonly value: Record<string, unknown>;
  /** The version to write back: the current one, or the stored one when that is newer. */
  readonly version: number;
  /** Set when the value was written by a newer extension. */
  readonly newer?: number;
  readonly problems: readonly string[];
}

export function migrate(raw: Record<string, unknown>, steps: Steps = STEPS, current: number = SCHEMA_VERSION): Migrated {
  const stored = raw.version;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    return { value: raw, version: current, problems: [`unknown progress version ${describe(stored)}; read as version ${current}`] };
  }
  if (stored > current) return { value: raw, version: stored, newer: stored, problems: [] };
  let value = raw;
  for (let v = stored; v < current; v++) {
    const step = steps.get(v);
    if (!step) return { value, version: current, problems: [`no migration from progress version ${v}; read as version ${current}`] };
    value = step(value);
  }
  return { value, version: current, problems: [] };
}

export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value) ?? typeof value;
}
