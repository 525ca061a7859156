// The gallery's data and models in onnxruntime-web (Node): the VAE decoder matches PyTorch, and the
// anomaly demo's windows of the shipped sensor slice reproduce the numbers on sensor-ae's card.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSession, float32Tensor } from '../../../src/inference/nodeRuntime';
import { detectionAt, parseSensorFile, positionOf, slidingWindows, thresholdAt } from '../../../webview/demos/anomaly/sensor';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const read = (...p: string[]): Uint8Array => new Uint8Array(readFileSync(join(ROOT, ...p)));
const json = (...p: string[]): unknown => JSON.parse(readFileSync(join(ROOT, ...p), 'utf8'));

describe('gallery models and data in onnxruntime-web', function () {
  this.timeout(60_000);

  it('mnist-vae-decoder: 2-D latent in, 784 pixels in [0, 1] out, matching PyTorch within 1e-4', async () => {
    const s = await createSession(read('media/models/mnist-vae-decoder.onnx'));
    try {
      assert.deepEqual(s.inputNames, ['latent']);
      assert.deepEqual(s.outputNames, ['image']);
      const golden = json('media/models/mnist-vae-decoder.golden.json') as { samples: { latent: number[]; image: number[] }[] };
      const input = new Float32Array(golden.samples.flatMap((g) => g.latent));
      const out = await s.run({ latent: float32Tensor(input, [golden.samples.length, 2]) });
      const img = out.image.data as Float32Array;
      assert.equal(img.length, golden.samples.length * 784);
      golden.samples.forEach((g, k) => {
        for (let i = 0; i < 784; i++) {
          const v = img[k * 784 + i];
          assert.ok(v >= 0 && v <= 1);
          assert.ok(Math.abs(v - g.image[i]) < 1e-4, `sample ${k} pixel ${i}: ${v} vs ${g.image[i]}`);
        }
      });
    } finally {
      await s.release();
    }
  });

  it('the latent map file lines up with the held-out digits', () => {
    const lat = json('media/data/mnist-vae-latents.json') as { labels: number[]; points: number[]; centroids: number[][] };
    const bin = read('media/data/mnist-heldout.bin');
    const count = new DataView(bin.buffer, bin.byteOffset).getUint32(8, true);
    assert.equal(lat.labels.length, count);
    assert.equal(lat.points.length, 2 * count);
    assert.deepEqual(lat.labels.slice(0, 50), [...bin.subarray(12, 62)]);
    assert.equal(lat.centroids.length, 10);
  });

  it('sensor slice + sliding windows + sensor-ae reproduce the model card\'s precision and recall', async () => {
    const data = parseSensorFile(json('media/data/sensor-heldout.json'));
    assert.deepEqual(data.motes.map((m) => m.id), [1, 4]);
    const s = await createSession(read('media/models/sensor-ae.onnx'));
    const scores: number[] = [];
    const labels: number[] = [];
    try {
      for (const mote of data.motes) {
        const w = slidingWindows(mote, data.window);
        const out = await s.run({ input: float32Tensor(w.inputs, [w.count, 16]) });
        scores.push(...(out.score.data as Float32Array));
        labels.push(...w.labels);
      }
    } finally {
      await s.release();
    }
    // From media/models/sensor-ae.md: 9,444 windows, 163 events; sensitive threshold 160 TP / 1136 FP,
    // strict threshold 109 TP / 16 FP.
    assert.equal(scores.length, 9444);
    assert.equal(labels.filter((l) => l === 1).length, 163);
    const sensitive = detectionAt(scores, labels, data.thresholds.sensitive);
    assert.deepEqual([sensitive.tp, sensitive.fp], [160, 1136]);
    const strict = detectionAt(scores, labels, data.thresholds.strict);
    assert.deepEqual([strict.tp, strict.fp], [109, 16]);
    assert.ok(Math.abs(strict.precision! - 0.872) < 0.001 && Math.abs(strict.recall! - 0.669) < 0.001);
  });

  it('windows, detection counts and the log threshold slider', () => {
    const mote = { id: 9, indoor: true, humidity: [1, 2, 3, 4], temperature: [10, 20, 30, 40], labels: '0010' };
    const w = slidingWindows(mote, 2);
    assert.equal(w.count, 3);
    assert.deepEqual([...w.inputs], [1, 10, 2, 20, 2, 20, 3, 30, 3, 30, 4, 40]);
    assert.deepEqual([...w.labels], [0, 1, 1]);
    const d = detectionAt([0.1, 0.5, 0.05], [0, 1, 1], 0.2);
    assert.deepEqual(d, { tp: 1, fp: 0, fn: 1, tn: 1, precision: 1, recall: 0.5, f1: 2 / 3 });
    assert.equal(detectionAt([0.1], [0], 1).precision, null);
    assert.ok(Math.abs(thresholdAt(0.5, 1e-4, 1) - 1e-2) < 1e-12);
    assert.ok(Math.abs(positionOf(1e-3, 1e-4, 1) - 0.25) < 1e-12);
    assert.throws(() => parseSensorFile({ window: 8, thresholds: { sensitive: 1, strict: 2 }, motes: [{ id: 1, humidity: [1], temperature: [], labels: '0' }] }), /different lengths/);
  });
});
