// The committed models in onnxruntime-web (wasm, one thread) in Node: parity with PyTorch's
// golden logits, held-out accuracy, the layout fixtures and rejection of broken files.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { detectModelLayout } from '../../../src/shared/inference/layout';
import { mnistSubset } from '../../../src/shared/inference/mnistData';
import {
  ModelLoadError,
  createSession,
  createSessionUnchecked,
  float32Tensor,
  loadOrt,
} from '../../../src/inference/nodeRuntime';
import { ScoreError, scoreModel } from '../../../src/shared/inference/score';
import { FIXTURES, MODELS, loadGolden, loadHeldout, pseudoRandomBytes, readBytes } from './helpers';

type Session = Awaited<ReturnType<typeof createSession>>;

const sessions = new Map<string, Session>();
async function session(path: string): Promise<Session> {
  let s = sessions.get(path);
  if (!s) {
    s = await createSession(readBytes(path));
    sessions.set(path, s);
  }
  return s;
}

describe('inference with onnxruntime-web in Node', function () {
  this.timeout(60_000);

  after(async () => {
    for (const s of sessions.values()) await s.release();
  });

  it('runs single-threaded', () => {
    assert.equal(loadOrt().env.wasm.numThreads, 1);
  });

  for (const [name, minAccuracy, layout] of [
    ['mnist-mlp', 0.94, '[N,784]'],
    ['mnist-cnn', 0.96, '[N,1,28,28]'],
  ] as const) {
    describe(name, () => {
      const file = join(MODELS, `${name}.onnx`);

      it('declares input "input" and output "logits" with a dynamic batch', async () => {
        const s = await session(file);
        assert.deepEqual(s.inputNames, ['input']);
        assert.deepEqual(s.outputNames, ['logits']);
        const r = detectModelLayout(s.inputMetadata, s.outputMetadata);
        assert.ok(r.ok);
        assert.equal(r.layout.name, layout);
        assert.equal(r.layout.fixedBatch, null);
      });

      it('matches the golden PyTorch logits within 1e-4', async () => {
        const s = await session(file);
        const golden = loadGolden(name);
        assert.ok(golden.samples.length >= 8);
        const n = golden.samples.length;
        const input = new Float32Array(n * 784);
        golden.samples.forEach((g, i) => input.set(g.pixels.map((p) => p / 255), i * 784));
        const out = await s.run({ input: float32Tensor(input, [n, ...golden.inputShape.slice(1)]) });
        const logits = out.logits.data as Float32Array;
        assert.deepEqual(out.logits.dims, [n, 10]);
        let maxDiff = 0;
        golden.samples.forEach((g, i) => {
          g.logits.forEach((v, c) => {
            maxDiff = Math.max(maxDiff, Math.abs(logits[i * 10 + c] - v));
          });
        });
        assert.ok(maxDiff < 1e-4, `max abs diff ${maxDiff}`);
      });

      it(`scores at least ${minAccuracy} on the 2,000 held-out digits`, async () => {
        const s = await session(file);
        const r = await scoreModel(s, loadHeldout(), { createTensor: float32Tensor });
        assert.equal(r.count, 2000);
        assert.equal(r.layout, layout);
        assert.ok(r.accuracy >= minAccuracy, `accuracy ${r.accuracy}`);
        assert.equal(r.outputKind, 'logits');
        assert.equal(r.perClassAccuracy.length, 10);
        for (const a of r.perClassAccuracy) assert.ok(a !== null && a > 0.85);
        assert.equal(r.worst.length, 12);
        for (let i = 1; i < r.worst.length; i++) assert.ok(r.worst[i - 1].confidence >= r.worst[i].confidence);
        for (const w of r.worst) assert.notEqual(w.label, w.predicted);
      });

      it('gives the same score whatever the batch size', async () => {
        const s = await session(file);
        const data = mnistSubset(loadHeldout(), 300);
        const a = await scoreModel(s, data, { createTensor: float32Tensor, batchSize: 300 });
        const b = await scoreModel(s, data, { createTensor: float32Tensor, batchSize: 7 });
        assert.equal(a.correct, b.correct);
        assert.deepEqual(a.confusion, b.confusion);
        assert.equal(b.runs, Math.ceil(300 / 7));
      });
    });
  }

  describe('layout fixtures (test/fixtures/models)', () => {
    it('scores an [N,28,28] model and the same weights with a fixed batch of 1 identically', async () => {
      const dynamic = await session(join(FIXTURES, 'linear-n28x28.onnx'));
      const fixed = await session(join(FIXTURES, 'linear-fixed1x1x28x28.onnx'));
      const data = mnistSubset(loadHeldout(), 200);
      const a = await scoreModel(dynamic, data, { createTensor: float32Tensor });
      const b = await scoreModel(fixed, data, { createTensor: float32Tensor });
      assert.equal(a.layout, '[N,28,28]');
      assert.equal(a.fixedBatch, null);
      assert.equal(b.layout, '[N,1,28,28]');
      assert.equal(b.fixedBatch, 1);
      assert.equal(b.runs, 200);
      assert.ok(a.accuracy > 0.8, `accuracy ${a.accuracy}`);
      assert.equal(a.correct, b.correct);
      assert.deepEqual(a.confusion, b.confusion);
    });

    it('rejects an [N,3,32,32] model with a reason', async () => {
      const s = await session(join(FIXTURES, 'wrong-n3x32x32.onnx'));
      await assert.rejects(scoreModel(s, loadHeldout(), { createTensor: float32Tensor }), (e: Error) => {
        assert.ok(e instanceof ScoreError);
        assert.equal(e.message, 'input has shape [N,3,32,32]; expected [N,784], [N,28,28] or [N,1,28,28]');
        return true;
      });
    });
  });

  describe('broken files', () => {
    const mlp = () => readBytes(join(MODELS, 'mnist-mlp.onnx'));

    it('rejects random bytes and a truncated model before onnxruntime sees them', async () => {
      await assert.rejects(createSession(pseudoRandomBytes(5000, 7)), (e: Error) => {
        assert.ok(e instanceof ModelLoadError);
        assert.match(e.message, /not an ONNX model|truncated/);
        return true;
      });
      await assert.rejects(createSession(mlp().subarray(0, 100_000)), /the ONNX file is truncated or damaged/);
      await assert.rejects(createSession(new Uint8Array(0)), /the file is empty/);
      await assert.rejects(createSession(mlp(), { maxBytes: 1000 }), /over the 1000 bytes limit/);
    });

    it("maps onnxruntime's own load errors to a clear reason", async () => {
      // A damaged graph keeps the outer structure, so only onnxruntime can tell.
      const damaged = mlp();
      for (let i = 60; i < 400; i++) damaged[i] = (i * 37) & 0xff;
      for (const bytes of [damaged, pseudoRandomBytes(5000, 7), mlp().subarray(0, 100_000)]) {
        await assert.rejects(createSessionUnchecked(bytes), (e: Error) => {
          assert.ok(e instanceof ModelLoadError);
          assert.match(e.message, /^the file is not a valid ONNX model: \S/);
          return true;
        });
      }
    });
  });
});
