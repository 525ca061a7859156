// `npm run bench`: measures speed and size, each row beside a baseline or floor measured in the
// same run on the same machine, and prints one table. Never asserts: numbers are for reading.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, freshWorkspace, runSuite } from '../test/host.mjs';
import { onnxRows } from './onnx.mjs';
import { printTable } from './table.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ONLY=scaffold,lab,… measures only those parts (tree, scaffold, lab, parse, size, onnx), to
// iterate on one; the default is everything.
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const part = (name) => ONLY.size === 0 || ONLY.has(name);
process.env.MLR_BENCH_PARTS = [...ONLY].join(',');
const rows = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x === undefined ? '—' : x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ratio = (a, b) => (a === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);
function row(name, ours, base, baseName, fmt = ms) {
  rows.push([name, fmt(ours), base === undefined ? '—' : `${fmt(base)} (${baseName})`, ratio(ours, base)]);
}

// The bench's own suites (out/test), then the extension's bundles as they ship (minified, no
// source maps), which is what a learner's editor loads.
for (const args of [['--quiet'], ['--production', '--quiet']]) {
  if (spawnSync(process.execPath, ['esbuild.mjs', ...args], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}

// ── Inside the real extension host ─────────────────────────────────────────
async function hostRuns(extensionPath, scaffold) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const workspace = freshWorkspace();
    process.env.MLR_BENCH_SCAFFOLD = scaffold && i === 0 ? '1' : '';
    const { code, lines } = await runSuite({ suite: join(ROOT, 'out/test/bench/index.js'), workspace, extensionPath, quiet: true, timeoutMs: 5 * 60_000 });
    rmSync(workspace, { recursive: true, force: true });
    const marker = lines.find((l) => l.startsWith('@@mlr-bench '));
    if (code !== 0 || !marker) { console.error(`host bench run failed (exit ${code})\n${lines.slice(-20).join('\n')}`); continue; }
    results.push(JSON.parse(marker.slice('@@mlr-bench '.length)));
    process.stderr.write('.');
  }
  return results;
}
const pick = (runs, key) => { const xs = runs.map((r) => r[key]).filter((x) => typeof x === 'number'); return xs.length ? median(xs) : undefined; };

