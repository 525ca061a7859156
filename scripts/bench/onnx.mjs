// onnxruntime-web in the ML demo gallery, timed three ways on the same model (the bundled MLP)
// with the same measuring code (webview/inference/speed.ts):
//   1. inside a real VS Code webview: the test workbench (scripts/test/host.mjs), the gallery opened
//      from the command palette, its "Measure" button, the timings read from #timings;
//   2. a plain Chromium page served from 127.0.0.1 (scripts/bench/pages/), same bundle settings;
//   3. onnxruntime-node (native, one thread) as the floor.
// The gallery and the plain page are measured in turns (window, page, window, page…), so that a
// change in what else the machine runs falls on both alike; each in a fresh browser.
// `onnxRows()` returns table rows [name, ours, baseline, ratio] (strings). Run this file directly
// to print them: node scripts/bench/onnx.mjs   (BENCH_ONNX_RUNS=3 fresh windows/pages each).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, freshWorkspace, launchBrowser, runCommand, startServer, workbenchUrl } from '../test/host.mjs';
import { printTable } from './table.mjs';

const RUNS = Number(process.env.BENCH_ONNX_RUNS ?? process.env.BENCH_RUNS ?? 3);
const PAGES = join(ROOT, 'scripts/bench/pages');
// The runtime files exactly as the extension ships them (built by esbuild.mjs).
const ORT_DIST = join(ROOT, 'dist/webview/ort');
const ORT_FILES = new Set(['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm.gz']);
const KEYS = ['sessionFirstMs', 'scriptStartMs', 'wasmDownloadMs', 'wasmCompiledMs', 'sessionLaterMs', 'oneDigitMs', 'batch1000Ms', 'score2000Ms', 'roundTripMs', 'wasmLoopMs'];
// Both pages are measured this long after they are ready (the plain page: its first session; the
// gallery: all its models), as a learner would click Measure. Measured at once, the gallery's rows
// time the workbench still opening the panel in the same renderer as well (see the floor rows).
const SETTLE_MS = 3000;

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined ? '—' : x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ms`);
const ratio = (a, b) => (a === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);
const summarise = (runs) => Object.fromEntries(KEYS.map((k) => [k, median(runs.map((r) => r[k]))]));

// ── 1. Inside a real VS Code webview ──────────────────────────────────────────────────────────
async function openGallery(page) {
  await runCommand(page, 'ML Roadmap: Open ML Demos');
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function webviewRun() {
  const server = await startServer();
  const browser = await launchBrowser();
  const workspace = freshWorkspace();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(workbenchUrl(server, workspace, [['extensionDevelopmentPath', ROOT]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const frame = await openGallery(page);
    await frame.locator('body[data-models-ready="true"]').waitFor({ timeout: 120_000 });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await frame.locator('[data-testid="speed"] summary').click();
    await frame.locator('[data-testid="measure-speed"]').click();
    await frame.locator('[data-testid="speed-result"][data-state="done"]').waitFor({ timeout: 180_000 });
    const data = await frame.locator('[data-testid="timings"]').evaluate((e) => ({ ...e.dataset }));
    return Object.fromEntries(KEYS.map((k) => [k, data[k] === undefined ? undefined : Number(data[k])]));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

// ── 2. A plain Chromium page ──────────────────────────────────────────────────────────────────
async function bundlePage() {
  // The gallery's bundle settings (esbuild.mjs): browser, ES module, the extern-wasm ort build.
  const r = await esbuild.build({
    entryPoints: [join(PAGES, 'page.mjs')], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    conditions: ['onnxruntime-web-use-extern-wasm'], write: false, logLevel: 'error',
  });
  return r.outputFiles[0].contents;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves the page, its bundle, the two ort files and media/ on 127.0.0.1. */
async function servePage(bundle) {
  const inside = (base, rel) => {
    const full = normalize(join(base, rel));
    return full.startsWith(base + sep) ? full : undefined;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let body;
    let file;
    if (path === '/' || path === '/index.html') file = join(PAGES, 'index.html');
    else if (path === '/page.js') body = bundle;
    else if (path.startsWith('/ort/') && ORT_FILES.has(path.slice(5))) file = join(ORT_DIST, path.slice(5));
    else if (path.startsWith('/media/')) file = inside(join(ROOT, 'media'), path.slice(7));
    try {
      if (file) body = readFileSync(file);
    } catch {
      body = undefined;
    }
    if (!body) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file ?? path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** One plain page in a fresh browser (as each gallery gets one), from `site`. */
async function pageRun(site) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/?settle=${SETTLE_MS}`);
    await page.locator('body[data-done="true"]').waitFor({ state: 'attached', timeout: 180_000 });
    // eslint-disable-next-line no-undef -- runs in the page, where window is defined
    const r = await page.evaluate(() => window.__bench);
    if (r.error) throw new Error(`baseline page failed: ${r.error}`);
    return r;
  } finally {
    await browser.close();
  }
}

