// scoreModel against fake sessions: no onnxruntime involved.
import * as assert from 'node:assert/strict';
import type { Dim } from '../../../src/shared/inference/layout';
import type { MnistSet } from '../../../src/shared/inference/mnistData';
import { ScoreError, type SessionLike, argmax, isDistribution, scoreModel, softmax } from '../../../src/shared/inference/score';

interface FakeTensor {
  data: Float32Array;
  dims: number[];
}
const createTensor = (data: Float32Array, dims: number[]): FakeTensor => ({ data, dims });

/** n digits; digit i has label labels[i] and every pixel equal to (i + 1) / 1000 (an id). */
function fakeSet(labels: number[]): MnistSet {
  const images = new Float32Array(labels.length * 784);
  labels.forEach((_, i) => images.fill((i + 1) / 1000, i * 784, (i + 1) * 784));
  return { count: labels.length, rows: 28, cols: 28, pixelsPerImage: 784, images, labels: Uint8Array.from(labels) };
}

/**
 * A session whose output for each digit comes from `rowFor(id)`, where id is the digit's index
 * recovered from its pixels (-1 for a padding image). Records the batch shapes it saw.
 */
function fakeSession(shape: Dim[], rowFor: (id: number) => number[], outClasses = 10) {
  const seen: number[][] = [];
  const session: SessionLike = {
    inputNames: ['input'],
    outputNames: ['logits'],
    inputMetadata: [{ name: 'input', isTensor: true, type: 'float32', shape }],
    outputMetadata: [{ name: 'logits', isTensor: true, type: 'float32', shape: ['batch', 10] }],
    async run(feeds) {
      const x = feeds.input as FakeTensor;
      seen.push(x.dims);
      const n = x.dims[0];
      const out = new Float32Array(n * outClasses);
      for (let k = 0; k < n; k++) {
        const id = Math.round(x.data[k * 784] * 1000) - 1;
        out.set(rowFor(id).slice(0, outClasses), k * outClasses);
      }
      return { logits: { data: out, dims: [n, outClasses] } };
    },
  };
  return { session, seen };
}

/** Logits that put `score` on class `c`. */
function logitsFor(c: number, score = 5): number[] {
  const row = new Array<number>(10).fill(0);
  row[c] = score;
  return row;
}

