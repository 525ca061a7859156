// dist/cli/model-score.js (built by `node esbuild.mjs`): one JSON object on stdout, exit code.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODELS, ROOT, pseudoRandomBytes, readBytes } from './helpers';

const CLI = join(ROOT, 'dist', 'cli', 'model-score.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line of stdout, got: ${r.stdout}\nstderr: ${r.stderr}`);
  return { code: r.status, json: JSON.parse(lines[0]) as Record<string, unknown> };
}

describe('model:score CLI', function () {
  this.timeout(60_000);
  let tmp: string;

  before(function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node esbuild.mjs\` first`);
    tmp = mkdtempSync(join(tmpdir(), 'model-score-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the score of the MLP and exits 0', () => {
    const { code, json } = run(join(MODELS, 'mnist-mlp.onnx'));
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(json), ['accuracy', 'layout', 'perClassAccuracy', 'count']);
    assert.equal(json.layout, '[N,784]');
    assert.equal(json.count, 2000);
    assert.ok((json.accuracy as number) >= 0.94);
    assert.equal((json.perClassAccuracy as number[]).length, 10);
  });

  it('adds the confusion matrix and timings with --full', () => {
    const { code, json } = run(join(MODELS, 'mnist-cnn.onnx'), '--full');
    assert.equal(code, 0);
    assert.equal(json.layout, '[N,1,28,28]');
    assert.equal((json.confusion as number[][]).flat().reduce((a, b) => a + b, 0), 2000);
    assert.ok(Array.isArray(json.worst));
    assert.equal(typeof json.sessionCreateMs, 'number');
  });

  it('prints {"error"} and exits non-zero for a corrupt or truncated file', () => {
    const random = join(tmp, 'random.onnx');
    writeFileSync(random, pseudoRandomBytes(4096, 99));
    const truncated = join(tmp, 'truncated.onnx');
    writeFileSync(truncated, readBytes(join(MODELS, 'mnist-mlp.onnx')).subarray(0, 50_000));
    const empty = join(tmp, 'empty.onnx');
    writeFileSync(empty, '');
    for (const [file, pattern] of [
      [random, /not an ONNX model|truncated/],
      [truncated, /truncated/],
      [empty, /the file is empty/],
      [join(tmp, 'missing.onnx'), /missing\.onnx does not exist yet/],
    ] as const) {
      const { code, json } = run(file);
      assert.equal(code, 1, file);
      assert.deepEqual(Object.keys(json), ['error']);
      assert.match(json.error as string, pattern);
    }
  });

  it('explains a model with the wrong input shape', () => {
    const { code, json } = run(join(ROOT, 'test', 'fixtures', 'models', 'wrong-n3x32x32.onnx'));
    assert.equal(code, 1);
    assert.equal(json.error, 'input has shape [N,3,32,32]; expected [N,784], [N,28,28] or [N,1,28,28]');
  });

  it('exits 2 on a usage error', () => {
    const { code, json } = run();
    assert.equal(code, 2);
    assert.match(json.error as string, /usage/);
  });
});
