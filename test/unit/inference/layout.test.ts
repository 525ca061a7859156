import * as assert from 'node:assert/strict';
import { type Dim, detectLayout, detectModelLayout, formatShape } from '../../../src/shared/inference/layout';

function accepted(dims: Dim[]) {
  const r = detectLayout(dims);
  assert.ok(r.ok, `expected ${JSON.stringify(dims)} to be accepted, got: ${r.ok ? '' : r.reason}`);
  return r.layout;
}

function rejected(dims: Dim[] | undefined) {
  const r = detectLayout(dims);
  assert.ok(!r.ok, `expected ${JSON.stringify(dims)} to be rejected`);
  return r.reason;
}

describe('inference/layout', () => {
  it('accepts [N,784], [N,28,28] and [N,1,28,28] with any kind of dynamic batch', () => {
    for (const batch of ['batch', 'N', -1, 0, null, undefined] as Dim[]) {
      assert.equal(accepted([batch, 784]).name, '[N,784]');
      assert.equal(accepted([batch, 28, 28]).name, '[N,28,28]');
      assert.equal(accepted([batch, 1, 28, 28]).name, '[N,1,28,28]');
      assert.equal(accepted([batch, 784]).fixedBatch, null);
    }
  });

  it('gives the tensor dims for a batch', () => {
    assert.deepEqual(accepted(['batch', 784]).dims(5), [5, 784]);
    assert.deepEqual(accepted(['batch', 28, 28]).dims(3), [3, 28, 28]);
    assert.deepEqual(accepted(['batch', 1, 28, 28]).dims(2), [2, 1, 28, 28]);
  });

  it('records a fixed batch size', () => {
    const one = accepted([1, 1, 28, 28]);
    assert.equal(one.fixedBatch, 1);
    assert.equal(one.kind, 'nchw');
    assert.equal(accepted([32, 784]).fixedBatch, 32);
    assert.equal(accepted([4, 28, 28]).fixedBatch, 4);
  });

  it('lets a symbolic non-batch axis take the size it needs', () => {
    assert.equal(accepted(['batch', 'features']).name, '[N,784]');
    assert.equal(accepted(['batch', 'h', 'w']).name, '[N,28,28]');
    assert.equal(accepted(['batch', 1, 'h', 'w']).name, '[N,1,28,28]');
  });

  it('rejects other shapes with a reason that names the shape and the accepted ones', () => {
    assert.equal(
      rejected(['batch', 3, 32, 32]),
      'input has shape [N,3,32,32]; expected [N,784], [N,28,28] or [N,1,28,28]',
    );
    assert.match(rejected([1, 3, 224, 224]), /^input has shape \[1,3,224,224\]; expected/);
    assert.match(rejected(['batch', 1024]), /\[N,1024\]/);
    assert.match(rejected(['batch', 32, 32]), /\[N,32,32\]/);
    assert.match(rejected(['batch', 3, 28, 28]), /\[N,3,28,28\]/);
    assert.match(rejected([784]), /input has shape \[784\]/);
    assert.match(rejected(['batch', 1, 1, 28, 28]), /\[N,1,1,28,28\]/);
    assert.match(rejected(['batch', 28, 28, 1]), /channels-last/);
    assert.match(rejected([]), /does not declare its input shape/);
    assert.match(rejected(undefined), /does not declare its input shape/);
  });

  it('formats shapes with N for a dynamic batch and names for other dynamic axes', () => {
    assert.equal(formatShape(['batch', 3, 'height', -1]), '[N,3,height,?]');
    assert.equal(formatShape([1, 784]), '[1,784]');
  });

  describe('detectModelLayout', () => {
    const input = (shape: Dim[], type = 'float32') => [{ name: 'input', isTensor: true, type, shape }];
    const output = (shape: Dim[]) => [{ name: 'logits', isTensor: true, type: 'float32', shape }];

    it('accepts a normal classifier', () => {
      const r = detectModelLayout(input(['batch', 784]), output(['batch', 10]));
      assert.ok(r.ok);
      assert.equal(r.layout.name, '[N,784]');
    });

    it('accepts an output without a declared shape or with a dynamic class axis', () => {
      assert.ok(detectModelLayout(input(['batch', 784]), output([])).ok);
      assert.ok(detectModelLayout(input(['batch', 784]), output(['batch', 'classes'])).ok);
      assert.ok(detectModelLayout(input(['batch', 784])).ok);
    });

    it('rejects several inputs, a non-float input, a non-tensor and a wrong class count', () => {
      const two = detectModelLayout([...input(['batch', 784]), { name: 'mask', isTensor: true, type: 'float32', shape: ['batch', 784] }]);
      assert.ok(!two.ok);
      assert.match(two.reason, /2 inputs \("input", "mask"\)/);
      const uint8 = detectModelLayout(input(['batch', 784], 'uint8'));
      assert.ok(!uint8.ok);
      assert.match(uint8.reason, /type uint8; expected float32/);
      const notTensor = detectModelLayout([{ name: 'seq', isTensor: false }]);
      assert.ok(!notTensor.ok);
      assert.match(notTensor.reason, /not a tensor/);
      const classes = detectModelLayout(input(['batch', 784]), output(['batch', 1000]));
      assert.ok(!classes.ok);
      assert.match(classes.reason, /output "logits" has shape \[N,1000\]; expected 10 scores/);
      const none = detectModelLayout([]);
      assert.ok(!none.ok);
      assert.match(none.reason, /no inputs/);
    });
  });
});
