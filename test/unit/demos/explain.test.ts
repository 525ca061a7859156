// Leave-one-bucket-out for the spam demo: the batch rows, the text spans and the effects.
import * as assert from 'node:assert/strict';
import { SPAM_BUCKETS, fnv1a32, spamBuckets } from '../../../src/shared/inference/textHash';
import { spamFeatures } from '../inference/spamBatch';
import { ablationBatch, probabilityOf, spamLogOdds, spamProbabilities, textSpans, wordEffects } from '../../../webview/demos/text/explain';

const TEXT = 'Subject: FREE offer\n\nClick here for a FREE prize, x y!';

describe('spam explanation (leave one bucket out)', () => {
  it('cuts the text into spans that join back to it, with the model\'s tokens and buckets', () => {
    const spans = textSpans(TEXT);
    assert.equal(spans.map((s) => s.text).join(''), TEXT);
    const words = spans.filter((s) => s.token !== null);
    assert.deepEqual(words.map((s) => s.token), ['subject', 'free', 'offer', 'click', 'here', 'for', 'free', 'prize']);
    for (const w of words) assert.equal(w.bucket, fnv1a32(w.token!) % SPAM_BUCKETS);
    // One-letter words are not tokens for the model.
    assert.ok(spans.some((s) => s.text === 'x' && s.token === null));
  });

  it('row 0 is the full text; each later row misses exactly one bucket', () => {
    const batch = ablationBatch(TEXT);
    const all = spamBuckets(TEXT);
    assert.deepEqual([...batch.all], all);
    assert.equal(batch.rows, 1 + all.length);
    assert.deepEqual(batch.features.subarray(0, SPAM_BUCKETS), spamFeatures([TEXT]));
    batch.ablated.forEach((bucket, i) => {
      const row = batch.features.subarray((i + 1) * SPAM_BUCKETS, (i + 2) * SPAM_BUCKETS);
      assert.equal(row[bucket], 0);
      assert.equal(row.reduce((a, b) => a + b, 0), all.length - 1);
    });
    // In text order, each bucket once: "free" appears twice but is ablated once.
    assert.equal(batch.ablated[1], fnv1a32('free') % SPAM_BUCKETS);
    assert.equal(new Set(batch.ablated).size, batch.ablated.length);
  });

  it('caps the number of ablations', () => {
    const long = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    const batch = ablationBatch(long, 10);
    assert.equal(batch.ablated.length, 10);
    assert.equal(batch.rows, 11);
  });

  it('an effect is the drop in the score without the bucket', () => {
    const batch = ablationBatch('cash prize');
    const score = [4, 1.5, 4.25];
    const effects = wordEffects('cash prize', batch, score);
    assert.deepEqual(effects.map((e) => e.words), [['cash'], ['prize']]);
    assert.deepEqual(effects.map((e) => e.effect), [2.5, -0.25]);
    assert.deepEqual(effects.map((e) => e.without), [1.5, 4.25]);
  });

  it('log-odds come from [N, 2] logits and map back to the softmax probability', () => {
    const logits = [0.5, 3, 2, -1];
    const lo = spamLogOdds(logits, 2);
    assert.deepEqual([...lo], [2.5, -3]);
    const p = spamProbabilities(logits, 2);
    for (let i = 0; i < 2; i++) assert.ok(Math.abs(probabilityOf(lo[i]) - p[i]) < 1e-12);
  });

  it('turns [N, 2] logits into spam probabilities', () => {
    const p = spamProbabilities([0, 0, 2, -1, -3, 5], 3);
    assert.ok(Math.abs(p[0] - 0.5) < 1e-12);
    assert.ok(Math.abs(p[1] - 1 / (1 + Math.exp(3))) < 1e-12);
    assert.ok(p[2] > 0.999);
  });
});
