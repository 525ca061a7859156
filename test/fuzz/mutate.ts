// Seeded text and value generators for the fuzz targets: mutations of real files (byte flips, line
// duplication and deletion, deep nesting, long lines, unicode, `{#…}` ids) and random JSON-like
// values. Pure: every choice comes from the `Random` it is given, so a case replays from its seed.
import type { Random } from '../unit/seededRandom';

export const int = (rnd: Random, n: number): number => Math.floor(rnd() * n);
export const pick = <T>(rnd: Random, items: readonly T[]): T => items[int(rnd, items.length)];

/** Characters that matter to markdown and to the parsers, plus awkward unicode. */
const PALETTE = [
  '#', '{', '}', '{#', '[', ']', '(', ')', '`', '*', '_', '-', '>', '|', ':', '\\', '!', '<', '&',
  '\n', '\r', '\r\n', '\t', ' ', '\u0000', '\u000b', '\uFEFF', '\u200b', '\u202e', '\u2066', '\uD800', '\uDFFF',
  'é', '𝔘', '🙂', 'ß', '\u0301', 'Duration:', 'Check:', '- [ ] ', '### ', '## Topics\n', '## Projects\n',
  '{#x}', '{#dup}', '](https://', '```', '<!--', '1. ',
];

export function randomChunk(rnd: Random): string {
  let s = '';
  for (let n = 1 + int(rnd, 12); n > 0; n--) s += rnd() < 0.7 ? pick(rnd, PALETTE) : String.fromCharCode(int(rnd, 0x10000));
  return s;
}

type Mutation = (rnd: Random, text: string) => string;
const edit = (text: string, f: (lines: string[]) => void): string => {
  const ls = text.split('\n');
  f(ls);
  return ls.join('\n');
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  flipBytes: (rnd, text) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let n = 1 + int(rnd, 8); n > 0 && bytes.length; n--) bytes[int(rnd, bytes.length)] ^= 1 << int(rnd, 8);
    return bytes.toString('utf8');
  },
  deleteLines: (rnd, text) => edit(text, (ls) => ls.splice(int(rnd, ls.length), 1 + int(rnd, 5))),
  duplicateLines: (rnd, text) => edit(text, (ls) => {
    const at = int(rnd, ls.length);
    const chunk = ls.slice(at, at + 1 + int(rnd, 4));
    for (let copies = rnd() < 0.1 ? 50 : 1; copies > 0; copies--) ls.splice(int(rnd, ls.length + 1), 0, ...chunk);
  }),
  changeHeadingLevel: (rnd, text) => edit(text, (ls) => {
    const i = int(rnd, ls.length);
    ls[i] = rnd() < 0.5 ? `#${ls[i] ?? ''}` : (ls[i] ?? '').replace(/^#/, '');
  }),
  truncate: (rnd, text) => text.slice(0, int(rnd, text.length + 1)),
  injectChars: (rnd, text) => {
    const at = int(rnd, text.length + 1);
    return text.slice(0, at) + randomChunk(rnd) + text.slice(at);
  },
  overwriteChars: (rnd, text) => {
    const at = int(rnd, text.length + 1);
    const chunk = randomChunk(rnd);
    return text.slice(0, at) + chunk + text.slice(at + chunk.length);
  },
  deepNesting: (rnd, text) => edit(text, (ls) => {
    const depth = pick(rnd, [8, 31, 33, 64, 200]);
    const marker = pick(rnd, ['> ', '- ', '* ', '1. ', '  - ']);
    ls.splice(int(rnd, ls.length + 1), 0, `${marker.repeat(depth)}deep`);
  }),
  longLine: (rnd, text) => edit(text, (ls) => {
    const unit = pick(rnd, ['a', '*', '_a_ ', '[', '**', 'é', '🙂', '`']);
    ls.splice(int(rnd, ls.length + 1), 0, unit.repeat(pick(rnd, [100, 2_600, 10_001, 20_000])));
  }),
  unicode: (rnd, text) => text.replace(/[a-z]/g, (c) => (rnd() < 0.02 ? pick(rnd, ['\u202e', 'ı', 'ſ', 'K', `${c}\u0301`, '\uD800', '🙂']) : c)),
  breakIds: (rnd, text) => text.replace(/\{#([a-z0-9-]+)\}/g, (m, id: string) =>
    rnd() < 0.15 ? pick(rnd, ['', `{#${id.toUpperCase()}}`, `{#${id}`, `{# ${id}}`, `{#}`, '{#python}', `{#${id}}{#${id}}`, `{#${'a'.repeat(300)}}`]) : m),
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies 1–4 random mutations; returns the names applied, to say what a failing case did. */
export function mutate(rnd: Random, text: string): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + int(rnd, 4); n > 0; n--) {
    const name = pick(rnd, MUTATION_NAMES);
    applied.push(name);
    out = (MUTATIONS[name])(rnd, out);
  }
  return { text: out, applied };
}

const ODD_STRINGS = ['', ' ', 'x', 'passed', 'manual', '2024-01-01T00:00:00.000Z', 'not a date', '__proto__', 'constructor', 'a'.repeat(10_001), '\u0000', '🙂', 'toString'];
const ODD_NUMBERS = [0, -1, 1, 2, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53, 1e308];

/** A random JSON-ish value (with `undefined`, NaN and prototype-looking keys), at most `depth` deep. */
export function randomValue(rnd: Random, depth = 3): unknown {
  const r = int(rnd, depth > 0 ? 9 : 6);
  switch (r) {
    case 0: return undefined;
    case 1: return null;
    case 2: return rnd() < 0.5;
    case 3: return pick(rnd, ODD_NUMBERS);
    case 4: return pick(rnd, ODD_STRINGS);
    case 5: return randomChunk(rnd);
    case 6: return Array.from({ length: int(rnd, 4) }, () => randomValue(rnd, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let n = int(rnd, 5); n > 0; n--) o[rnd() < 0.5 ? pick(rnd, ODD_STRINGS) : randomChunk(rnd)] = randomValue(rnd, depth - 1);
      return o;
    }
  }
}