console.error(`extension host: ${RUNS} fresh windows each for ML Roadmap and the baseline extension`);
const hostParts = ['tree', 'scaffold', 'lab'].some(part);
const ours = hostParts ? await hostRuns(ROOT, true) : [];
const base = part('tree') ? await hostRuns(join(ROOT, 'test/fixtures/bench-baseline'), false) : [];
// A second floor for the first tree items: the same tree-only extension, but with ML Roadmap's
// package.json (its commands, menus, keybindings, walkthrough, settings and view), so the editor
// does for it what it does for ours before activation and before the view asks.
function contributesBaseline() {
  const dir = mkdtempSync(join(tmpdir(), 'mlr-bench-contributes-'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, name: 'bench-baseline', main: './extension.js', activationEvents: [], scripts: undefined, dependencies: undefined, devDependencies: undefined }));
  copyFileSync(join(ROOT, 'package.nls.json'), join(dir, 'package.nls.json'));
  copyFileSync(join(ROOT, 'test/fixtures/bench-baseline/extension.js'), join(dir, 'extension.js'));
  for (const d of ['media', 'l10n']) symlinkSync(join(ROOT, d), join(dir, d));
  return dir;
}
let baseContributes = [];
if (part('tree')) {
  const dir = contributesBaseline();
  process.env.MLR_BENCH_VIEW = 'mlRoadmap.tree';
  baseContributes = await hostRuns(dir, false);
  delete process.env.MLR_BENCH_VIEW;
  rmSync(dir, { recursive: true, force: true });
}
console.error('');
if (part('tree')) {
row('activate() start → return (median, cold host)', pick(ours, 'activateMs'), pick(base, 'activateMs'), 'tree-only extension');
row('view opened → first tree items (median)', pick(ours, 'viewToItemsMs'), pick(base, 'viewToItemsMs'), 'tree-only extension');
row('view opened → first tree items, beside a floor with our package.json (median)', pick(ours, 'viewToItemsMs'), pick(baseContributes, 'viewToItemsMs'), "tree-only extension with ML Roadmap's contributions");
row('… of which: view opened → activate() starts (the host loads the extension)', pick(ours, 'viewToActivateMs'), pick(base, 'viewToActivateMs'), 'tree-only extension');
row('… activate() returned → the view asks for its top items', pick(ours, 'activatedToAskedMs'), pick(base, 'activatedToAskedMs'), 'tree-only extension');
row('… the same two parts, beside the floor with our package.json', pick(ours, 'editorPartsMs'), pick(baseContributes, 'editorPartsMs'), "tree-only extension with ML Roadmap's contributions");
row('… asked → top items given (the roadmap loaded)', pick(ours, 'askedToItemsMs'), pick(base, 'askedToItemsMs'), 'tree-only extension');
row(`full tree: ${ours[0]?.treeNodes ?? '?'} nodes, children + TreeItems (median)`, pick(ours, 'fullTreeMs'), pick(base, 'fullTreeMs'), `tree-only extension, ${base[0]?.treeNodes ?? '?'} nodes`);
row('tick → tree refreshed round trip (median)', pick(ours, 'tickRefreshMs'), pick(base, 'tickRefreshMs'), 'tree-only extension, tick kept in workspace state');
}
const scaffoldKeys = Object.keys(ours[0] ?? {}).filter((k) => k.startsWith('scaffoldMs:'));
let largest;
for (const k of scaffoldKeys) {
  const id = k.slice('scaffoldMs:'.length);
  const files = ours[0][`scaffoldFiles:${id}`];
  row(`scaffold ${id} (${files} files, median of 3)`, ours[0][k], ours[0][`copyFloorMs:${id}`], 'workspace.fs.copy of the same files');
  if (!largest || files > largest.files) largest = { id, files, ms: ours[0][k] };
}
if (largest) rows.push([`largest template: ${largest.id}`, `${largest.files} files`, '—', '—']);
// The paint floor comes from the other windows (the first opens the lab): see test/bench/index.ts.
if (part('lab')) {
const floorWindows = ours.slice(1);
const floorPage = `bare webview, same CSP, static ${floorWindows[0] ? kb(floorWindows[0].labPaintFloorBytes) : '?'} page`;
row('lab: Open Lab → first paint of its cells (first webview of the window)', ours[0]?.labFirstPaintMs, pick(floorWindows, 'labPaintFloorFirstMs'),
  `${floorPage}, first webview of a fresh window, median of ${floorWindows.length}`);
row('lab: Open Lab again → first paint (a later webview, median of 3)', ours[0]?.labReopenPaintMs, pick(floorWindows, 'labPaintFloorLaterMs'),
  `the same page, later webviews, median of 3 per window`);
row('lab: Run All on probability-distributions (median of 3)', ours[0]?.labRunMs, ours[0]?.directPytestMs, 'same pytest run directly');
}

