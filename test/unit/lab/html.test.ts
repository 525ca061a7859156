import * as assert from 'node:assert/strict';
import { labHtml } from '../../../src/lab/html';
import { makeNonce, scriptData, styleData } from '../../../src/panel/html';
import { runInNewContext } from 'node:vm';
import type { LabState } from '../../../src/shared/labProtocol';

const SCRIPT = 'document.body.dataset.x = "a</script><script>alert(1)</script><!-- b";';
const STYLE = 'main { color: red } /* </style><b>x</b> */';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function cspOf(html: string): Map<string, string[]> {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, 'no CSP meta tag');
  return new Map(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('lab webview HTML', () => {
  const nonce = makeNonce();
  const html = labHtml({ cspSource: SOURCE, nonce, script: SCRIPT, style: STYLE, title: 'Lab <x>', loadingText: 'Loading <the> lab…' });
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

  it('loads nothing: its one script and its styles are in the page, under the nonce, and no URL is named', () => {
    assert.doesNotMatch(html, /(?:src|href)=/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][0], `<script nonce="${nonce}">`);
    assert.equal([...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0]).join(), `<style nonce="${nonce}">`);
  });

  it('keeps a script or stylesheet that says </script>, </style> or <!-- inside its own element, meaning the same', () => {
    // One element each: nothing in the text ends it early or starts another.
    assert.equal(html.split('</script>').length, 2);
    assert.equal(html.split('</style>').length, 2);
    assert.doesNotMatch(html, /<script\b[^>]*>[^]*<!--[^]*<\/script>/);
    const body = /<script nonce="[^"]+">([^]*)<\/script>/.exec(html)![1];
    assert.equal(body, scriptData(SCRIPT));
    // The escaped script sets the same string as the original.
    const run = (code: string): unknown => { const ctx = { document: { body: { dataset: {} as Record<string, string> } } }; runInNewContext(code, ctx); return ctx.document.body.dataset.x; };
    assert.equal(run(body), run(SCRIPT));
    assert.equal(styleData('a { b: c }'), 'a { b: c }');
    assert.ok(html.includes(styleData(STYLE)));
  });

  it('carries the state it was made with as <body data-state>, escaped, and none when not given', () => {
    const state = { projectId: 'p', title: '<t> & "q"', milestones: [] } as unknown as LabState;
    const page = labHtml({ cspSource: SOURCE, nonce, script: SCRIPT, style: STYLE, title: 't', loadingText: 'l', initialState: state });
    const m = /<body data-state="([^"<>]*)" data-l10n=/.exec(page);
    assert.ok(m, 'no escaped data-state on <body>');
    assert.deepEqual(JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&')), state);
    assert.doesNotMatch(html, /data-state/);
  });

  it('hands the webview its translations as <body data-l10n>, escaped', () => {
    const translated = labHtml({ cspSource: SOURCE, nonce, script: SCRIPT, style: STYLE, title: 't', loadingText: 'l', l10n: { 'Run "{0}"': '<b>' } });
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
