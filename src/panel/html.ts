// The one HTML skeleton every webview page of the extension uses, its Content Security Policy and
// the nonce. Pure (no `vscode`) so unit tests can assert each page's policy. The policy is
// scripts by nonce only and nothing from outside the webview; each page states the powers it adds
// (src/lab/html.ts, src/demos/html.ts).
import { randomBytes } from 'node:crypto';

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** What a page may do beyond scripts by nonce and its own styles, fonts and images. */
export interface PagePowers {
  /** Compile WebAssembly ('wasm-unsafe-eval'): only a page that runs onnxruntime. */
  readonly wasm: boolean;
  /** fetch() its own resources (connect-src to the webview's source): only a page that loads models and data. */
  readonly fetch: boolean;
}

export function contentSecurityPolicy(cspSource: string, nonce: string, powers: PagePowers): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'${powers.wasm ? " 'wasm-unsafe-eval'" : ''}`,
    // The UI toolkit adds one <style> element of its own (a feature probe); it carries the nonce.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    ...(powers.fetch ? [`connect-src ${cspSource}`] : []),
  ].join('; ');
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A page's script or stylesheet: a webview resource URL, or its text carried in the page itself
 * (under the page's nonce), so the first paint waits for no fetch.
 */
export type PageAsset = { readonly uri: string } | { readonly text: string };

/**
 * Script text that cannot end the <script> element it sits in, nor change how the HTML parser reads
 * it: each `<` before `/script`, `script` or `!--` becomes `\x3C`, which means the same inside the
 * strings, templates, regular expressions and comments where such text can appear in a script.
 */
export const scriptData = (js: string): string => js.replace(/<(?=\/?script|!--)/gi, '\\x3C');
/** Style text that cannot end the <style> element it sits in. */
export const styleData = (css: string): string => css.replace(/<\/(style)/gi, '\\3C/$1');

export interface WebviewDocument {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly script: PageAsset;
  readonly style: PageAsset;
  readonly title: string;
  /** The id of the <main> the page's script draws into. */
  readonly mainId: string;
  /** What the page shows until its script runs (translated by the panel). */
  readonly loadingText: string;
  /** Attributes for <body>, already escaped by this function. */
  readonly bodyData?: Readonly<Record<string, string>>;
  /** Load the script as an ES module. */
  readonly module?: boolean;
  /** Translations for webview/l10n.ts, as <body data-l10n> (`{}` when none: English). */
  readonly l10n?: Readonly<Record<string, string>>;
  /** What this page may do beyond the base policy; every page says so. */
  readonly powers: PagePowers;
  /**
   * Markup placed in <head> right after the policy (which it obeys) and before the stylesheet and
   * the script: the page's preloads. Already escaped by the page that gives it.
   */
  readonly headStart?: string;
}

/** The page: policy, stylesheet, a <main> with the loading text, one script by nonce (its URL or its text). */
export function webviewDocument(d: WebviewDocument): string {
  const data = Object.entries({ ...d.bodyData, l10n: JSON.stringify(d.l10n ?? {}) }).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(d.cspSource, d.nonce, d.powers)}">
${d.headStart ? `${d.headStart}\n` : ''}<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${d.nonce}">
${'uri' in d.style ? `<link rel="stylesheet" href="${escapeHtml(d.style.uri)}">` : `<style nonce="${d.nonce}">${styleData(d.style.text)}</style>`}
<title>${escapeHtml(d.title)}</title>
</head>
<body${data}>
<main id="${escapeHtml(d.mainId)}" aria-live="polite"><p>${escapeHtml(d.loadingText)}</p></main>
<script${d.module ? ' type="module"' : ''} nonce="${d.nonce}"${'uri' in d.script ? ` src="${escapeHtml(d.script.uri)}"></script>` : `>${scriptData(d.script.text)}</script>`}
</body>
</html>`;
}