// ── 3. onnxruntime-node, the native floor ─────────────────────────────────────────────────────
const NODE_CHILD = `
import { readFileSync } from 'node:fs';
import { decodeMnistSet } from './src/shared/inference/mnistData';
import { measureSpeed } from './webview/inference/speed';
const started = performance.now();
const ort = require('onnxruntime-node');
const options = { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
const model = new Uint8Array(readFileSync('media/models/mnist-mlp.onnx'));
const heldout = decodeMnistSet(new Uint8Array(readFileSync('media/data/mnist-heldout.bin')));
(async () => {
  const session = await ort.InferenceSession.create(model, options);
  const sessionFirstMs = performance.now() - started;
  const speed = await measureSpeed({
    createSession: (b) => ort.InferenceSession.create(b, options),
    release: (s) => s.release(),
    tensor: (d, dims) => new ort.Tensor('float32', d, dims),
    run: (s, feeds) => s.run(feeds),
    scorable: (s) => s,
  }, session, model, heldout);
  console.log(JSON.stringify({ sessionFirstMs, ...speed }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

async function nodeRuns(n) {
  if (!existsSync(join(ROOT, 'node_modules/onnxruntime-node/package.json'))) {
    return { runs: [], why: 'onnxruntime-node is not installed: ONNXRUNTIME_NODE_INSTALL=skip npm install' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mlr-onnx-bench-'));
  const file = join(dir, 'node-floor.cjs');
  const r = await esbuild.build({
    stdin: { contents: NODE_CHILD, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs',
    external: ['onnxruntime-node'], write: false, logLevel: 'error',
  });
  writeFileSync(file, r.outputFiles[0].text);
  const runs = [];
  try {
    for (let i = 0; i < n; i++) {
      // A fresh process each time, so that the first session really is the first.
      const child = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } });
      if (child.status !== 0) throw new Error(`onnxruntime-node run failed:\n${child.stderr}`);
      runs.push(JSON.parse(child.stdout.trim().split('\n').pop()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs };
}

// ── Rows ──────────────────────────────────────────────────────────────────────────────────────
export async function onnxRows() {
  process.stderr.write(`onnx: ${RUNS} VS Code windows and ${RUNS} plain pages in turns, ${RUNS} onnxruntime-node processes `);
  const webviewList = [];
  const pageList = [];
  const site = await servePage(await bundlePage());
  try {
    for (let i = 0; i < RUNS; i++) {
      webviewList.push(await webviewRun());
      process.stderr.write('.');
      pageList.push(await pageRun(site));
      process.stderr.write('.');
    }
  } finally {
    await site.close();
  }
  const node = await nodeRuns(RUNS);
  process.stderr.write('\n');
  const ours = summarise(webviewList);
  const page = summarise(pageList);
  const native = summarise(node.runs);

  const rows = [];
  const vsPage = (name, key) => rows.push([name, ms(ours[key]), page[key] === undefined ? '—' : `${ms(page[key])} (plain Chromium page)`, ratio(ours[key], page[key])]);
  const vsNative = (name, key) => rows.push([name, ms(ours[key]), native[key] === undefined ? `— (${node.why ?? 'no floor'})` : `${ms(native[key])} (onnxruntime-node, native)`, ratio(ours[key], native[key])]);
  vsPage('ONNX first session from the panel\'s start (the page\'s time origin): runtime download + compile + MLP session', 'sessionFirstMs');
  vsPage('ONNX … of which the page\'s script arriving and starting', 'scriptStartMs');
  vsPage('ONNX … the gzipped wasm downloaded and inflated, from its request', 'wasmDownloadMs');
  vsPage('ONNX … the wasm compiled (as it streamed in), from its request', 'wasmCompiledMs');
  vsPage('ONNX another MLP session (wasm ready), median of 3', 'sessionLaterMs');
  vsPage('ONNX one digit through the MLP, 500 runs: median of 10 blocks of 50', 'oneDigitMs');
  vsPage('ONNX 1,000 digits through the MLP in one batch, median of 10', 'batch1000Ms');
  vsPage('ONNX scoring the 2,000 held-out digits (score.ts, batches of 250), median of 5', 'score2000Ms');
  vsPage('Page floor, no onnxruntime: an empty round trip through the event loop (MessageChannel), mean of 1,000', 'roundTripMs');
  vsPage('Page floor, no onnxruntime: a fixed pure WebAssembly loop (20 M iterations), median of 3', 'wasmLoopMs');
  const gz = statSync(join(ORT_DIST, 'ort-wasm-simd-threaded.wasm.gz')).size;
  const raw = statSync(join(ROOT, 'node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm')).size;
  const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
  rows.push(['ONNX runtime wasm shipped to the webview (gzipped)', mb(gz), `${mb(raw)} (the stock .wasm)`, ratio(gz, raw)]);
  vsNative('ONNX another MLP session, webview vs native floor', 'sessionLaterMs');
  vsNative('ONNX one digit, webview vs native floor', 'oneDigitMs');
  vsNative('ONNX 1,000 digits in one batch, webview vs native floor', 'batch1000Ms');
  vsNative('ONNX scoring 2,000 held-out digits, webview vs native floor', 'score2000Ms');
  return rows;
}

// Run directly: print the rows as a table.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (spawnSync(process.execPath, ['esbuild.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  const rows = await onnxRows();
  printTable(rows);
}
