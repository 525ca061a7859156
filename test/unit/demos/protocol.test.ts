// The gallery's message guard: everything the webview sends is untrusted and must match the
// protocol exactly, or the host drops it.
import * as assert from 'node:assert/strict';
import { DEMO_IDS, asGalleryState, isDemoWebviewMessage } from '../../../src/shared/demoProtocol';

describe('demo gallery message guard', () => {
  const accepted: unknown[] = [
    { type: 'ready' },
    ...DEMO_IDS.map((demo) => ({ type: 'shown', demo })),
    { type: 'listModels', requestId: 0 },
    { type: 'pickModel', requestId: 12 },
    { type: 'pickModel', requestId: 12, purpose: 'classifier' },
    { type: 'pickModel', requestId: 12, purpose: 'generator' },
    { type: 'loadModel', requestId: 3, id: 'file:///ws/model.onnx' },
    { type: 'openModelCard', model: 'mnist-mlp' },
    { type: 'openModelCard', model: 'mnist-vae-decoder' },
  ];
  for (const m of accepted) it(`accepts ${JSON.stringify(m)}`, () => assert.equal(isDemoWebviewMessage(m), true));

  const rejected: unknown[] = [
    null, undefined, 0, 'ready', [], {}, [{ type: 'ready' }], { type: 'nope' }, { type: 'READY' },
    { type: 'ready', extra: true },
    { type: 'shown' }, { type: 'shown', demo: 'paint' }, { type: 'shown', demo: 'draw', requestId: 1 },
    { type: 'listModels' }, { type: 'listModels', requestId: -1 }, { type: 'listModels', requestId: 1.5 },
    { type: 'listModels', requestId: '1' }, { type: 'listModels', requestId: Number.MAX_SAFE_INTEGER + 2 },
    { type: 'pickModel', requestId: 1, path: '/etc/passwd' },
    { type: 'pickModel', requestId: 1, purpose: 'decoder' }, { type: 'pickModel', requestId: 1, purpose: null },
    { type: 'loadModel', requestId: 1 }, { type: 'loadModel', requestId: 1, id: '' },
    { type: 'loadModel', requestId: 1, id: 42 }, { type: 'loadModel', requestId: 1, id: 'x'.repeat(5000) },
    { type: 'loadModel', id: 'file:///a.onnx' },
    { type: 'openModelCard', model: '../../package' }, { type: 'openModelCard', model: 'mnist-mlp.md' },
    { type: 'openModelCard' },
  ];
  for (const m of rejected) it(`rejects ${JSON.stringify(m)}`, () => assert.equal(isDemoWebviewMessage(m), false));

  it('reads back only a valid saved state', () => {
    assert.deepEqual(asGalleryState({ demo: 'latent' }), { demo: 'latent' });
    assert.deepEqual(asGalleryState({ demo: 'optim', junk: 1 }), { demo: 'optim' });
    for (const s of [undefined, null, 'draw', {}, { demo: 'x' }, { demo: 3 }]) assert.equal(asGalleryState(s), undefined);
  });
});
