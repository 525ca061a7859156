// `npm test`: every test layer, then one summary line `N passed, N failed[, N skipped]`.
// Usage: node scripts/test/all.mjs [layer…]   layers: typecheck lint unit templates integration vsix e2e
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, freshWorkspace, runSuite } from './host.mjs';

const LAYERS = ['typecheck', 'lint', 'unit', 'templates', 'integration', 'vsix', 'e2e'];
const asked = process.argv.slice(2);
const layers = asked.length ? asked : LAYERS;
for (const l of layers) if (!LAYERS.includes(l)) { console.error(`unknown layer ${l}; known: ${LAYERS.join(', ')}`); process.exit(2); }

const tmp = mkdtempSync(join(tmpdir(), 'mlr-test-'));
const total = { passed: 0, failed: 0, skipped: 0 };

function step(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

/** Runs a mocha folder in a child Node; a crash before any counts is one failure. */
function mochaLayer(name, folder, timeoutMs) {
  const results = join(tmp, `${name}.json`);
  const code = step(process.execPath, [join(ROOT, 'scripts/test/mocha.mjs'), folder, results, String(timeoutMs)]);
  if (!existsSync(results)) return { passed: 0, failed: 1, skipped: 0, note: `${name} runner crashed (exit ${code})` };
  return JSON.parse(readFileSync(results, 'utf8'));
}

const runners = {
  // Both TypeScript projects, strict: one counted check each.
  typecheck: () => {
    const results = { passed: 0, failed: 0, skipped: 0 };
    for (const project of ['.', 'webview']) {
      const ok = step(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project]) === 0;
      console.log(`${ok ? '✓' : '✗'} tsc --noEmit -p ${project}`);
      results[ok ? 'passed' : 'failed']++;
    }
    return results;
  },
  // ESLint (eslint.config.mjs) over the repository: one counted check per file, so a failure
  // names the file; each problem is printed as file:line:column.
  lint: async () => {
    const { ESLint } = await import('eslint');
    const reports = await new ESLint({ cwd: ROOT }).lintFiles(['.']);
    const results = { passed: 0, failed: 0, skipped: 0 };
    for (const report of reports) {
      const file = relative(ROOT, report.filePath);
      if (report.messages.length === 0) { results.passed++; continue; }
      results.failed++;
      console.log(`✗ ${file}`);
      for (const m of report.messages) console.log(`  ${file}:${m.line ?? 0}:${m.column ?? 0} ${m.message} (${m.ruleId ?? 'parse error'})`);
    }
    console.log(`eslint: ${reports.length} files`);
    return results;
  },
  unit: () => mochaLayer('unit', 'out/test/unit', 30_000),
  templates: () => {
    const results = join(tmp, 'templates.json');
    step(process.execPath, [join(ROOT, 'scripts/test/templates.mjs'), results]);
    if (!existsSync(results)) return { passed: 0, failed: 1, skipped: 0 };
    return JSON.parse(readFileSync(results, 'utf8'));
  },
  integration: async () => {
    const { code, lines } = await runSuite({
      suite: join(ROOT, 'out/test/integration/index.js'),
      workspace: freshWorkspace(),
    });
    const marker = lines.reverse().find((l) => l.startsWith('@@mlr-results '));
    if (!marker) return { passed: 0, failed: 1, skipped: 0, note: `no results from the extension host (exit ${code})` };
    const counts = JSON.parse(marker.slice('@@mlr-results '.length));
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  },
  vsix: () => mochaLayer('vsix', 'out/test/e2e/vsix', 300_000),
  e2e: () => mochaLayer('e2e', 'out/test/e2e/workbench', 300_000),
};

if (step('node', ['esbuild.mjs', '--quiet']) !== 0) {
  console.error('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

for (const layer of layers) {
  console.log(`\n━━ ${layer} ━━`);
  let r;
  try {
    r = await runners[layer]();
  } catch (err) {
    console.error(err?.stack ?? String(err));
    r = { passed: 0, failed: 1, skipped: 0, note: `${layer} could not run: ${err?.message ?? err}` };
  }
  if (r.note) console.error(`✗ ${r.note}`);
  console.log(`${layer}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
  total.passed += r.passed; total.failed += r.failed; total.skipped += r.skipped ?? 0;
}

console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
