import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { decodeMnistSet, mnistImage, mnistSubset } from '../../../src/shared/inference/mnistData';
import { HELDOUT_FILE, loadGolden, loadHeldout, readBytes } from './helpers';

/** A valid file with `labels.length` images whose pixels are all `fill`. */
function makeFile(labels: number[], fill = 0, rows = 28, cols = 28): Uint8Array {
  const px = rows * cols;
  const b = new Uint8Array(12 + labels.length + labels.length * px);
  b.set([0x4d, 0x4c, 0x52, 0x44, 1, rows, cols, 0]);
  new DataView(b.buffer).setUint32(8, labels.length, true);
  b.set(labels, 12);
  b.fill(fill, 12 + labels.length);
  return b;
}

describe('inference/mnistData', () => {
  it('decodes the bundled held-out file: 2,000 digits, every class, pixels in [0,1]', () => {
    const set = loadHeldout();
    assert.equal(set.count, 2000);
    assert.equal(set.rows, 28);
    assert.equal(set.cols, 28);
    assert.equal(set.images.length, 2000 * 784);
    const perClass = new Array(10).fill(0);
    for (const l of set.labels) perClass[l]++;
    assert.deepEqual(perClass, [200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
    let min = Infinity;
    let max = -Infinity;
    for (const v of set.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    assert.equal(min, 0);
    assert.equal(max, 1);
  });

  it('stays small (under 1.6 MB)', () => {
    assert.ok(statSync(HELDOUT_FILE).size < 1.6e6);
  });

  it('matches the pixels recorded in the golden files', () => {
    const set = loadHeldout();
    for (const s of loadGolden('mnist-mlp').samples) {
      assert.equal(set.labels[s.index], s.label);
      const img = mnistImage(set, s.index);
      assert.deepEqual(Array.from(img, (v) => Math.round(v * 255)), s.pixels);
      assert.equal(img[s.pixels.findIndex((p) => p > 0)], Math.fround(s.pixels.find((p) => p > 0)! / 255));
    }
  });

  it('decodes a hand-made file and takes subsets without copying', () => {
    const set = decodeMnistSet(makeFile([3, 1, 4], 255));
    assert.equal(set.count, 3);
    assert.deepEqual(Array.from(set.labels), [3, 1, 4]);
    assert.ok(set.images.every((v) => v === 1));
    const sub = mnistSubset(set, 2);
    assert.equal(sub.count, 2);
    assert.equal(sub.images.buffer, set.images.buffer);
    assert.throws(() => mnistImage(set, 3), RangeError);
  });

  it('rejects bad files with a reason', () => {
    assert.throws(() => decodeMnistSet(new Uint8Array(5)), /too short/);
    const badMagic = makeFile([1]);
    badMagic[0] = 0x58;
    assert.throws(() => decodeMnistSet(badMagic), /not an MNIST data file/);
    const badVersion = makeFile([1]);
    badVersion[4] = 9;
    assert.throws(() => decodeMnistSet(badVersion), /version 9/);
    const good = makeFile([1, 2]);
    assert.throws(() => decodeMnistSet(good.subarray(0, good.length - 1)), /need/);
    assert.throws(() => decodeMnistSet(makeFile([1, 12])), /label 12/);
    assert.throws(() => decodeMnistSet(readBytes(HELDOUT_FILE).subarray(0, 5000)), /need 1570012/);
  });
});
