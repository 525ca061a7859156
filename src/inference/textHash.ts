// Hashed bag-of-words features for the spam model (media/models/spam-bow.onnx), the TypeScript
// twin of scripts/models/spam.py; media/models/spam-bow.md documents the scheme. Pure TypeScript.
//
//   1. lower-case ASCII A-Z only;  2. tokens = maximal runs of [a-z0-9], 2..24 characters kept;
//   3. 32-bit FNV-1a over each token's bytes;  4. bucket = hash mod 4096, feature = presence (0/1).

export const SPAM_BUCKETS = 4096;
export const MIN_TOKEN_LENGTH = 2;
export const MAX_TOKEN_LENGTH = 24;
export const SPAM_CLASSES = ['ham', 'spam'] as const;

/** The tokens of `text` as the spam model sees them, in order (repeats kept). */
export function spamTokens(text: string): string[] {
  const lowered = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return (lowered.match(/[a-z0-9]+/g) ?? []).filter((t) => t.length >= MIN_TOKEN_LENGTH && t.length <= MAX_TOKEN_LENGTH);
}

/** 32-bit FNV-1a of an ASCII token (tokens only ever hold [a-z0-9]). */
export function fnv1a32(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Sorted, distinct buckets hit by the tokens of `text`. */
export function spamBuckets(text: string, buckets = SPAM_BUCKETS): number[] {
  const hit = new Set<number>();
  for (const t of spamTokens(text)) hit.add(fnv1a32(t) % buckets);
  return [...hit].sort((a, b) => a - b);
}

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
