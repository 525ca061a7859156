// The spam and sensor models: TypeScript feature hashing matches Python's, and onnxruntime-web
// reproduces PyTorch's outputs.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSession, float32Tensor } from '../../../src/inference/nodeRuntime';
import { SPAM_BUCKETS, fnv1a32, spamBuckets, spamTokens } from '../../../src/shared/inference/textHash';
import { emailToSpamText, spamFeatures } from './spamBatch';
import { MODELS, readBytes } from './helpers';

interface SpamGolden {
  classes: string[];
  samples: { id: string; label: number; text: string; buckets: number[]; logits: number[] }[];
}
interface SensorGolden {
  threshold: number;
  thresholdStrict: number;
  samples: { label: number; input: number[]; score: number; reconstruction: number[] }[];
}

function golden<T>(name: string): T {
  return JSON.parse(readFileSync(join(MODELS, `${name}.golden.json`), 'utf8')) as T;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('text hashing for the spam model', () => {
  it('implements 32-bit FNV-1a', () => {
    assert.equal(fnv1a32(''), 0x811c9dc5);
    assert.equal(fnv1a32('a'), 0xe40c292c);
    assert.equal(fnv1a32('foobar'), 0xbf9cf968);
  });

  it('tokenises like the Python build: ASCII lower-case, [a-z0-9] runs of 2-24 characters', () => {
    assert.deepEqual(spamTokens('FREE money!!! Call 0800-123 now: a I x'), ['free', 'money', 'call', '0800', '123', 'now']);
    // Non-ASCII letters separate tokens and are not lower-cased: only "caf" is long enough.
    assert.deepEqual(spamTokens('Ünïcödé ÉTÉ café'), ['caf']);
    assert.deepEqual(spamTokens(`${'x'.repeat(24)} ${'y'.repeat(25)}`), ['x'.repeat(24)]);
  });

  it('takes the subject and body of a raw e-mail', () => {
    const raw = 'From: a@b.c\r\nSubject: Cheap\r\n  pills today\r\nTo: d@e.f\r\n\r\nBody line\r\n';
    assert.equal(emailToSpamText(raw), 'Cheap pills today\nBody line\n');
    assert.equal(emailToSpamText('no headers here'), '\n');
  });

  it('matches the buckets Python computed for the golden messages', () => {
    for (const s of golden<SpamGolden>('spam-bow').samples) assert.deepEqual(spamBuckets(s.text), s.buckets, s.id);
  });
});

describe('spam and sensor models in onnxruntime-web', function () {
  this.timeout(60_000);

  it('spam-bow matches the golden PyTorch logits within 1e-4 and classifies them', async () => {
    const g = golden<SpamGolden>('spam-bow');
    assert.deepEqual(g.classes, ['ham', 'spam']);
    const session = await createSession(readBytes(join(MODELS, 'spam-bow.onnx')));
    try {
      const n = g.samples.length;
      const x = spamFeatures(g.samples.map((s) => s.text));
      const out = await session.run({ input: float32Tensor(x, [n, SPAM_BUCKETS]) });
      assert.deepEqual(out.logits.dims, [n, 2]);
      const logits = out.logits.data as Float32Array;
      assert.ok(maxAbsDiff(logits, g.samples.flatMap((s) => s.logits)) < 1e-4);
      const predicted = g.samples.map((_, i) => (logits[i * 2 + 1] > logits[i * 2] ? 1 : 0));
      assert.ok(predicted.filter((p, i) => p === g.samples[i].label).length >= n - 1);
    } finally {
      await session.release();
    }
  });

  it('sensor-ae matches the golden scores and reconstructions within 1e-4', async () => {
    const g = golden<SensorGolden>('sensor-ae');
    const session = await createSession(readBytes(join(MODELS, 'sensor-ae.onnx')));
    try {
      assert.deepEqual(session.outputNames, ['score', 'reconstruction']);
      const n = g.samples.length;
      const out = await session.run({ input: float32Tensor(Float32Array.from(g.samples.flatMap((s) => s.input)), [n, 16]) });
      assert.deepEqual(out.score.dims, [n]);
      assert.ok(maxAbsDiff(out.score.data as Float32Array, g.samples.map((s) => s.score)) < 1e-4);
      assert.ok(maxAbsDiff(out.reconstruction.data as Float32Array, g.samples.flatMap((s) => s.reconstruction)) < 1e-4);
      // The golden normal windows score below the conservative threshold, the events mostly above it.
      const scores = out.score.data as Float32Array;
      g.samples.forEach((s, i) => {
        if (s.label === 0) assert.ok(scores[i] < g.thresholdStrict);
      });
      assert.ok(g.samples.some((s, i) => s.label === 1 && scores[i] > g.thresholdStrict));
    } finally {
      await session.release();
    }
  });
});
