// The `onnx` check kind's scorer on real models: the learner's exported file scored on the held-out digits,
// in a child process that the check's time limit, the cancel signal and a memory bound all stop.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { evaluateOnnx } from '../../../src/checks/onnxCheck';
import { hugeIntermediateModel, linearModel, matMulChainModel } from '../inference/onnxBuilder';

const ROOT = path.resolve(__dirname, '../../../..');
const MODELS = path.join(ROOT, 'media/models');

describe('lab onnx check', function () {
  this.timeout(60_000);
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-onnx-'));
  const check = (threshold: number) => ({ kind: 'onnx' as const, model: 'export/model.onnx', op: '>=' as const, threshold });
  const put = (bytes: Buffer | string) => {
    fs.mkdirSync(path.join(project, 'export'), { recursive: true });
    fs.writeFileSync(path.join(project, 'export/model.onnx'), bytes);
  };

  it('fails with a clear reason when the model was not exported yet', async () => {
    const o = await evaluateOnnx(project, check(0.9), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.headline ?? '', /export\/model\.onnx does not exist yet/);
  });

  it('passes a good model and reports its accuracy and layout', async () => {
    put(fs.readFileSync(path.join(MODELS, 'mnist-cnn.onnx')));
    const o = await evaluateOnnx(project, check(0.97), ROOT);
    assert.equal(o.status, 'passed', o.headline);
    assert.match(o.headline ?? '', /\[N,1,28,28\]\) scores 97\.\d % on 2000 held-out digits/);
  });

  it('fails a model under the bar, naming its weakest digits', async () => {
    put(fs.readFileSync(path.join(MODELS, 'mnist-mlp.onnx')));
    const o = await evaluateOnnx(project, check(0.97), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.failures[0].message, /^accuracy 96\.\d %, needs >= 97\.0 %\. Weakest digits: \d \(/);
  });

  it('rejects a corrupt file without crashing', async () => {
    put('this is not a model');
    const o = await evaluateOnnx(project, check(0.5), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.failures[0].message, /not an ONNX model/);
  });

  it('reports a model whose outputs are all NaN as such', async () => {
    put(Buffer.from(linearModel({ fill: NaN })));
    const o = await evaluateOnnx(project, check(0.5), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.headline ?? '', /could not be scored: the model's outputs are all NaN \(not a number\) for every one of the 2000 digits/);
  });

  it('refuses an absurd fixed batch size with a clear reason', async () => {
    put(Buffer.from(linearModel({ inputShape: [1e9, 784] })));
    const o = await evaluateOnnx(project, check(0.5), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.headline ?? '', /could not be scored: the model declares a fixed batch size of 1000000000; the scorer feeds at most 16384 digits per run/);
    assert.doesNotMatch(o.failures[0].message, /RangeError|\n\s+at /);
  });

  // A model of 1,000 chained [256,256] MatMuls, 1 MB on disk, takes minutes to score here.
  it('stops scoring a model that runs past the check\'s time limit', async () => {
    put(Buffer.from(matMulChainModel(1000, 256)));
    const o = await evaluateOnnx(project, check(0.5), ROOT, { timeoutMs: 8000 });
    assert.equal(o.status, 'error', o.headline);
    assert.match(o.headline ?? '', /^export\/model\.onnx could not be scored: scoring stopped after 8 s, the check's time limit/);
  });

  it('stops scoring when the run is cancelled', async () => {
    put(Buffer.from(matMulChainModel(1000, 256)));
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 3000);
    const o = await evaluateOnnx(project, check(0.5), ROOT, { timeoutMs: 50_000, signal: abort.signal });
    assert.equal(o.status, 'error', o.headline);
    assert.match(o.headline ?? '', /could not be scored: cancelled before it finished/);
  });

  it('stops scoring a model that fills memory', async () => {
    // Each batch of 250 digits is broadcast to 2,000 copies: 1.5 GB of floats.
    put(Buffer.from(hugeIntermediateModel(2000)));
    const o = await evaluateOnnx(project, check(0.5), ROOT, { timeoutMs: 50_000, maxMemoryMb: 400 });
    assert.equal(o.status, 'error', o.headline);
    assert.match(o.headline ?? '', /could not be scored: scoring stopped: it used more than 400 MB of memory/);
  });
});

// The installed extension has no node_modules: dist/onnx-check.js (onnxruntime-web bundled in)
// must score with nothing but the runtime files it ships, the wasm gzipped (esbuild.mjs).
describe('lab onnx check from the shipped files alone', function () {
  this.timeout(60_000);

  it('inflates the gzipped runtime and scores a model in a fresh Node, away from node_modules', () => {
    const ext = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-ext-'));
    const ort = path.join(ext, 'dist/webview/ort');
    fs.mkdirSync(ort, { recursive: true });
    for (const f of fs.readdirSync(path.join(ROOT, 'dist/webview/ort'))) fs.copyFileSync(path.join(ROOT, 'dist/webview/ort', f), path.join(ort, f));
    assert.deepEqual(fs.readdirSync(ort).sort(), ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm.gz']);
    fs.copyFileSync(path.join(ROOT, 'dist/onnx-check.js'), path.join(ext, 'dist/onnx-check.js'));
    fs.mkdirSync(path.join(ext, 'media/data'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'media/data/mnist-heldout.bin'), path.join(ext, 'media/data/mnist-heldout.bin'));
    const project = path.join(ext, 'project');
    fs.mkdirSync(path.join(project, 'export'), { recursive: true });
    fs.copyFileSync(path.join(MODELS, 'mnist-cnn.onnx'), path.join(project, 'export/model.onnx'));
    const script = `require(${JSON.stringify(path.join(ext, 'dist/onnx-check.js'))})
      .evaluateOnnx(${JSON.stringify(project)}, { kind: 'onnx', model: 'export/model.onnx', op: '>=', threshold: 0.97 }, ${JSON.stringify(ext)})
      .then((o) => console.log(JSON.stringify(o)), (e) => { console.error(e); process.exit(1); });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ext, encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(ext, { recursive: true, force: true });
    assert.equal(r.status, 0, r.stderr);
    const outcome = JSON.parse(r.stdout.trim().split('\n').pop()!) as { status: string; headline: string };
    assert.equal(outcome.status, 'passed', outcome.headline);
    assert.match(outcome.headline, /scores 97\.\d % on 2000 held-out digits/);
  });
});
