// A fixed-seed slice of every fuzz target (test/fuzz/): the real roadmap, milestone files and
// models, mangled, and random progress, paths, reports and messages, never crash a pure API or
// slip past its checks. The full run is `npm run fuzz`; a failure names the case to replay there.
import * as assert from 'node:assert/strict';
import { repoRoot } from './repoRoot';
import { readCorpus } from '../fuzz/corpus';
import { allTargets } from '../fuzz/targets';
import { replayHint, runTarget } from '../fuzz/runner';

const SEED = 0x5eed2024;
const CASES = 200;

describe('fuzz slice', function () {
  this.timeout(120_000);
  const targets = allTargets(readCorpus(repoRoot()));
  for (const target of targets) {
    it(`${target.name}: ${CASES} cases, no crash and no silent acceptance`, () => {
      const { row, findings } = runTarget(target, SEED, CASES);
      assert.equal(row.cases, CASES);
      const bad = findings.filter((f) => f.kind !== 'slow');
      assert.deepEqual(bad.map((f) => `${f.kind} at case ${f.index}: ${f.detail}\n  ${replayHint(SEED, f)}`), []);
    });
  }
});
