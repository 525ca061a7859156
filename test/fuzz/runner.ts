// Runs fuzz targets: each case with its own seeded stream (so one case replays alone), timed,
// with crashes and silent acceptances collected, and the summary table. Pure apart from the clock.
import { performance } from 'node:perf_hooks';
import { mulberry32, type Random } from '../unit/seededRandom';
import type { Target } from './targets';

/** A case slower than this is reported, with what it takes to replay it. */
export const SLOW_MS = 2000;

export interface Finding {
  readonly target: string;
  readonly index: number;
  readonly kind: 'crash' | 'silent' | 'slow';
  readonly detail: string;
}

export interface Row {
  readonly target: string;
  readonly cases: number;
  readonly crashes: number;
  readonly slow: number;
  readonly silent: number;
  readonly slowestMs: number;
}

/** The random stream of case `index` of `target` under `seed`. */
export function caseRandom(seed: number, target: string, index: number): Random {
  let h = 0x811c9dc5;
  for (const ch of target) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return mulberry32((seed ^ h ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

/** Runs one case; never throws. */
export function runCase(target: Target, seed: number, index: number): { findings: Finding[]; ms: number; note?: string } {
  const findings: Finding[] = [];
  const at = { target: target.name, index };
  const start = performance.now();
  let note: string | undefined;
  try {
    const outcome = target.run(caseRandom(seed, target.name, index), index);
    note = outcome.note;
    if (outcome.silent !== undefined) findings.push({ ...at, kind: 'silent', detail: outcome.silent });
  } catch (e) {
    findings.push({ ...at, kind: 'crash', detail: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
  const ms = performance.now() - start;
  if (ms > SLOW_MS) findings.push({ ...at, kind: 'slow', detail: `${ms.toFixed(0)} ms${note ? ` (${note})` : ''}` });
  return note === undefined ? { findings, ms } : { findings, ms, note };
}

/** Runs cases 0…cases-1 of one target. */
export function runTarget(target: Target, seed: number, cases: number): { row: Row; findings: Finding[] } {
  const findings: Finding[] = [];
  let slowestMs = 0;
  for (let i = 0; i < cases; i++) {
    const r = runCase(target, seed, i);
    findings.push(...r.findings);
    slowestMs = Math.max(slowestMs, r.ms);
  }
  const count = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).length;
  return { row: { target: target.name, cases, crashes: count('crash'), slow: count('slow'), silent: count('silent'), slowestMs }, findings };
}

/** The summary: target | cases | crashes | over 2 s | silent acceptances | slowest ms. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['target', 'cases', 'crashes', 'over 2 s', 'silent acceptances', 'slowest ms'];
  const body = rows.map((r) => [r.target, String(r.cases), String(r.crashes), String(r.slow), String(r.silent), r.slowestMs.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

/** How to replay a finding from the command line. */
export function replayHint(seed: number, f: Finding): string {
  return `npm run fuzz -- --seed ${seed} --replay '${f.target}:${f.index}'`;
}
