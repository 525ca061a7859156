// Times the bundled MNIST models in onnxruntime-web (wasm, 1 thread) in plain Node:
//   node scripts/models/bench-node.mjs [--json]
// Each model is timed in a fresh child process so that "first session create" includes loading
// and compiling the wasm. Reports medians (and the mean for single-digit calls).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODELS = [
  ['mnist-mlp', [784]],
  ['mnist-cnn', [1, 28, 28]],
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function child(name, tail) {
  const require = createRequire(import.meta.url);
  const ort = require('onnxruntime-web'); // unbundled: finds its wasm files beside itself
  ort.env.wasm.numThreads = 1;
  const file = join(ROOT, 'media', 'models', `${name}.onnx`);
  const bytes = readFileSync(file);
  let t = performance.now();
  const session = await ort.InferenceSession.create(bytes);
  const firstCreateMs = performance.now() - t;
  t = performance.now();
  const again = await ort.InferenceSession.create(bytes);
  const secondCreateMs = performance.now() - t;
  await again.release();

  // Real held-out digits (any values would do for timing).
  const data = readFileSync(join(ROOT, 'media', 'data', 'mnist-heldout.bin'));
  const count = data.readUInt32LE(8);
  const images = new Float32Array(1000 * 784);
  for (let i = 0; i < images.length; i++) images[i] = data[12 + count + i] / 255;
  const feed = (n) => ({ input: new ort.Tensor('float32', images.subarray(0, n * 784), [n, ...tail]) });

  for (let i = 0; i < 50; i++) await session.run(feed(1));
  const one = [];
  for (let i = 0; i < 1000; i++) {
    const s = performance.now();
    await session.run(feed(1));
    one.push(performance.now() - s);
  }
  for (let i = 0; i < 3; i++) await session.run(feed(1000));
  const thousand = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await session.run(feed(1000));
    thousand.push(performance.now() - s);
  }
  await session.release();
  return {
    model: name,
    bytes: statSync(file).size,
    firstCreateMs: +firstCreateMs.toFixed(1),
    secondCreateMs: +secondCreateMs.toFixed(2),
    oneDigitMeanMs: +(one.reduce((a, b) => a + b, 0) / one.length).toFixed(4),
    oneDigitMedianMs: +median(one).toFixed(4),
    thousandDigitsMedianMs: +median(thousand).toFixed(2),
  };
}

const [mode, name] = process.argv.slice(2);
if (mode === '--child') {
  const tail = MODELS.find(([n]) => n === name)[1];
  process.stdout.write(`${JSON.stringify(await child(name, tail))}\n`);
} else {
  const rows = MODELS.map(([n]) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', n], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${n}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  else console.table(rows);
}