describe('inference/score', () => {
  const labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1];

  it('computes accuracy, per-class accuracy and the confusion matrix', async () => {
    // Digit 3 (label 3) is predicted as 8, digit 11 (label 1) as 7; the rest are right.
    const wrong: Record<number, number> = { 3: 8, 11: 7 };
    const { session } = fakeSession(['batch', 784], (id) => logitsFor(wrong[id] ?? labels[id]));
    const r = await scoreModel(session, fakeSet(labels), { createTensor });
    assert.equal(r.count, 12);
    assert.equal(r.correct, 10);
    assert.equal(r.accuracy, 10 / 12);
    assert.equal(r.layout, '[N,784]');
    assert.equal(r.outputKind, 'logits');
    assert.deepEqual(r.perClassCount, [2, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(r.perClassAccuracy, [1, 0.5, 1, 0, 1, 1, 1, 1, 1, 1]);
    assert.equal(r.confusion[3][8], 1);
    assert.equal(r.confusion[1][7], 1);
    assert.equal(r.confusion[1][1], 1);
    assert.equal(r.confusion.flat().reduce((a, b) => a + b, 0), 12);
  });

  it('lists the most confident mistakes first, with softmax confidence for logits', async () => {
    const scores: Record<number, number> = { 2: 1, 5: 9, 7: 4 };
    const { session } = fakeSession(['batch', 784], (id) => (id in scores ? logitsFor((labels[id] + 1) % 10, scores[id]) : logitsFor(labels[id])));
    const r = await scoreModel(session, fakeSet(labels), { createTensor, worstCount: 2 });
    assert.deepEqual(r.worst.map((w) => w.index), [5, 7]);
    assert.deepEqual(
      { label: r.worst[0].label, predicted: r.worst[0].predicted },
      { label: 5, predicted: 6 },
    );
    const expected = Math.exp(9) / (Math.exp(9) + 9);
    assert.ok(Math.abs(r.worst[0].confidence - expected) < 1e-6);
  });

  it('takes probabilities as they are', async () => {
    const probs = (c: number) => {
      const row = new Array<number>(10).fill(0.05);
      row[c] = 0.55;
      return row;
    };
    const { session } = fakeSession(['batch', 784], (id) => probs(id === 0 ? 4 : labels[id]));
    const r = await scoreModel(session, fakeSet(labels), { createTensor });
    assert.equal(r.outputKind, 'probabilities');
    assert.equal(r.correct, 11);
    assert.equal(r.worst.length, 1);
    assert.ok(Math.abs(r.worst[0].confidence - 0.55) < 1e-6);
  });

  it('feeds the layout the model declares', async () => {
    for (const [shape, dims] of [
      [['batch', 28, 28], [5, 28, 28]],
      [['batch', 1, 28, 28], [5, 1, 28, 28]],
    ] as [Dim[], number[]][]) {
      const { session, seen } = fakeSession(shape, (id) => logitsFor(labels[id]));
      const r = await scoreModel(session, fakeSet(labels), { createTensor, batchSize: 5 });
      assert.equal(r.accuracy, 1);
      assert.deepEqual(seen, [dims, dims, [2, ...dims.slice(1)]]);
      assert.equal(r.runs, 3);
    }
  });

  it('scores a fixed-batch model in chunks of its size, padding the last chunk', async () => {
    const { session, seen } = fakeSession([4, 784], (id) => logitsFor(id < 0 ? 0 : labels[id]));
    const progress: number[] = [];
    const r = await scoreModel(session, fakeSet(labels.slice(0, 10)), {
      createTensor,
      batchSize: 100,
      onProgress: (done) => progress.push(done),
    });
    assert.equal(r.fixedBatch, 4);
    assert.deepEqual(seen, [[4, 784], [4, 784], [4, 784]]);
    assert.deepEqual(progress, [4, 8, 10]);
    assert.equal(r.count, 10);
    assert.equal(r.accuracy, 1);
  });

  it('feeds the digits as views of the set, no copy per run; only a padded last batch has a buffer, blank past the digits', async () => {
    const set = fakeSet(labels);
    const inputs: Float32Array[] = [];
    const record = (data: Float32Array, dims: number[]): FakeTensor => { inputs.push(data); return { data, dims }; };
    const dynamic = fakeSession(['batch', 784], (id) => logitsFor(labels[id]));
    await scoreModel(dynamic.session, set, { createTensor: record, batchSize: 5 });
    assert.equal(inputs.length, 3);
    for (const [i, input] of inputs.entries()) {
      assert.equal(input.buffer, set.images.buffer, `run ${i} got a copy`);
      assert.equal(input.byteOffset, i * 5 * 784 * 4);
    }
    inputs.length = 0;
    const fixed = fakeSession([5, 784], (id) => logitsFor(id < 0 ? 0 : labels[id]));
    const r = await scoreModel(fixed.session, set, { createTensor: record });
    assert.equal(r.accuracy, 1);
    assert.deepEqual([inputs[0].buffer === set.images.buffer, inputs[1].buffer === set.images.buffer, inputs[2].buffer === set.images.buffer], [true, true, false]);
    assert.equal(inputs[2].length, 5 * 784);
    assert.deepEqual([...new Set(inputs[2].subarray(0, 2 * 784))].sort(), [11 / 1000, 12 / 1000].map(Math.fround).sort());
    assert.ok(inputs[2].subarray(2 * 784).every((v) => v === 0), 'the padding is not blank');
  });

  it('rejects a model whose input does not fit, before running it', async () => {
    const { session, seen } = fakeSession(['batch', 3, 32, 32], () => logitsFor(0));
    await assert.rejects(scoreModel(session, fakeSet(labels), { createTensor }), (e: Error) => {
      assert.ok(e instanceof ScoreError);
      assert.equal(e.message, 'input has shape [N,3,32,32]; expected [N,784], [N,28,28] or [N,1,28,28]');
      return true;
    });
    assert.equal(seen.length, 0);
  });

  it('rejects an output of the wrong size and reports run failures', async () => {
    const { session } = fakeSession(['batch', 784], () => new Array<number>(10).fill(0), 3);
    await assert.rejects(scoreModel(session, fakeSet(labels), { createTensor }), /has shape \[12,3\] for a batch of 12; expected 12×10/);
    const failing: SessionLike = {
      ...fakeSession(['batch', 784], () => logitsFor(0)).session,
      run: async () => {
        throw new Error('boom');
      },
    };
    await assert.rejects(scoreModel(failing, fakeSet(labels), { createTensor }), /failed to run on a \[N,784\] batch of 12: boom/);
  });

  it('can be cancelled', async () => {
    const { session } = fakeSession(['batch', 784], (id) => logitsFor(labels[id]));
    let calls = 0;
    await assert.rejects(
      scoreModel(session, fakeSet(labels), { createTensor, batchSize: 4, isCancelled: () => ++calls > 1 }),
      /cancelled/,
    );
  });

  it('reports a model whose outputs are all NaN as such, not as 0 % accuracy', async () => {
    const { session } = fakeSession(['batch', 784], () => new Array<number>(10).fill(NaN));
    await assert.rejects(scoreModel(session, fakeSet(labels), { createTensor }), (e: Error) => {
      assert.ok(e instanceof ScoreError, String(e));
      assert.match(e.message, /^the model's outputs are all NaN \(not a number\) for every one of the 12 digits/);
      return true;
    });
  });

  it('counts the digits whose outputs were all NaN when only some were', async () => {
    const { session } = fakeSession(['batch', 784], (id) => (id === 2 || id === 5 ? new Array<number>(10).fill(NaN) : logitsFor(labels[id])));
    const r = await scoreModel(session, fakeSet(labels), { createTensor });
    assert.equal(r.nanRows, 2);
    assert.equal(r.correct, 10);
  });

  it('refuses an absurd fixed batch size with a clear reason, before running the model', async () => {
    const { session, seen } = fakeSession([1e9, 784], () => logitsFor(0));
    await assert.rejects(scoreModel(session, fakeSet(labels), { createTensor }), (e: Error) => {
      assert.ok(e instanceof ScoreError, String(e));
      assert.match(e.message, /^the model declares a fixed batch size of 1000000000; the scorer feeds at most 16384 digits per run/);
      return true;
    });
    assert.equal(seen.length, 0);
  });

  it('has sound argmax, softmax and distribution checks', () => {
    assert.equal(argmax([1, 3, 2]), 1);
    assert.equal(argmax([NaN, 1, NaN]), 1);
    assert.equal(argmax([NaN, NaN]), -1);
    assert.equal(argmax([-Infinity, -Infinity]), 0);
    const p = softmax([1000, 1000]);
    assert.deepEqual(p, [0.5, 0.5]);
    assert.ok(isDistribution([0.2, 0.8]));
    assert.ok(!isDistribution([0.2, 0.7]));
    assert.ok(!isDistribution([-0.2, 1.2]));
  });
});
