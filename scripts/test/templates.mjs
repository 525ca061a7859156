// `npm run test:templates`: proves every project template's checks are honest. For each
// roadmap/projects/<id>/ with template/ and solution/, in a fresh temp folder each time:
//   1. the untouched starter (template/ plus its shared-data.json files): every test FAILS
//      (failures, not errors, no collection errors);
//   2. solution/ overlaid: every test PASSES (none skipped);
//   3. each cheats/<name>/ overlaid on template + solution: at least one test FAILS. CHEAT.md says
//      in its first line what the lazy learner does; a `Caught by:` line names the test(s) that
//      must catch it, and only those run (with -x). A cheat that passes fails the layer.
// Every run goes through the lab's own pytest runner (src/checks/pytestRun.ts: the lab's ini, no
// plugin autoload, only the template's conftest files), so a template is proven exactly as the lab
// will check it. Debian's /usr/bin/python3 (PYTHON overrides); projects run two at a time, each
// pinned to one core (the budgets in ../shared/notes/templates.md are one-core budgets).
// Usage: node scripts/test/templates.mjs [results.json|-] [project-id…]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PROJECTS = join(ROOT, 'roadmap/projects');
const MEDIA_DATA = join(ROOT, 'media/data');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const BUDGET_S = { starter: 20, solution: 60, cheat: 60 };
/** Every template carries at least this many cheat overlays (roadmap/FORMAT.md). */
const MIN_CHEATS = 4;
const [resultsArg, ...only] = process.argv.slice(2);
const resultsFile = resultsArg && resultsArg !== '-' && resultsArg !== '/dev/null' ? resultsArg : undefined;

// The lab's pytest runner, bundled from its TypeScript source for this process alone (no shared
// build output, so several runs at once do not race).
const bundleDir = mkdtempSync(join(tmpdir(), 'mlr-tpl-runner-'));
await esbuild.build({
  stdin: { contents: "export { runPytest } from './src/checks/pytestRun'; export { runProcess } from './src/checks/process';", resolveDir: ROOT, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: join(bundleDir, 'runner.js'), logLevel: 'error',
});
const { runPytest, runProcess } = createRequire(import.meta.url)(join(bundleDir, 'runner.js'));
rmSync(bundleDir, { recursive: true, force: true });

const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset']).status === 0;
const CORES = Math.max(1, Math.min(2, cpus().length));

/** Project-relative paths of every file under `dir`. */
function listFiles(dir) {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).split(sep).join('/')) : [];
}

const isTestFile = (f) => f === 'conftest.py' || f === 'tests' || f.startsWith('tests/') || f.endsWith('/conftest.py');

/** The files a template asks for from media/data/ (shared-data.json: destination → file name). */
function sharedData(id) {
  const file = join(PROJECTS, id, 'shared-data.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8'));
}

function prepare(id, layers) {
  const dir = mkdtempSync(join(tmpdir(), `mlr-tpl-${id}-`));
  cpSync(join(PROJECTS, id, 'template'), dir, { recursive: true });
  for (const [dest, name] of Object.entries(sharedData(id))) {
    mkdirSync(dirname(join(dir, dest)), { recursive: true });
    cpSync(join(MEDIA_DATA, name), join(dir, dest));
  }
  for (const layer of layers) {
    cpSync(layer, dir, { recursive: true });
  }
  rmSync(join(dir, 'CHEAT.md'), { force: true });
  return dir;
}

