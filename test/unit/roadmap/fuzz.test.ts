// Seeded fuzzing: the real roadmap files, mangled at random, never make the parsers throw.
// Reproduce a failure with FUZZ_SEED=<seed> (and FUZZ_CASES) as printed in the failure message.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoadmap } from '../../../src/roadmap/parse';
import { parseMilestones } from '../../../src/roadmap/milestones';
import { ID_PATTERN } from '../../../src/roadmap/ids';
import type { Diagnostic, ParseResult, SourceFile } from '../../../src/roadmap/model';
import { FIXTURES_DIR, readMarkdownFolder, ROADMAP_DIR } from './helpers';
import { mulberry32, type Random } from '../seededRandom';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2024) >>> 0;
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const MILESTONE_CASES = Math.ceil(CASES / 3);


const int = (rnd: Random, n: number): number => Math.floor(rnd() * n);
const pick = <T>(rnd: Random, items: readonly T[]): T => items[int(rnd, items.length)] as T;

// Characters that matter to markdown and to the parser, plus awkward unicode.
const PALETTE = [
  '#', '{', '}', '{#', '[', ']', '(', ')', '`', '*', '_', '-', '>', '|', ':', '\\', '!', '<', '&',
  '\n', '\r', '\r\n', '\t', ' ', '\u0000', '\u000b', '\uFEFF', '\u200b', '\u202e', '\uD800', '\uDFFF',
  'é', '𝔘', '🙂', 'ß', '\u0301', 'Duration:', 'Check:', '- [ ] ', '### ', '## Topics\n', '## Projects\n',
  '{#x}', '{#dup}', '](https://', '```', '<!--', '1. ',
];

function randomChunk(rnd: Random): string {
  let s = '';
  const n = 1 + int(rnd, 12);
  for (let i = 0; i < n; i++) s += rnd() < 0.7 ? pick(rnd, PALETTE) : String.fromCharCode(int(rnd, 0x10000));
  return s;
}

type Mutation = (rnd: Random, text: string) => string;

const lines = (text: string): string[] => text.split('\n');

