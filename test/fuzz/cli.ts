// `npm run fuzz`: runs every fuzz target for a number of seeded cases and prints the table, each
// finding with the command that replays it. Options: --seed N, --cases N (per target),
// --target NAME[,NAME…] (substrings), --replay 'target:index' (one case, with what it did).
import { repoRoot } from '../unit/repoRoot';
import { readCorpus } from './corpus';
import { allTargets } from './targets';
import { formatTable, replayHint, runCase, runTarget, type Finding, type Row } from './runner';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const seed = Number(option('seed') ?? 0x5eed2024) >>> 0;
  const cases = option('cases') === undefined ? undefined : Number(option('cases'));
  if (cases !== undefined && !(Number.isInteger(cases) && cases > 0)) {
    console.error(`--cases must be a positive whole number, not ${option('cases')}`);
    return 2;
  }
  const targets = allTargets(readCorpus(repoRoot()));
  const replay = option('replay');
  if (replay !== undefined) {
    const colon = replay.lastIndexOf(':');
    const target = targets.find((t) => t.name === replay.slice(0, colon));
    const index = Number(replay.slice(colon + 1));
    if (!target || !Number.isInteger(index) || index < 0) {
      console.error(`--replay takes 'target:index' with a target among: ${targets.map((t) => t.name).join(', ')}`);
      return 2;
    }
    const r = runCase(target, seed, index);
    console.log(`${target.name} case ${index} (seed ${seed}): ${r.ms.toFixed(1)} ms${r.note ? `; ${r.note}` : ''}`);
    for (const f of r.findings) console.log(`${f.kind}: ${f.detail}`);
    return r.findings.length ? 1 : 0;
  }
  const only = option('target');
  const rows: Row[] = [];
  const findings: Finding[] = [];
  for (const target of targets.filter((t) => only === undefined || only.split(',').some((o) => t.name.includes(o)))) {
    const r = runTarget(target, seed, cases ?? target.defaultCases);
    rows.push(r.row);
    findings.push(...r.findings);
    for (const f of r.findings.slice(0, 5)) console.log(`${f.kind} in ${f.target} case ${f.index}: ${f.detail.split('\n').slice(0, 3).join(' / ')}\n  replay: ${replayHint(seed, f)}`);
    if (r.findings.length > 5) console.log(`…and ${r.findings.length - 5} more in ${target.name}`);
  }
  console.log(`\nseed ${seed}\n${formatTable(rows)}`);
  return findings.some((f) => f.kind !== 'slow') ? 1 : 0;
}

process.exitCode = main();
