// The spam model's input for a batch of texts and the text of a raw e-mail, as the Python build
// (scripts/models/spam.py) makes them: for the tests that run media/models/spam-bow.onnx on many
// samples. The extension itself hashes one text at a time (src/shared/inference/textHash.ts spamBuckets).
import { SPAM_BUCKETS, spamBuckets } from '../../../src/shared/inference/textHash';

/**
 * Feature rows for a batch of texts: `texts.length * buckets` float32 values, 1 where a token
 * lands in the bucket. Feed as a [N, 4096] tensor named "input".
 */
export function spamFeatures(texts: readonly string[], buckets = SPAM_BUCKETS): Float32Array {
  const x = new Float32Array(texts.length * buckets);
  texts.forEach((text, i) => {
    for (const b of spamBuckets(text, buckets)) x[i * buckets + b] = 1;
  });
  return x;
}

/** The text the spam model was trained on for a raw e-mail: its subject, a newline, its body. */
export function emailToSpamText(raw: string): string {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const lines = head.split('\n');
  let subject = '';
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].toLowerCase().startsWith('subject:')) continue;
    const parts = [lines[i].slice('subject:'.length).trim()];
    for (let j = i + 1; j < lines.length && /^[ \t]/.test(lines[j]); j++) parts.push(lines[j].trim());
    subject = parts.join(' ');
    break;
  }
  return `${subject}\n${body}`;
}
