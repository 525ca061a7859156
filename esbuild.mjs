// Builds every bundle: the extension host (node/cjs, `vscode` external), the webview (browser),
// the command-line tools, and the three test layers. `--production` minifies the shipped bundles,
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');

/** All files under `dir` whose name ends with `suffix`. */
function findFiles(dir, suffix) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...findFiles(full, suffix));
    else if (name.endsWith(suffix)) out.push(full);
  }
  return out;
}

const shared = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'error' : 'info',
  target: 'es2022',
};

const node = { ...shared, platform: 'node', format: 'cjs', external: ['vscode'] };

const builds = [
  // The extension host. The roadmap parser and the ONNX scorer are bundles of their own, required
  // lazily when first needed, so activation loads neither.
  { ...node, entryPoints: { extension: 'src/extension.ts', 'roadmap-parser': 'src/roadmap/index.ts', 'onnx-check': 'src/checks/onnxCheck.ts' }, outdir: 'dist' },
  // The worker thread that parses custom roadmaps off the host's main thread (it loads roadmap-parser.js).
  { ...node, entryPoints: { 'roadmap-worker': 'src/loader/parseWorker.ts' }, outdir: 'dist' },
  // Command-line tools.
  // roadmap-compile is the build's own parse of the built-in roadmap (run below).
  { ...node, entryPoints: { 'roadmap-check': 'src/cli/roadmapCheck.ts', 'roadmap-compile': 'src/cli/compileRoadmap.ts', 'model-score': 'src/cli/modelScore.ts' }, outdir: 'dist/cli' },
  // The lab webview (browser).
  { ...shared, platform: 'browser', format: 'iife', entryPoints: { lab: 'webview/lab/main.ts' }, outdir: 'dist/webview' },
  // The ML demo gallery (browser): an ES module, with onnxruntime-web's wasm-only build that loads
  // its glue and binary at run time from dist/webview/ort/ (copied below).
  {
    ...shared, platform: 'browser', format: 'esm', conditions: ['onnxruntime-web-use-extern-wasm'],
    entryPoints: { demos: 'webview/demos/main.ts' }, outdir: 'dist/webview',
  },
];

// onnxruntime-web's single-threaded SIMD runtime, the only two of its files the gallery loads: the
// glue as it is, and the 14 MB wasm gzipped to under 4 MB. Webview resources travel through the
// editor's resource loader (and, in a remote or web editor, over its connection), so fewer bytes
// mean a faster first session; the webview and the lab's Node check both inflate it themselves.
mkdirSync('dist/webview/ort', { recursive: true });
const ORT_SRC = 'node_modules/onnxruntime-web/dist';
copyFileSync(join(ORT_SRC, 'ort-wasm-simd-threaded.mjs'), join('dist/webview/ort', 'ort-wasm-simd-threaded.mjs'));
const wasmGz = join('dist/webview/ort', 'ort-wasm-simd-threaded.wasm.gz');
const wasmSrc = join(ORT_SRC, 'ort-wasm-simd-threaded.wasm');
if (!existsSync(wasmGz) || statSync(wasmGz).mtimeMs < statSync(wasmSrc).mtimeMs) {
  writeFileSync(wasmGz, gzipSync(readFileSync(wasmSrc), { level: 9 }));
}
rmSync(join('dist/webview/ort', 'ort-wasm-simd-threaded.wasm'), { force: true });

if (!production) {
  // Tests: each file bundled on its own, with mocha (and playwright for e2e) left external.
  const testExternal = ['vscode', 'mocha', 'playwright-core'];
  builds.push({
    ...node, sourcemap: true, minify: false, external: testExternal, outdir: 'out/test', outbase: 'test',
    entryPoints: [
      ...findFiles('test/unit', '.test.ts'),
      ...findFiles('test/integration', '.ts'),
      ...findFiles('test/e2e', '.ts'),
      ...findFiles('test/bench', '.ts'),
    ],
  });
  // `npm run fuzz`.
  builds.push({ ...node, sourcemap: true, external: testExternal, entryPoints: { fuzz: 'test/fuzz/cli.ts' }, outdir: 'out/fuzz' });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  compileBuiltInRoadmap();
}

/**
 * dist/roadmap.json: the built-in roadmap and its projects' milestones, parsed by the parser bundle
 * just built, keyed by that bundle and the markdown (src/roadmap/compiled.ts). The extension uses it only when both match;
 * in --watch it goes stale and the extension simply parses. dist/cli/roadmap-compile.js parses in
 * the parser's worker thread with a time limit, so a roadmap that would hang the parser fails the build.
 */
function compileBuiltInRoadmap() {
  const run = spawnSync(process.execPath, [join('dist', 'cli', 'roadmap-compile.js')], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(1);
}
