import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, labHtml, makeNonce } from '../../../src/lab/html';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function cspOf(html: string): Map<string, string[]> {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, 'no CSP meta tag');
  return new Map(m[1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('lab webview HTML', () => {
  const nonce = makeNonce();
  const html = labHtml({ cspSource: SOURCE, nonce, scriptUri: `${SOURCE}/dist/webview/lab.js`, styleUri: `${SOURCE}/media/lab.css`, title: 'Lab <x>' });
  const csp = cspOf(html);

  it('denies everything by default', () => {
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
  });

  it('runs scripts only by nonce, and no WebAssembly or eval (the lab runs no wasm)', () => {
    assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`]);
    assert.ok(!html.includes("'wasm-unsafe-eval'"));
    assert.ok(!html.includes("'unsafe-eval'"));
    assert.ok(!html.includes("'unsafe-inline'"));
  });

  it('loads styles, fonts and images only from the webview itself, and fetches nothing', () => {
    assert.deepEqual(csp.get('font-src'), [SOURCE]);
    // Styles from the webview, plus the toolkit's one <style> element, which carries the nonce.
    assert.deepEqual(csp.get('style-src'), [SOURCE, `'nonce-${nonce}'`]);
    assert.ok(html.includes(`<meta property="csp-nonce" content="${nonce}">`));
    assert.equal(csp.get('connect-src'), undefined);
    assert.deepEqual(csp.get('img-src'), [SOURCE, 'data:']);
  });

  it('has no remote URLs, inline handlers or inline scripts', () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(urls.length >= 2);
    for (const u of urls) assert.ok(u.startsWith(SOURCE), `${u} is not a webview resource`);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) assert.match(tag[0], new RegExp(`nonce="${nonce}"`));
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
  });

  it('escapes the title', () => {
    assert.match(html, /<title>Lab &lt;x&gt;<\/title>/);
  });

  it('makes a fresh, long nonce each time', () => {
    const a = makeNonce();
    assert.ok(a.length >= 20);
    assert.notEqual(a, makeNonce());
    assert.equal(contentSecurityPolicy('x', a).includes(a), true);
  });
});
