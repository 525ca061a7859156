// Shared paths and loaders for the inference tests (bundled to out/test/unit/inference/).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type MnistSet, decodeMnistSet } from '../../../src/shared/inference/mnistData';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');
export const MODELS = join(ROOT, 'media', 'models');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'models');
export const HELDOUT_FILE = join(ROOT, 'media', 'data', 'mnist-heldout.bin');

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

let heldout: MnistSet | undefined;
export function loadHeldout(): MnistSet {
  heldout ??= decodeMnistSet(readBytes(HELDOUT_FILE));
  return heldout;
}

export interface GoldenFile {
  model: string;
  inputShape: number[];
  samples: { index: number; label: number; pixels: number[]; logits: number[] }[];
}

export function loadGolden(name: string): GoldenFile {
  return JSON.parse(readFileSync(join(MODELS, `${name}.golden.json`), 'utf8')) as GoldenFile;
}

/** A tiny deterministic byte generator (xorshift32), for "random" files that never change. */
export function pseudoRandomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
