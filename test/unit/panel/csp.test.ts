// Each panel's Content Security Policy, read from the HTML its page builder makes (the builders the
// panel classes call): the lab gets no WebAssembly and no fetch, the demo gallery gets both and
// only from the webview itself, and both deny by default, run scripts by nonce only, never eval and
// name no origin but the webview's. Also the shared nonce.
import * as assert from 'node:assert/strict';
import { demosHtml } from '../../../src/demos/html';
import { labHtml } from '../../../src/lab/html';
import { makeNonce } from '../../../src/panel/html';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

/** The page's policy: directive name → its sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
  assert.equal(metas.length, 1, 'not exactly one CSP meta tag');
  const directives = metas[0][1].split(';').map((d) => d.trim().split(/\s+/));
  const policy = new Map(directives.map(([name, ...sources]) => [name, sources]));
  assert.equal(policy.size, directives.length, 'a directive appears twice');
  return policy;
}

const nonce = makeNonce();
const pages = {
  lab: labHtml({
    cspSource: SOURCE, nonce, title: 'Lab', loadingText: 'Loading…',
    script: 'void 0;', style: 'main {}',
  }),
  demos: demosHtml({
    cspSource: SOURCE, nonce, title: 'ML Demos', loadingText: 'Loading…',
    scriptUri: `${SOURCE}/ext/dist/webview/demos.js`, styleUri: `${SOURCE}/ext/media/demos/demos.css`,
    ortBase: `${SOURCE}/ext/dist/webview/ort`, mediaBase: `${SOURCE}/ext/media`,
  }),
};

describe('panel Content Security Policy', () => {
  for (const [name, html] of Object.entries(pages)) {
    describe(`${name} page`, () => {
      const policy = policyOf(html);

      it('denies everything by default', () => {
        assert.deepEqual(policy.get('default-src'), ["'none'"]);
      });

      it('runs scripts only by nonce, never eval or inline', () => {
        const script = policy.get('script-src') ?? [];
        assert.equal(script[0], `'nonce-${nonce}'`);
        for (const s of script.slice(1)) assert.equal(s, "'wasm-unsafe-eval'", `script-src allows ${s}`);
        assert.ok(!html.includes("'unsafe-eval'"));
        assert.ok(!html.includes("'unsafe-inline'"));
        for (const tag of html.matchAll(/<script\b[^>]*>/g)) assert.match(tag[0], new RegExp(`nonce="${nonce}"`));
      });

      it('names no origin but the webview\'s own', () => {
        for (const [directive, sources] of policy) {
          for (const s of sources) {
            const allowed = s === SOURCE || s === 'data:' || /^'(none|nonce-[A-Za-z0-9]+|wasm-unsafe-eval)'$/.test(s);
            assert.ok(allowed, `${directive} allows ${s}`);
          }
        }
      });
    });
  }

  it('gives the lab no WebAssembly and no fetch', () => {
    const policy = policyOf(pages.lab);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${nonce}'`]);
    assert.equal(policy.get('connect-src'), undefined);
    assert.ok(!pages.lab.includes('wasm-unsafe-eval'));
    assert.ok(!pages.lab.includes('connect-src'));
  });

  it('gives the demo gallery WebAssembly, and fetches from the webview only', () => {
    const policy = policyOf(pages.demos);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${nonce}'`, "'wasm-unsafe-eval'"]);
    assert.deepEqual(policy.get('connect-src'), [SOURCE]);
  });

  it('puts this page\'s nonce in the policy, and makes a fresh, long one each time', () => {
    const a = makeNonce();
    assert.ok(a.length >= 20);
    assert.match(a, /^[A-Za-z0-9]+$/);
    assert.notEqual(a, makeNonce());
    const page = labHtml({ cspSource: SOURCE, nonce: a, title: 't', loadingText: 'l', script: 'void 0;', style: '' });
    assert.deepEqual(policyOf(page).get('script-src'), [`'nonce-${a}'`]);
  });
});
