// Hashed bag-of-words features for the spam model (media/models/spam-bow.onnx), the TypeScript
// twin of scripts/models/spam.py; media/models/spam-bow.md documents the scheme. Pure TypeScript.
//
//   1. lower-case ASCII A-Z only;  2. tokens = maximal runs of [a-z0-9], 2..24 characters kept;
//   3. 32-bit FNV-1a over each token's bytes;  4. bucket = hash mod 4096, feature = presence (0/1).

export const SPAM_BUCKETS = 4096;
export const MIN_TOKEN_LENGTH = 2;
export const MAX_TOKEN_LENGTH = 24;

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