async function pytest(dir, { nodeIds, conftests, core, stopAtFirstFailure = false }) {
  const started = Date.now();
  const run = (cmd, args, opts) => hasTaskset ? runProcess('taskset', ['-c', String(core), cmd, ...args], opts) : runProcess(cmd, args, opts);
  const r = await runPytest({
    projectDir: dir, python: PYTHON, nodeIds, conftests, run, stopAtFirstFailure,
    timeoutMs: 2 * BUDGET_S.solution * 1000, maxOutputBytes: 256 * 1024,
    env: { PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  const seconds = (Date.now() - started) / 1000;
  const cases = r.report?.cases ?? [];
  const output = `${r.result?.stdout ?? ''}${r.result?.stderr ?? ''}`;
  return { exit: r.result?.exitCode, seconds, cases, collectionErrors: r.report?.collectionErrors ?? [], output };
}

const short = (c) => `${c.nodeId} (${c.status}${c.message ? `: ${c.message.slice(0, 160)}` : ''})`;

function readCheat(dir) {
  const text = existsSync(join(dir, 'CHEAT.md')) ? readFileSync(join(dir, 'CHEAT.md'), 'utf8') : '';
  const lines = text.split(/\r?\n/);
  const description = (lines.find((l) => l.trim()) ?? '').replace(/^#+\s*/, '').trim();
  const caught = (lines.find((l) => /^caught by:/i.test(l.trim())) ?? '').replace(/^\s*caught by:\s*/i, '');
  const caughtBy = [...caught.matchAll(/`([^`]+)`|(\S+)/g)].map((m) => m[1] ?? m[2]).filter(Boolean);
  return { description, caughtBy };
}

/** Checks one project; returns its lines, counts and timing row. */
async function checkProject(id, core) {
  const lines = [`${id}`];
  const counts = { passed: 0, failed: 0 };
  const report = (ok, name, detail) => {
    counts[ok ? 'passed' : 'failed']++;
    lines.push(`  ${ok ? '✓' : '✗'} ${name}${detail ? `\n      ${detail.replace(/\n/g, '\n      ')}` : ''}`);
  };
  // Budgets are measured and shown, not asserted (a loaded machine is slower); a run that goes far
  // over is stopped by the pytest timeout (twice the solution budget) and fails there.
  const budget = (kind, seconds, label) => {
    if (seconds > BUDGET_S[kind]) {
      lines.push(`  ⚠ ${label} took ${seconds.toFixed(1)} s, over the ${BUDGET_S[kind]} s budget`);
      row.over.push(`${label} ${seconds.toFixed(0)} s`);
    }
  };
  const base = join(PROJECTS, id);
  const templateFiles = listFiles(join(base, 'template'));
  const testFiles = templateFiles.filter((f) => /^tests\/(.*\/)?(test_[^/]*|[^/]*_test)\.py$/.test(f));
  const conftests = templateFiles.filter((f) => f === 'conftest.py' || (f.startsWith('tests/') && f.endsWith('/conftest.py')));
  const missingData = Object.entries(sharedData(id)).filter(([, name]) => !existsSync(join(MEDIA_DATA, name)));
  report(missingData.length === 0, 'shared data present', missingData.map(([d, n]) => `${d} ← media/data/${n} is missing`).join(', '));
  const row = { id, tests: 0, starterS: 0, solutionS: 0, cheats: 0, cheatS: 0, over: [] };
  if (missingData.length) return { lines, counts, row };

  let dir = prepare(id, []);
  try {
    const starter = await pytest(dir, { nodeIds: testFiles, conftests, core });
    const notFailed = starter.cases.filter((c) => c.status !== 'failed');
    const starterOk = starter.cases.length > 0 && notFailed.length === 0 && starter.collectionErrors.length === 0;
    report(starterOk, `starter: all ${starter.cases.length} tests fail (${starter.seconds.toFixed(1)} s)`,
      starterOk ? '' : starter.cases.length === 0
        ? `pytest exit ${starter.exit}, no test cases collected:\n${starter.output.slice(-1500)}`
        : `not failing: ${[...notFailed.map(short), ...starter.collectionErrors.map((e) => `${e.file ?? e.nodeId ?? ''} (collection error)`)].join(', ')}`);
    budget('starter', starter.seconds, 'starter');
    row.tests = starter.cases.length;
    row.starterS = starter.seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The tests state the expectations (the lab warns when they differ from the template's): a
  // solution or a cheat that passes or fails by replacing a test would prove nothing.
  const overlaid = listFiles(join(base, 'solution')).filter(isTestFile);
  report(overlaid.length === 0, 'solution replaces no test', overlaid.length ? `solution/ holds ${overlaid.join(', ')}` : '');

  dir = prepare(id, [join(base, 'solution')]);
  try {
    const solved = await pytest(dir, { nodeIds: testFiles, conftests, core });
    const bad = solved.cases.filter((c) => c.status !== 'passed');
    const solvedOk = solved.cases.length === row.tests && row.tests > 0 && bad.length === 0 && solved.collectionErrors.length === 0;
    report(solvedOk, `solution: all ${solved.cases.length} tests pass (${solved.seconds.toFixed(1)} s)`,
      solvedOk ? '' : `${solved.cases.length} cases (starter had ${row.tests}); not passing: ${bad.map(short).join(', ')}\n${solved.output.slice(-1500)}`);
    budget('solution', solved.seconds, 'solution');
    row.solutionS = solved.seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const cheatsDir = join(base, 'cheats');
  const cheats = existsSync(cheatsDir) ? readdirSync(cheatsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  report(cheats.length >= MIN_CHEATS, `at least ${MIN_CHEATS} cheat overlays (${cheats.length})`, cheats.length >= MIN_CHEATS ? '' : `add cheats/<name>/ overlays (roadmap/FORMAT.md)`);
  row.cheats = cheats.length;
  for (const name of cheats) {
    const cheatDir = join(cheatsDir, name);
    const { description, caughtBy } = readCheat(cheatDir);
    const files = listFiles(cheatDir).filter((f) => f !== 'CHEAT.md');
    const problems = [
      ...(description ? [] : ['CHEAT.md has no first line saying what the lazy learner does']),
      ...(files.length ? [] : ['the cheat changes no file']),
      ...files.filter(isTestFile).map((f) => `${f} is a test file: a cheat changes the learner's code, never the tests`),
      ...caughtBy.filter((n) => !testFiles.includes(n.split('::')[0])).map((n) => `Caught by ${n}: no such test file in template/tests`),
    ];
    if (problems.length) {
      report(false, `cheat ${name}`, problems.join('\n'));
      continue;
    }
    dir = prepare(id, [join(base, 'solution'), cheatDir]);
    try {
      const r = await pytest(dir, { nodeIds: caughtBy.length ? caughtBy : testFiles, conftests, core, stopAtFirstFailure: true });
      row.cheatS += r.seconds;
      const catchers = r.cases.filter((c) => c.status === 'failed' || c.status === 'error');
      const caught = catchers.length > 0 || r.collectionErrors.length > 0;
      report(caught, caught
        ? `cheat ${name} caught by ${catchers.map((c) => c.nodeId).join(', ') || 'a collection error'} (${r.seconds.toFixed(1)} s)`
        : `cheat ${name} NOT caught: ${description}`,
      caught ? '' : `ran ${r.cases.length} tests (${caughtBy.length ? caughtBy.join(' ') : 'all'}), none failed\n${r.output.slice(-800)}`);
      budget('cheat', r.seconds, `cheat ${name}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { lines, counts, row };
}

const projects = readdirSync(PROJECTS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(PROJECTS, d.name, 'template')) && existsSync(join(PROJECTS, d.name, 'solution')))
  .map((d) => d.name)
  .filter((id) => !only.length || only.includes(id))
  .sort();
for (const id of only) if (!projects.includes(id)) console.error(`✗ no template ${id} in roadmap/projects/`);

const total = { passed: 0, failed: only.filter((id) => !projects.includes(id)).length, skipped: 0 };
const rows = [];
const started = Date.now();
if (spawnSync(PYTHON, ['-c', 'import pytest']).status !== 0) {
  console.error(`✗ ${PYTHON} cannot import pytest. As root: bash scripts/setup.sh installs Debian's Python packages`);
  total.failed++;
} else {
  // Two workers, one core each, taking projects from one queue; each project prints when done.
  const queue = [...projects];
  await Promise.all(Array.from({ length: Math.min(CORES, queue.length) }, async (_, core) => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const { lines, counts, row } = await checkProject(id, core);
      console.log(lines.join('\n'));
      total.passed += counts.passed;
      total.failed += counts.failed;
      rows.push(row);
    }
  }));
}

rows.sort((a, b) => a.id.localeCompare(b.id));
const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('template', 28)} ${pad('tests', 6)} ${pad('starter s', 10)} ${pad('solution s', 11)} ${pad('cheats', 7)} ${pad('cheats s', 9)} over budget (starter ${BUDGET_S.starter} s, solution ${BUDGET_S.solution} s, cheat ${BUDGET_S.cheat} s)`);
for (const r of rows) console.log(`${pad(r.id, 28)} ${pad(r.tests, 6)} ${pad(r.starterS.toFixed(1), 10)} ${pad(r.solutionS.toFixed(1), 11)} ${pad(r.cheats, 7)} ${pad(r.cheatS.toFixed(1), 9)} ${r.over.join(', ')}`);
console.log(`${projects.length} project templates checked in ${((Date.now() - started) / 1000).toFixed(0)} s on ${CORES} core(s)`);
if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ ...total, rows }));
process.exitCode = total.failed ? 1 : 0;
