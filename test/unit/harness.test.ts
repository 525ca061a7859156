// The test runner itself: a failing test is counted and makes the layer fail.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('test harness', () => {
  it('counts a deliberately failing mocha test and exits non-zero', () => {
    const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-h-')), 'r.json');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/test/mocha.mjs'), path.join(ROOT, 'test/fixtures/harness/failing'), results], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(results, 'utf8')), { passed: 1, failed: 1, skipped: 1 });
  });
});
