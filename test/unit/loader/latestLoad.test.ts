// The roadmap service's load cache: a failed load becomes its fallback value, never a rejected
// promise that every later caller would get, and a reload replaces it.
import * as assert from 'node:assert/strict';
import { LatestLoad } from '../../../src/loader/latestLoad';

describe('LatestLoad', () => {
  it('loads once on first use and shares that load', async () => {
    let loads = 0;
    const latest = new LatestLoad(async () => ++loads, () => -1);
    assert.deepEqual(await Promise.all([latest.get(), latest.get()]), [1, 1]);
    assert.equal(await latest.get(), 1);
    assert.equal(loads, 1);
  });

  it('turns a rejected load into the fallback, and a reload then loads again', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const latest = new LatestLoad(async () => {
      if (fail) throw new Error('disk on fire');
      return 'loaded';
    }, (e) => { errors.push(e); return 'fallback'; });
    assert.equal(await latest.get(), 'fallback');
    assert.equal(await latest.get(), 'fallback');
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /disk on fire/);
    fail = false;
    assert.equal(await latest.reload(), 'loaded');
    assert.equal(await latest.get(), 'loaded');
  });

  it('also catches a load that throws before its first await', async () => {
    const latest = new LatestLoad<string>(() => { throw new Error('at once'); }, () => 'fallback');
    assert.equal(await latest.get(), 'fallback');
  });
});
