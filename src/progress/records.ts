// Own-property access for records keyed by ids that come from content or from stored data. An id
// such as `constructor`, `toString` or `__proto__` must never reach Object.prototype: reads go
// through `own`, and records are built with `Object.fromEntries`, which defines own keys (plain
// assignment of `__proto__` would set the prototype instead). Pure: no `vscode`.

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set to `value`, or removed when `value` is undefined. */
export function withKey<T>(record: Readonly<Record<string, T>> | undefined, key: string, value: T | undefined): Record<string, T> {
  const entries = Object.entries(record ?? {}).filter(([k]) => k !== key);
  if (value !== undefined) entries.push([key, value]);
  return Object.fromEntries(entries);
}

/** A plain object (not an array, not null) seen as a record. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record, or undefined when it has no keys: stored values omit empty records. */
export function nonEmpty<T>(record: Record<string, T> | undefined): Record<string, T> | undefined {
  return record && Object.keys(record).length ? record : undefined;
}
