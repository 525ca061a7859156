// Which words drove the spam model's verdict, without gradients: the text is scored once as is and
// once more for each hashed bucket with that bucket switched off (leave-one-bucket-out). A word's
// contribution is how much the model's spam score drops when its bucket is removed. The score is
// the log-odds (spam logit minus ham logit), not the probability: at 99.9 % the probability hardly
// moves when one word goes, while the log-odds still show which words carried the verdict. All
// rows go to the model in one batch. Pure TypeScript (no DOM): unit-tested.
import { MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH, SPAM_BUCKETS, fnv1a32, spamBuckets } from '../../../src/shared/inference/textHash';

/** A piece of the original text: a word the model sees (with its bucket), or anything else. */
export interface TextSpan {
  readonly text: string;
  /** The token as hashed (lower-case), or null for separators and words outside 2–24 characters. */
  readonly token: string | null;
  readonly bucket: number | null;
}

/**
 * The text cut into spans, each word with the token and bucket the model uses for it. The model's
 * tokens are the maximal runs of ASCII letters and digits, lower-cased (see textHash.ts), so the
 * runs can be found in the original text and keep their original case for display.
 */
export function textSpans(text: string, buckets = SPAM_BUCKETS): TextSpan[] {
  const spans: TextSpan[] = [];
  let last = 0;
  for (const m of text.matchAll(/[A-Za-z0-9]+/g)) {
    const at = m.index ?? 0;
    if (at > last) spans.push({ text: text.slice(last, at), token: null, bucket: null });
    const word = m[0];
    const token = word.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const kept = token.length >= MIN_TOKEN_LENGTH && token.length <= MAX_TOKEN_LENGTH;
    spans.push({ text: word, token: kept ? token : null, bucket: kept ? fnv1a32(token) % buckets : null });
    last = at + word.length;
  }
  if (last < text.length) spans.push({ text: text.slice(last), token: null, bucket: null });
  return spans;
}

export interface AblationBatch {
  /** The buckets that are switched off one at a time, row i + 1 without buckets[i]. */
  readonly ablated: readonly number[];
  /** Every bucket the text hits (sorted). */
  readonly all: readonly number[];
  /** (1 + ablated.length) rows of `buckets` floats: row 0 the full text. */
  readonly features: Float32Array;
  readonly rows: number;
}

/** The batch for leave-one-bucket-out; at most `maxAblations` buckets are tried (in text order). */
export function ablationBatch(text: string, maxAblations = 400, buckets = SPAM_BUCKETS): AblationBatch {
  const all = spamBuckets(text, buckets);
  const order: number[] = [];
  const seen = new Set<number>();
  for (const s of textSpans(text, buckets)) {
    if (s.bucket !== null && !seen.has(s.bucket)) {
      seen.add(s.bucket);
      order.push(s.bucket);
    }
  }
  const ablated = order.slice(0, Math.max(0, maxAblations));
  const rows = 1 + ablated.length;
  const features = new Float32Array(rows * buckets);
  for (let r = 0; r < rows; r++) {
    const base = r * buckets;
    for (const b of all) features[base + b] = 1;
    if (r > 0) features[base + ablated[r - 1]] = 0;
  }
  return { ablated, all, features, rows };
}

export interface WordEffect {
  /** The token(s) sharing the bucket, in text order, e.g. "free". */
  readonly words: readonly string[];
  readonly bucket: number;
  /** Score with the text as is minus the score without this bucket: > 0 pushed towards spam. */
  readonly effect: number;
  /** The row's score without this bucket. */
  readonly without: number;
}

/** Per-bucket effects from a score (e.g. spamLogOdds) for each row of an ablation batch. */
export function wordEffects(text: string, batch: AblationBatch, score: ArrayLike<number>, buckets = SPAM_BUCKETS): WordEffect[] {
  const wordsOf = new Map<number, string[]>();
  for (const s of textSpans(text, buckets)) {
    if (s.bucket === null || s.token === null) continue;
    const list = wordsOf.get(s.bucket) ?? [];
    if (!list.includes(s.token)) list.push(s.token);
    wordsOf.set(s.bucket, list);
  }
  const full = score[0];
  return batch.ablated.map((bucket, i) => ({ bucket, words: wordsOf.get(bucket) ?? [], effect: full - score[i + 1], without: score[i + 1] }));
}

/** Log-odds of spam for each row of [N, 2] logits (ham, spam): spam logit minus ham logit. */
export function spamLogOdds(logits: ArrayLike<number>, rows: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = logits[2 * r + 1] - logits[2 * r];
  return out;
}

/** The probability for a log-odds value. */
export function probabilityOf(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds));
}

/** P(spam) of each row from [N, 2] logits (ham, spam): softmax's second entry. */
export function spamProbabilities(logits: ArrayLike<number>, rows: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const ham = logits[2 * r], spam = logits[2 * r + 1];
    out[r] = 1 / (1 + Math.exp(ham - spam));
  }
  return out;
}
