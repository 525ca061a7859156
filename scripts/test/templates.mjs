// `npm run test:templates`: proves every project template's checks are honest. For each
// roadmap/projects/<id>/ with template/ and solution/:
//   1. copy template/ to a temp folder, run pytest: every test must FAIL (failures, not errors,
//      no collection errors) on the untouched starter;
//   2. overlay solution/, run again: every test must PASS (none skipped).
// Uses Debian's /usr/bin/python3 (PYTHON overrides), one core, a 60 s budget per run.
// Usage: node scripts/test/templates.mjs [results.json] [project-id…]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECTS = join(ROOT, 'roadmap/projects');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const BUDGET_S = 60;
const [resultsFile, ...only] = process.argv.slice(2);

/** Counts per testcase status in a JUnit XML report (pytest's format). */
export function readJunit(xml) {
  const cases = [];
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  let m;
  while ((m = re.exec(xml))) {
    const attrs = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const body = m[3] ?? '';
    const status = /<error\b/.test(body) ? 'error' : /<failure\b/.test(body) ? 'failed' : /<skipped\b/.test(body) ? 'skipped' : 'passed';
    const msg = (body.match(/message="([^"]*)"/) ?? [])[1] ?? '';
    cases.push({ name: `${attrs.classname}::${attrs.name}`, status, message: msg.slice(0, 200) });
  }
  return cases;
}

function pytest(dir, label) {
  const xml = join(dir, `.${label}.xml`);
  const started = Date.now();
  // taskset keeps it honest about the one-core budget when available.
  const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset']).status === 0;
  const [cmd, args] = hasTaskset ? ['taskset', ['-c', '0', PYTHON]] : [PYTHON, []];
  const r = spawnSync(cmd, [...args, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${xml}`], {
    cwd: dir, encoding: 'utf8', timeout: BUDGET_S * 1000 * 2, killSignal: 'SIGKILL',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', MPLBACKEND: 'Agg', OMP_NUM_THREADS: '1' },
  });
  const seconds = (Date.now() - started) / 1000;
  const cases = existsSync(xml) ? readJunit(readFileSync(xml, 'utf8')) : [];
  return { exit: r.status, seconds, cases, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const projects = readdirSync(PROJECTS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(PROJECTS, d.name, 'template')) && existsSync(join(PROJECTS, d.name, 'solution')))
  .map((d) => d.name)
  .filter((id) => !only.length || only.includes(id))
  .sort();

const counts = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
function report(ok, name, detail) {
  counts[ok ? 'passed' : 'failed']++;
  console.log(`  ${ok ? '✓' : '✗'} ${name}${detail ? `\n      ${detail.replace(/\n/g, '\n      ')}` : ''}`);
}

if (spawnSync(PYTHON, ['-c', 'import pytest']).status !== 0) {
  console.error(`✗ ${PYTHON} cannot import pytest. As root: apt-get install -y python3-pytest python3-numpy python3-sklearn …  (bash .ci/run does this)`);
  counts.failed++;
}

for (const id of projects) {
  console.log(`${id}`);
  const dir = mkdtempSync(join(tmpdir(), `mlr-tpl-${id}-`));
  try {
    cpSync(join(PROJECTS, id, 'template'), dir, { recursive: true });
    const starter = pytest(dir, 'starter');
    const notFailed = starter.cases.filter((c) => c.status !== 'failed');
    const starterOk = starter.exit === 1 && starter.cases.length > 0 && notFailed.length === 0;
    report(starterOk, `starter: all ${starter.cases.length} tests fail (${starter.seconds.toFixed(1)} s)`,
      starterOk ? '' : starter.cases.length === 0
        ? `pytest exit ${starter.exit}, no test cases collected:\n${starter.output.slice(-1500)}`
        : `pytest exit ${starter.exit}; not failing: ${notFailed.map((c) => `${c.name} (${c.status}${c.message ? `: ${c.message}` : ''})`).join(', ')}`);
    report(starter.seconds <= BUDGET_S, `starter within ${BUDGET_S} s`, starter.seconds <= BUDGET_S ? '' : `took ${starter.seconds.toFixed(1)} s`);

    // The tests state the expectations (the lab warns when they differ from the template's): a
    // solution that passes by replacing a test would prove nothing.
    const solutionFiles = readdirSync(join(PROJECTS, id, 'solution'), { recursive: true }).map((f) => String(f).split(sep).join('/'));
    const overlaid = solutionFiles.filter((f) => f === 'conftest.py' || f === 'tests' || f.startsWith('tests/'));
    report(overlaid.length === 0, 'solution replaces no test', overlaid.length ? `solution/ holds ${overlaid.join(', ')}` : '');

    cpSync(join(PROJECTS, id, 'solution'), dir, { recursive: true });
    const solved = pytest(dir, 'solution');
    const bad = solved.cases.filter((c) => c.status !== 'passed');
    const solvedOk = solved.exit === 0 && solved.cases.length === starter.cases.length && bad.length === 0;
    report(solvedOk, `solution: all ${solved.cases.length} tests pass (${solved.seconds.toFixed(1)} s)`,
      solvedOk ? '' : `pytest exit ${solved.exit}, ${solved.cases.length} cases (starter had ${starter.cases.length}); not passing: ${bad.map((c) => `${c.name} (${c.status}: ${c.message})`).join(', ')}\n${solved.output.slice(-1500)}`);
    report(solved.seconds <= BUDGET_S, `solution within ${BUDGET_S} s`, solved.seconds <= BUDGET_S ? '' : `took ${solved.seconds.toFixed(1)} s`);
    rows.push({ id, tests: starter.cases.length, starterS: starter.seconds, solutionS: solved.seconds });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${projects.length} project templates checked`);
if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ ...counts, rows }));
process.exitCode = counts.failed ? 1 : 0;
