// The latent-space demo's handling of a learner's generator: reading its latent size, walking a
// seeded plane, turning outputs into pixels. The fixture gan-generator.onnx is the GAN project's
// reference solution, trained and exported by its own CLI (see test/fixtures/models/README.md).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  detectGeneratorLayout, generatedPixels, latentBatch, latentPlane, metadataLatentDim, readMetadataProps,
} from '../../../src/shared/inference/generator';
import { createSession, float32Tensor } from '../../../src/inference/nodeRuntime';
import { FIXTURES, MODELS, readBytes } from './helpers';

const GENERATOR = join(FIXTURES, 'gan-generator.onnx');

describe('a learner\'s generator in the latent-space demo', () => {
  describe('reading its shape', () => {
    it('reads latent_dim from the exported model\'s metadata_props', () => {
      const props = readMetadataProps(readBytes(GENERATOR));
      assert.equal(props.get('latent_dim'), '16');
      assert.equal(metadataLatentDim(props), 16);
    });

    it('finds no latent_dim in a classifier, and survives truncated or random bytes', () => {
      assert.equal(metadataLatentDim(readMetadataProps(readBytes(join(MODELS, 'mnist-mlp.onnx')))), undefined);
      const bytes = readBytes(GENERATOR);
      for (const cut of [1, 7, 100, 5000, bytes.length - 3]) readMetadataProps(bytes.subarray(0, cut));
      let x = 1;
      const noise = Uint8Array.from({ length: 4096 }, () => { x = (x * 1103515245 + 12345) >>> 0; return x >>> 24; });
      readMetadataProps(noise);
    });

    it('ignores a latent_dim that is not a whole number', () => {
      assert.equal(metadataLatentDim(new Map([['latent_dim', '16.5']])), undefined);
      assert.equal(metadataLatentDim(new Map([['latent_dim', '-3']])), undefined);
      assert.equal(metadataLatentDim(new Map()), undefined);
    });

    it('accepts the GAN project\'s export (dynamic batch) and the built-in VAE decoder', async () => {
      const gan = await createSession(readBytes(GENERATOR));
      const g = detectGeneratorLayout(gan.inputMetadata, gan.outputMetadata, metadataLatentDim(readMetadataProps(readBytes(GENERATOR))));
      assert.ok(g.ok, g.ok ? '' : g.reason);
      assert.deepEqual(g.layout, { inputName: 'latent', outputName: 'image', latentDim: 16, fixedBatch: null });
      const vae = await createSession(readBytes(join(MODELS, 'mnist-vae-decoder.onnx')));
      const v = detectGeneratorLayout(vae.inputMetadata, vae.outputMetadata);
      assert.ok(v.ok && v.layout.latentDim === 2, v.ok ? '' : v.reason);
    });

    it('says why a digit classifier is not a generator', async () => {
      const mlp = await createSession(readBytes(join(MODELS, 'mnist-mlp.onnx')));
      const r = detectGeneratorLayout(mlp.inputMetadata, mlp.outputMetadata);
      assert.ok(!r.ok);
      assert.match(r.reason, /10 values per sample; expected a 28×28 image/);
    });

    it('says what is wrong with other shapes', () => {
      const t = (name: string, shape: (number | string)[]) => ({ name, isTensor: true, type: 'float32', shape });
      const img = [t('image', ['batch', 1, 28, 28])];
      const reason = (inputs: ReturnType<typeof t>[], outputs = img, meta?: number) => {
        const r = detectGeneratorLayout(inputs, outputs, meta);
        return r.ok ? 'ok' : r.reason;
      };
      assert.match(reason([t('z', ['batch', 'dim'])]), /does not say how long a latent vector is/);
      assert.equal(reason([t('z', ['batch', 'dim'])], img, 8), 'ok');
      assert.match(reason([t('z', ['batch', 16])], img, 8), /takes 16 numbers but the model's metadata says latent_dim = 8/);
      assert.match(reason([t('z', ['batch', 16, 1, 1])]), /has \[N,16,1,1\]; expected \[N, latent_dim\]/);
      assert.match(reason([t('z', ['batch', 100000])]), /outside 1…4096/);
      assert.match(reason([t('a', ['batch', 4]), t('b', ['batch', 4])]), /2 inputs/);
      assert.match(reason([{ ...t('z', ['batch', 4]), type: 'int64' }]), /type int64; expected float32/);
      assert.match(reason([t('z', ['batch', 4])], []), /no outputs/);
      assert.equal(reason([t('z', [1, 4])], [t('image', [1, 784])]), 'ok');
      assert.equal(reason([t('z', ['batch', 4])], [t('image', ['batch', 'h', 'w'])]), 'ok');
    });
  });

  describe('the plane it walks', () => {
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);

    it('is two orthonormal directions, the same for the same seed, another for another', () => {
      const p = latentPlane(16, 1);
      assert.ok(Math.abs(dot(p.u, p.u) - 1) < 1e-12 && Math.abs(dot(p.v, p.v) - 1) < 1e-12);
      assert.ok(Math.abs(dot(p.u, p.v)) < 1e-12);
      assert.deepEqual(latentPlane(16, 1), p);
      const q = latentPlane(16, 2);
      assert.ok(Math.abs(dot(p.u, q.u)) < 0.99, 'seed 2 gives the same first direction');
      // Directions spread over every axis (not two axes picked out).
      assert.ok([...p.u].filter((x) => Math.abs(x) > 1e-3).length > 12);
    });

    it('is the latent space itself for 2 dimensions, and one axis for 1', () => {
      assert.deepEqual([...latentPlane(2, 9).u, ...latentPlane(2, 9).v], [1, 0, 0, 1]);
      assert.deepEqual([...latentPlane(1, 9).u, ...latentPlane(1, 9).v], [1, 0]);
      assert.throws(() => latentPlane(0, 1), /outside/);
    });

    it('maps map points to latent vectors x·u + y·v, batch-major', () => {
      const p = latentPlane(5, 3);
      const z = latentBatch(p, [[1, 0], [0, 2], [1, -1]]);
      assert.equal(z.length, 15);
      for (let i = 0; i < 5; i++) {
        assert.ok(Math.abs(z[i] - p.u[i]) < 1e-6);
        assert.ok(Math.abs(z[5 + i] - 2 * p.v[i]) < 1e-6);
        assert.ok(Math.abs(z[10 + i] - (p.u[i] - p.v[i])) < 1e-6);
      }
    });
  });

  describe('its output as pixels', () => {
    it('keeps [0, 1] outputs, maps a tanh generator\'s [-1, 1] to [0, 1], refuses NaN and wrong sizes', () => {
      const plain = generatedPixels(new Float32Array(784).fill(0.25), 1);
      assert.ok(plain.ok && !plain.rescaled && plain.pixels[0] === 0.25);
      const tanh = new Float32Array(784).fill(-1);
      tanh[3] = 1;
      const t = generatedPixels(tanh, 1);
      assert.ok(t.ok && t.rescaled && t.pixels[0] === 0 && t.pixels[3] === 1);
      const nan = generatedPixels(new Float32Array(784).fill(NaN), 1);
      assert.ok(!nan.ok && /only NaN or infinite/.test(nan.reason));
      const wrong = generatedPixels(new Float32Array(100), 1);
      assert.ok(!wrong.ok && /returned 100 values for 1 latent vector; expected 784/.test(wrong.reason));
    });

    it('walking the fixture\'s plane gives varied digits that the bundled CNN reads as many classes', async () => {
      const gan = await createSession(readBytes(GENERATOR));
      const cnn = await createSession(readBytes(join(MODELS, 'mnist-cnn.onnx')));
      const plane = latentPlane(16, 1);
      const grid: [number, number][] = [];
      for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) grid.push([-3.06 + c * 0.875, 3.06 - r * 0.875]);
      const out = await gan.run({ latent: float32Tensor(latentBatch(plane, grid), [64, 16]) });
      const px = generatedPixels(out.image.data as Float32Array, 64);
      assert.ok(px.ok, px.ok ? '' : px.reason);
      const ink = px.pixels.reduce((s, x) => s + x, 0) / px.pixels.length;
      assert.ok(ink > 0.05 && ink < 0.4, `mean ink ${ink}: not digit-like`);
      const scores = await cnn.run({ [cnn.inputNames[0]]: float32Tensor(px.pixels, [64, 1, 28, 28]) });
      const logits = scores[cnn.outputNames[0]].data as Float32Array;
      const classes = new Set<number>();
      for (let i = 0; i < 64; i++) {
        const row = [...logits.subarray(i * 10, i * 10 + 10)];
        classes.add(row.indexOf(Math.max(...row)));
      }
      assert.ok(classes.size >= 5, `only ${classes.size} digit classes across the plane`);
    });
  });
});
