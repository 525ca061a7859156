import * as assert from 'node:assert/strict';
import { asFolderUrl, demosHtml } from '../../../src/demos/html';
import { makeNonce } from '../../../src/panel/html';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('demo gallery HTML', () => {
  const nonce = makeNonce();
  const html = demosHtml({
    cspSource: SOURCE, nonce, title: 'ML Demos <x>', loadingText: 'Chargement des démos…',
    scriptUri: `${SOURCE}/ext/dist/webview/demos.js`, styleUri: `${SOURCE}/ext/media/demos/demos.css`,
    ortBase: `${SOURCE}/ext/dist/webview/ort`, mediaBase: `${SOURCE}/ext/media/`,
  });
  const csp = new Map(html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1].split(';')
    .map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

  it('uses the shared policy: nonce scripts, wasm allowed, never eval, fetches only from the webview', () => {
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`, "'wasm-unsafe-eval'"]);
    assert.deepEqual(csp.get('connect-src'), [SOURCE]);
    assert.ok(!html.includes("'unsafe-eval'") && !html.includes("'unsafe-inline'"));
  });

  it('loads one module script by nonce and nothing remote', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], new RegExp(`type="module" nonce="${nonce}"`));
    for (const m of html.matchAll(/(?:src|href|data-[a-z-]+)="([^"]+)"/g)) assert.ok(m[1].startsWith(SOURCE), `${m[1]} is not a webview resource`);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });

  it('hands the webview folder URLs ending in one slash, and escapes the title', () => {
    assert.match(html, /data-ort-base="[^"]+\/dist\/webview\/ort\/"/);
    assert.match(html, /data-media-base="[^"]+\/media\/"/);
    assert.match(html, /<title>ML Demos &lt;x&gt;<\/title>/);
    assert.equal(asFolderUrl('a/b//'), 'a/b/');
    assert.equal(asFolderUrl('a'), 'a/');
  });

  it('preloads the runtime and the first model before the stylesheet and the script, as the fetches that take them over', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    const links = [...head.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(links.slice(0, 3), [
      `<link rel="preload" href="${SOURCE}/ext/dist/webview/ort/ort-wasm-simd-threaded.wasm.gz" as="fetch" crossorigin="anonymous">`,
      `<link rel="modulepreload" href="${SOURCE}/ext/dist/webview/ort/ort-wasm-simd-threaded.mjs" nonce="${nonce}">`,
      `<link rel="preload" href="${SOURCE}/ext/media/models/mnist-mlp.onnx" as="fetch" crossorigin="anonymous">`,
    ]);
    assert.match(links[3], /rel="stylesheet"/);
    // After the policy, which they obey: nothing is fetched before it is in force.
    assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('rel="preload"'));
  });

  it('tells the page the runtime\'s size when the panel knows it (a webview resource carries no Content-Length)', () => {
    const input = { cspSource: SOURCE, nonce, title: 't', loadingText: 'l', scriptUri: `${SOURCE}/d.js`, styleUri: `${SOURCE}/d.css`, ortBase: `${SOURCE}/ort`, mediaBase: `${SOURCE}/media` };
    assert.match(demosHtml({ ...input, ortWasmBytes: 3_690_123 }), /<body[^>]* data-ort-wasm-bytes="3690123"/);
    assert.doesNotMatch(demosHtml(input), /data-ort-wasm-bytes/);
  });

  it('shows the loading text the panel passes (translated there)', () => {
    assert.match(html, /<main id="demos" aria-live="polite"><p>Chargement des démos…<\/p><\/main>/);
  });

});
