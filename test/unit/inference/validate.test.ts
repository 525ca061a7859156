import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  DEFAULT_MAX_MODEL_BYTES,
  checkModelBytes,
  checkModelSize,
  describeLoadError,
  formatBytes,
} from '../../../src/shared/inference/validate';
import { FIXTURES, MODELS, pseudoRandomBytes, readBytes } from './helpers';

function problem(bytes: Uint8Array, maxBytes?: number) {
  const r = checkModelBytes(bytes, { maxBytes });
  assert.ok(!r.ok, 'expected the bytes to be rejected');
  return r;
}

describe('inference/validate', () => {
  const models = [
    join(MODELS, 'mnist-mlp.onnx'),
    join(MODELS, 'mnist-cnn.onnx'),
    join(FIXTURES, 'linear-n28x28.onnx'),
    join(FIXTURES, 'linear-fixed1x1x28x28.onnx'),
    join(FIXTURES, 'wrong-n3x32x32.onnx'),
  ];

  it('accepts every real ONNX model in the repository', () => {
    for (const m of models) assert.deepEqual(checkModelBytes(readBytes(m)), { ok: true }, m);
  });

  it('rejects an empty file', () => {
    const r = problem(new Uint8Array(0));
    assert.equal(r.problem, 'empty');
    assert.equal(r.reason, 'the file is empty');
  });

  it('rejects a file over the size limit, naming both sizes', () => {
    assert.equal(DEFAULT_MAX_MODEL_BYTES, 50 * 1024 * 1024);
    const r = checkModelSize(60 * 1024 * 1024);
    assert.ok(!r.ok);
    assert.equal(r.problem, 'too-large');
    assert.equal(r.reason, 'the file is 60.0 MB, over the 50.0 MB limit for models');
    const small = problem(readBytes(models[0]), 100 * 1024);
    assert.match(small.reason, /^the file is 428\.3 KB, over the 100\.0 KB limit/);
    assert.ok(checkModelSize(1000).ok);
  });

  it('rejects random bytes', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const r = problem(pseudoRandomBytes(2000, seed));
      assert.match(r.reason, /not an ONNX model|truncated or damaged/);
    }
  });

  it('rejects a truncated model, at any cut', () => {
    for (const m of models) {
      const bytes = readBytes(m);
      for (const keep of [1, 2, 10, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
        const r = problem(bytes.subarray(0, keep));
        assert.match(r.reason, /truncated|not an ONNX model/, `${m} cut at ${keep}`);
      }
      const half = problem(bytes.subarray(0, Math.floor(bytes.length / 2)));
      assert.equal(half.problem, 'truncated');
    }
  });

  it('names formats that people mistake for ONNX', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    assert.match(problem(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0])).reason, /ZIP archive.*PyTorch/);
    assert.match(problem(Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a])).reason, /HDF5/);
    assert.match(problem(Uint8Array.from([0x80, 0x04, 0x95, 0, 0])).reason, /pickle/);
    assert.match(problem(Uint8Array.from([0x18, 0, 0, 0, 0x54, 0x46, 0x4c, 0x33])).reason, /TensorFlow Lite/);
    assert.match(problem(enc('  {"layers": []}')).reason, /JSON/);
    assert.match(problem(enc('<!DOCTYPE html><html>')).reason, /HTML/);
    assert.match(problem(enc('version https://git-lfs.github.com/spec/v1\noid sha256:abc\n')).reason, /Git LFS/);
    assert.match(problem(enc('hello, this is a text file')).reason, /not an ONNX model/);
  });

  it('requires a graph and a plausible IR version', () => {
    // ir_version 8, producer_name "x", and nothing else.
    assert.match(problem(Uint8Array.from([0x08, 0x08, 0x12, 0x01, 0x78])).reason, /no graph/);
    assert.match(problem(Uint8Array.from([0x08, 0xff, 0xff, 0x7f, 0x3a, 0x00])).reason, /IR version/);
    // ir_version 8 + an empty graph passes the sniff (onnxruntime has the last word).
    assert.ok(checkModelBytes(Uint8Array.from([0x08, 0x08, 0x3a, 0x00])).ok);
  });

  it('turns onnxruntime load errors into a reason', () => {
    assert.equal(
      describeLoadError(new Error("Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed.")),
      'the file is not a valid ONNX model: Failed to load model because protobuf parsing failed.',
    );
    assert.match(describeLoadError('no available backend found. ERR: [wasm] CompileError'), /WebAssembly backend/);
    assert.match(
      describeLoadError(new Error('ERROR_MESSAGE: Could not find an implementation for Foo(1) node with name \'x\'')),
      /operator or opset that onnxruntime-web cannot run/,
    );
  });

  it('formats sizes', () => {
    assert.equal(formatBytes(1), '1 byte');
    assert.equal(formatBytes(512), '512 bytes');
    assert.equal(formatBytes(2048), '2.0 KB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.0 MB');
  });
});