const MUTATIONS: Record<string, Mutation> = {
  deleteLines(rnd, text) {
    const ls = lines(text);
    ls.splice(int(rnd, ls.length), 1 + int(rnd, 5));
    return ls.join('\n');
  },
  duplicateLines(rnd, text) {
    const ls = lines(text);
    const at = int(rnd, ls.length);
    const chunk = ls.slice(at, at + 1 + int(rnd, 4));
    ls.splice(int(rnd, ls.length + 1), 0, ...chunk);
    return ls.join('\n');
  },
  shuffleHeadings(rnd, text) {
    const ls = lines(text);
    const headings = ls.map((l, i) => (l.startsWith('#') ? i : -1)).filter((i) => i >= 0);
    const texts = headings.map((i) => ls[i] ?? '');
    for (let i = texts.length - 1; i > 0; i--) {
      const j = int(rnd, i + 1);
      [texts[i], texts[j]] = [texts[j] ?? '', texts[i] ?? ''];
    }
    headings.forEach((lineIndex, k) => (ls[lineIndex] = texts[k] ?? ''));
    return ls.join('\n');
  },
  changeHeadingLevel(rnd, text) {
    const ls = lines(text);
    const i = int(rnd, ls.length);
    ls[i] = rnd() < 0.5 ? `#${ls[i] ?? ''}` : (ls[i] ?? '').replace(/^#/, '');
    return ls.join('\n');
  },
  truncate(rnd, text) {
    return text.slice(0, int(rnd, text.length + 1));
  },
  injectChars(rnd, text) {
    const at = int(rnd, text.length + 1);
    return text.slice(0, at) + randomChunk(rnd) + text.slice(at);
  },
  overwriteChars(rnd, text) {
    const at = int(rnd, text.length + 1);
    const chunk = randomChunk(rnd);
    return text.slice(0, at) + chunk + text.slice(at + chunk.length);
  },
  indentLines(rnd, text) {
    const ls = lines(text);
    const at = int(rnd, ls.length);
    for (let i = at; i < Math.min(ls.length, at + 1 + int(rnd, 6)); i++) ls[i] = `${pick(rnd, ['  ', '    ', '\t', '> '])}${ls[i] ?? ''}`;
    return ls.join('\n');
  },
  breakIds(rnd, text) {
    return text.replace(/\{#([a-z0-9-]+)\}/g, (m, id: string) =>
      rnd() < 0.15 ? pick(rnd, ['', `{#${id.toUpperCase()}}`, `{#${id}`, `{# ${id}}`, `{#}`, '{#python}']) : m,
    );
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies 1–4 random mutations; returns the names applied, for the failure message. */
function mutate(rnd: Random, text: string): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + int(rnd, 4); n > 0; n--) {
    const name = pick(rnd, MUTATION_NAMES);
    applied.push(name);
    out = (MUTATIONS[name] as Mutation)(rnd, out);
  }
  return { text: out, applied };
}

function checkDiagnostics(diagnostics: readonly Diagnostic[]): void {
  assert.ok(Array.isArray(diagnostics), 'diagnostics is an array');
  for (const d of diagnostics) {
    assert.ok(d.severity === 'error' || d.severity === 'warning', `severity ${d.severity}`);
    assert.match(d.code, /^[a-z]+(-[a-z]+)*$/);
    assert.notEqual(d.code, 'internal-error', d.message);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(typeof d.range.file === 'string');
    for (const n of [d.range.line, d.range.column, d.range.endLine, d.range.endColumn]) {
      assert.ok(Number.isInteger(n) && n >= 1, `position ${n}`);
    }
  }
}

function checkRoadmap(result: ParseResult): void {
  // `as unknown`: asserting Array.isArray on the property itself would narrow it to any[].
  assert.ok(Array.isArray(result.roadmap.skills as unknown), 'roadmap.skills is an array');
  checkDiagnostics(result.diagnostics);
  const ids = result.roadmap.skills.flatMap((s) => [s.id, ...s.topics.map((t) => t.id), ...s.projects.map((p) => p.id)]);
  for (const id of ids) assert.match(id, ID_PATTERN);
  assert.equal(new Set(ids).size, ids.length, 'ids in the model are unique');
}

/** Runs one case; on any failure, rethrows with what it takes to reproduce it. */
function runCase(label: string, caseIndex: number, applied: string[], run: () => void): void {
  try {
    run();
  } catch (e) {
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    assert.fail(`fuzz ${label} failed at FUZZ_SEED=${SEED} case ${caseIndex} (mutations: ${applied.join(', ')}):\n${detail}`);
  }
}

describe('fuzzing', function () {
  this.timeout(60_000);
  const files = readMarkdownFolder(ROADMAP_DIR).filter((f) => f.path !== 'FORMAT.md');
  const skillFiles = files.filter((f) => /^\d\d-/.test(f.path));

  it(`parseRoadmap survives ${CASES} mutated roadmaps`, () => {
    for (let i = 0; i < CASES; i++) {
      // Each case has its own stream, so one case reproduces without replaying the others.
      const rnd = mulberry32(SEED ^ Math.imul(i + 1, 0x9e3779b9));
      const target = pick(rnd, skillFiles);
      // Most cases parse a window of one file (micromark is the cost); every 100th the whole folder.
      const whole = i % 100 === 0;
      let text = target.text;
      if (!whole) {
        const ls = lines(text);
        const start = int(rnd, ls.length);
        text = ls.slice(start, start + 6 + int(rnd, 30)).join('\n');
        if (rnd() < 0.5) text = `${ls[0] ?? ''}\n\n${text}`; // keep the title line half the time
      }
      const { text: mutated, applied } = mutate(rnd, text);
      const input: SourceFile[] = whole
        ? files.map((f) => (f === target ? { path: f.path, text: mutated } : f))
        : [{ path: target.path, text: mutated }];
      runCase('parseRoadmap', i, applied, () => checkRoadmap(parseRoadmap(input)));
    }
  });

  it(`parseMilestones survives ${MILESTONE_CASES} mutated milestone files`, () => {
    const sources = ['valid.md', 'broken.md'].map((n) => readFileSync(join(FIXTURES_DIR, 'milestones', n), 'utf8'));
    for (let i = 0; i < MILESTONE_CASES; i++) {
      const rnd = mulberry32((SEED + 0x1234567) ^ Math.imul(i + 1, 0x9e3779b9));
      const { text, applied } = mutate(rnd, pick(rnd, sources));
      runCase('parseMilestones', i, applied, () => {
        const r = parseMilestones('milestones.md', text);
        assert.ok(Array.isArray(r.milestones));
        checkDiagnostics(r.diagnostics);
        const ids = r.milestones.map((m) => m.id);
        for (const id of ids) assert.match(id, ID_PATTERN);
        assert.equal(new Set(ids).size, ids.length);
      });
    }
  });
});
