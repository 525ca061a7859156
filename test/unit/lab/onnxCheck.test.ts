// The lab's `onnx` check on real models: the learner's exported file scored on the held-out digits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateOnnx } from '../../../src/lab/onnxCheck';

const ROOT = path.resolve(__dirname, '../../../..');
const MODELS = path.join(ROOT, 'media/models');

describe('lab onnx check', function () {
  this.timeout(60_000);
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'mlr-onnx-'));
  const check = (threshold: number) => ({ kind: 'onnx' as const, model: 'export/model.onnx', op: '>=' as const, threshold });
  const put = (bytes: Buffer | string) => {
    fs.mkdirSync(path.join(project, 'export'), { recursive: true });
    fs.writeFileSync(path.join(project, 'export/model.onnx'), bytes);
  };

  it('fails with a clear reason when the model was not exported yet', async () => {
    const o = await evaluateOnnx(project, check(0.9), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.headline ?? '', /export\/model\.onnx does not exist yet/);
  });

  it('passes a good model and reports its accuracy and layout', async () => {
    put(fs.readFileSync(path.join(MODELS, 'mnist-cnn.onnx')));
    const o = await evaluateOnnx(project, check(0.97), ROOT);
    assert.equal(o.status, 'passed', o.headline);
    assert.match(o.headline ?? '', /\[N,1,28,28\]\) scores 97\.\d % on 2000 held-out digits/);
  });

  it('fails a model under the bar, naming its weakest digits', async () => {
    put(fs.readFileSync(path.join(MODELS, 'mnist-mlp.onnx')));
    const o = await evaluateOnnx(project, check(0.97), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.failures[0]!.message, /^accuracy 96\.\d %, needs >= 97\.0 %\. Weakest digits: \d \(/);
  });

  it('rejects a corrupt file without crashing', async () => {
    put('this is not a model');
    const o = await evaluateOnnx(project, check(0.5), ROOT);
    assert.equal(o.status, 'failed');
    assert.match(o.failures[0]!.message, /not an ONNX model/);
  });
});
