import * as assert from 'node:assert/strict';
import { labHtml } from '../../../src/lab/html';
import { makeNonce } from '../../../src/panel/html';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function cspOf(html: string): Map<string, string[]> {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, 'no CSP meta tag');
  return new Map(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('lab webview HTML', () => {
  const nonce = makeNonce();
  const html = labHtml({ cspSource: SOURCE, nonce, scriptUri: `${SOURCE}/dist/webview/lab.js`, styleUri: `${SOURCE}/media/lab.css`, title: 'Lab <x>', loadingText: 'Loading <the> lab…' });
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
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.length >= 2);
    for (const u of urls) assert.ok(u.startsWith(SOURCE), `${u} is not a webview resource`);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) assert.match(tag[0], new RegExp(`nonce="${nonce}"`));
    assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/);
  });

  it('hands the webview its translations as <body data-l10n>, escaped', () => {
    const translated = labHtml({ cspSource: SOURCE, nonce, scriptUri: `${SOURCE}/dist/webview/lab.js`, styleUri: `${SOURCE}/media/lab.css`, title: 't', loadingText: 'l', l10n: { 'Run "{0}"': '<b>' } });
    const attribute = (page: string): unknown => {
      const m = /<body data-l10n="([^"<>]*)">/.exec(page);
      assert.ok(m, 'no data-l10n on <body>, or it is not escaped');
      return JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    };
    assert.deepEqual(attribute(translated), { 'Run "{0}"': '<b>' });
    assert.deepEqual(attribute(html), {});
  });

  it('escapes the title', () => {
    assert.match(html, /<title>Lab &lt;x&gt;<\/title>/);
  });

  it('shows the loading text the panel passes (translated there), escaped', () => {
    assert.match(html, /<main id="lab" aria-live="polite"><p>Loading &lt;the&gt; lab…<\/p><\/main>/);
  });

});
