// The gallery's progress line while onnxruntime-web starts and the models load: it names what is
// loading (the runtime's download with its size, compiling, model N of M), its bar only moves
// forward, and a demo used early says what it waits for, never an error.
import * as assert from 'node:assert/strict';
import { describeLoading, waitingFor, type ModelsProgress, type RuntimeProgress } from '../../../webview/inference/loading';

const none: ModelsProgress = { ready: 0, total: 5, failed: 0, loading: 'mnist-mlp' };

describe('demo gallery loading progress', () => {
  it('names each stage in order, with the download\'s size, and the bar never goes back', () => {
    const total = 3_690_000;
    const steps: [RuntimeProgress, ModelsProgress][] = [
      [{ phase: 'download', received: 0, total }, none],
      [{ phase: 'download', received: 1_200_000, total }, none],
      [{ phase: 'download', received: total, total }, none],
      [{ phase: 'compile', received: total, total }, none],
      [{ phase: 'start', received: total, total }, none],
      [{ phase: 'ready', received: total, total }, { ready: 1, total: 5, failed: 0, loading: 'mnist-cnn' }],
      [{ phase: 'ready', received: total, total }, { ready: 4, total: 5, failed: 0, loading: 'mnist-vae-decoder' }],
      [{ phase: 'ready', received: total, total }, { ready: 5, total: 5, failed: 0 }],
    ];
    const views = steps.map(([r, m]) => describeLoading(r, m));
    assert.deepEqual(views.map((v) => v.text), [
      'Downloading the inference runtime: 0.0 of 3.7 MB…',
      'Downloading the inference runtime: 1.2 of 3.7 MB…',
      'Downloading the inference runtime: 3.7 of 3.7 MB…',
      'Compiling the inference runtime…',
      'Starting the inference runtime and model 1 of 5 (mnist-mlp)…',
      'Loading model 2 of 5 (mnist-cnn)…',
      'Loading model 5 of 5 (mnist-vae-decoder)…',
      '5 of 5 models ready',
    ]);
    const fractions = views.map((v) => v.fraction!);
    for (let i = 1; i < fractions.length; i++) assert.ok(fractions[i] >= fractions[i - 1], `the bar went back at step ${i}: ${fractions.join(", ")}`);
    assert.equal(fractions[0], 0);
    assert.equal(fractions.at(-1), 1);
    assert.deepEqual(views.map((v) => v.done), [false, false, false, false, false, false, false, true]);
  });

  it('shows the bytes so far when the download\'s size is unknown, with no bar', () => {
    const v = describeLoading({ phase: 'download', received: 2_500_000 }, none);
    assert.equal(v.text, 'Downloading the inference runtime: 2.5 MB…');
    assert.equal(v.fraction, undefined);
  });

  it('is done when the runtime cannot start, or every model ended (ready or failed)', () => {
    assert.equal(describeLoading({ phase: 'error', received: 10 }, none).done, true);
    assert.equal(describeLoading({ phase: 'ready', received: 10 }, { ready: 3, total: 5, failed: 2 }).done, true);
  });

  it('tells a learner who drew before the model was ready what it waits for', () => {
    assert.equal(waitingFor('mnist-mlp', { phase: 'download', received: 1_845_000, total: 3_690_000 }), 'mnist-mlp will answer once the runtime is in (50 %)…');
    assert.equal(waitingFor('mnist-mlp', { phase: 'download', received: 1_845_000 }), 'mnist-mlp will answer once the runtime is in (1.8 MB)…');
    assert.equal(waitingFor('mnist-cnn', { phase: 'compile', received: 1 }), 'mnist-cnn will answer once the runtime is compiled…');
    assert.equal(waitingFor('mnist-cnn', { phase: 'ready', received: 1 }), 'Loading mnist-cnn…');
  });
});
