// Reading one value out of a learner's metrics JSON, for metric checks. Pure.
import { describeError } from '../shared/errors';

export type MetricRead =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: 'too-large' | 'invalid-json' | 'missing-key' | 'not-a-number' | 'not-finite'; readonly message: string };

/** A metrics file is a few numbers: anything over 1 MiB is refused before it is parsed. */
export const MAX_METRICS_BYTES = 1024 * 1024;

export function metricsTooLargeMessage(fileName: string, size: number): string {
  return `${fileName} is ${formatBytes(size)}, over the ${formatBytes(MAX_METRICS_BYTES)} a metrics file may have: write only the numbers the checks read`;
}

/**
 * `key` may be a dotted path (`test.accuracy`, `scores.0`); a literal key containing dots wins.
 * Python's json writes NaN and Infinity, which JSON.parse rejects: they are read as numbers.
 */
export function readMetric(jsonText: string, key: string, fileName = 'the metrics file'): MetricRead {
  // Characters, not bytes (pure code has no file): the caller also checks the file's size.
  if (jsonText.length > MAX_METRICS_BYTES) return { ok: false, problem: 'too-large', message: metricsTooLargeMessage(fileName, jsonText.length) };
  let data: unknown;
  try {
    data = JSON.parse(pythonJsonToJson(jsonText));
  } catch (e) {
    return { ok: false, problem: 'invalid-json', message: `${fileName} is not valid JSON (${describeError(e)})` };
  }
  const found = lookup(data, key);
  if (!found.found) return { ok: false, problem: 'missing-key', message: `${fileName} has no "${key}"${found.near ? ` (it has ${found.near})` : ''}` };
  const value = fromSentinel(found.value);
  if (typeof value !== 'number') {
    return { ok: false, problem: 'not-a-number', message: `"${key}" in ${fileName} is ${describe(value)}, not a number` };
  }
  if (!Number.isFinite(value)) {
    return { ok: false, problem: 'not-finite', message: `"${key}" in ${fileName} is ${String(value)}, not a finite number` };
  }
  return { ok: true, value };
}

type Lookup = { found: true; value: unknown } | { found: false; near?: string };

function lookup(data: unknown, key: string): Lookup {
  if (isRecord(data) && Object.prototype.hasOwnProperty.call(data, key)) return { found: true, value: data[key] };
  let current: unknown = data;
  for (const part of key.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(part) && Number(part) < current.length) {
      current = current[Number(part)];
    } else if (isRecord(current) && Object.prototype.hasOwnProperty.call(current, part)) {
      current = current[part];
    } else {
      const keys = isRecord(current) ? Object.keys(current).slice(0, 8) : [];
      return keys.length > 0 ? { found: false, near: keys.map((k) => `"${k}"`).join(', ') } : { found: false };
    }
  }
  return { found: true, value: current };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SENTINEL = '\u0000mlroadmap-number:';

/** Quotes bare NaN / Infinity / -Infinity outside strings as sentinels, so JSON.parse accepts them. */
function pythonJsonToJson(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '"') {
      // Copy a string literal whole, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
    if (word?.[1]) {
      out += JSON.stringify(SENTINEL + word[1]);
      i += word[1].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function fromSentinel(value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith(SENTINEL)) return value;
  return Number(value.slice(SENTINEL.length));
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB` : `${n} bytes`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}