// ── Roadmap parsing in Node ────────────────────────────────────────────────
if (part('parse')) {
const files = readdirSync(join(ROOT, 'roadmap')).filter((f) => f.endsWith('.md')).map((f) => ({ path: f, text: readFileSync(join(ROOT, 'roadmap', f), 'utf8') }));
const parseScript = `
const files = ${JSON.stringify(files)};
const t0 = performance.now();
const p = require(${JSON.stringify(join(ROOT, 'dist/roadmap-parser.js'))});
const t1 = performance.now();
p.parseRoadmap(files);
const t2 = performance.now();
const warm = [];
for (let i = 0; i < 30; i++) { const a = performance.now(); p.parseRoadmap(files); warm.push(performance.now() - a); }
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ load: t1 - t0, cold: t2 - t1, warm: warm[15] }));`;
const floorBundle = await esbuild.build({
  stdin: { contents: `import { unified } from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm';
    const p = unified().use(remarkParse).use(remarkGfm); export function parseAll(files) { for (const f of files) p.parse(f.text); }`, resolveDir: ROOT },
  bundle: true, platform: 'node', format: 'cjs', write: false,
});
const floorFile = join(mkdtempSync(join(tmpdir(), 'mlr-bench-')), 'floor.cjs');
writeFileSync(floorFile, floorBundle.outputFiles[0].text);
const floorScript = `
const t0 = performance.now();
const m = { exports: require(${JSON.stringify(floorFile)}) };
const load = performance.now() - t0;
const files = ${JSON.stringify(files)};
const t1 = performance.now(); m.exports.parseAll(files); const t2 = performance.now();
const warm = []; for (let i = 0; i < 30; i++) { const a = performance.now(); m.exports.parseAll(files); warm.push(performance.now() - a); }
warm.sort((a, b) => a - b); console.log(JSON.stringify({ load, cold: t2 - t1, warm: warm[15] }));`;
// The extension's path for the built-in roadmap: hash the parser bundle and the files, read
// dist/roadmap.json (src/roadmap/compiled.ts), all in a fresh Node, against the cold parse above.
const compiledBundle = await esbuild.build({
  entryPoints: [join(ROOT, 'src/roadmap/compiled.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
});
const compiledFile = join(dirname(floorFile), 'compiled.cjs');
writeFileSync(compiledFile, compiledBundle.outputFiles[0].text);
const compiledScript = `
const { readFileSync } = require('node:fs');
const t0 = performance.now();
const c = require(${JSON.stringify(compiledFile)});
const files = ${JSON.stringify(files)};
const key = c.roadmapKey(readFileSync(${JSON.stringify(join(ROOT, 'dist/roadmap-parser.js'))}), files);
const result = c.readCompiled(JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'dist/roadmap.json'))}, 'utf8')), key);
if (!result) throw new Error('dist/roadmap.json does not match: run node esbuild.mjs');
console.log(JSON.stringify({ cold: performance.now() - t0 }));`;
function nodeRun(script) {
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`benchmark child failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}
const parses = Array.from({ length: RUNS }, () => nodeRun(parseScript));
const floors = Array.from({ length: RUNS }, () => nodeRun(floorScript));
const kbText = files.reduce((n, f) => n + f.text.length, 0) / 1024;
row(`parse built-in roadmap (${kbText.toFixed(0)} KB), cold, incl. validation`, median(parses.map((p) => p.cold)), median(floors.map((p) => p.cold)), 'remark + gfm parse only');
row('parse built-in roadmap, warm (median of 30)', median(parses.map((p) => p.warm)), median(floors.map((p) => p.warm)), 'remark + gfm parse only');
row('require the parser bundle (lazy, after activation)', median(parses.map((p) => p.load)), median(floors.map((p) => p.load)), 'a bundle of remark + gfm alone');
const compiledRuns = Array.from({ length: RUNS }, () => nodeRun(compiledScript));
row('built-in roadmap from the build\'s parse (dist/roadmap.json, key checked), cold', median(compiledRuns.map((p) => p.cold)),
  median(parses.map((p) => p.load + p.cold)), 'require parser + cold parse');
}

// ── Bundle sizes (production, minified) ────────────────────────────────────
async function size(entry, external = ['vscode']) {
  const r = await esbuild.build({ entryPoints: [join(ROOT, entry)], bundle: true, minify: true, platform: 'node', format: 'cjs', external, write: false, logLevel: 'silent' });
  return r.outputFiles[0].contents.length;
}
if (part('size')) {
const host = await size('src/extension.ts');
const parser = await size('src/roadmap/index.ts');
const webview = (await esbuild.build({ entryPoints: [join(ROOT, 'webview/lab/main.ts')], bundle: true, minify: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' })).outputFiles[0].contents.length;
row('host bundle loaded at activation', host, undefined, '', kb);
row('markdown stack (parser bundle, loaded lazily)', parser, host, 'host bundle', kb);
// Its floor: the UI toolkit's three controls the lab uses, registered, and nothing else.
const toolkitOnly = (await esbuild.build({
  stdin: { contents: "import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider, vsCodeProgressRing } from '@vscode/webview-ui-toolkit'; provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDivider(), vsCodeProgressRing());", resolveDir: ROOT },
  bundle: true, minify: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent',
})).outputFiles[0].contents.length;
row('lab webview bundle (incl. UI toolkit)', webview, toolkitOnly, 'the toolkit\'s three controls alone', kb);
}

// ── ONNX inference: VS Code webview vs a plain Chromium page vs onnxruntime-node ──
if (part('onnx')) {
  console.error('onnxruntime-web in the demo gallery, in a plain page, and onnxruntime-node');
  for (const r of await onnxRows()) rows.push(r);
}

// ── Table ──────────────────────────────────────────────────────────────────
printTable(rows);
