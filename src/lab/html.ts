// The lab webview's HTML and its Content Security Policy. Pure (no `vscode`) so a unit test can
// assert the policy: nothing runs without the nonce, nothing loads from outside the webview.
import { randomBytes } from 'node:crypto';

export interface LabHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  /** What the page shows until its script runs ("Loading the lab…", translated by the panel). */
  readonly loadingText: string;
  /** The webview's translations (`vscode.l10n.bundle`); none: English. */
  readonly l10n?: Readonly<Record<string, string>>;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** What a page may do beyond scripts by nonce and its own styles, fonts and images. */
export interface PagePowers {
  /** Compile WebAssembly ('wasm-unsafe-eval'): only the page that runs onnxruntime. */
  readonly wasm?: boolean;
  /** fetch() its own resources (connect-src): only the page that loads models and data. */
  readonly fetch?: boolean;
}

export function contentSecurityPolicy(cspSource: string, nonce: string, powers: PagePowers = {}): string {
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

/** The one HTML skeleton every webview of the extension uses: policy, stylesheet, a main, a script. */
export interface WebviewDocument {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  readonly mainId: string;
  readonly loadingText: string;
  /** Attributes for <body>, already escaped by this function. */
  readonly bodyData?: Readonly<Record<string, string>>;
  /** Load the script as an ES module. */
  readonly module?: boolean;
  /** Translations for webview/l10n.ts, as <body data-l10n> (`{}` when none: English). */
  readonly l10n?: Readonly<Record<string, string>>;
  readonly powers?: PagePowers;
}

export function webviewDocument(d: WebviewDocument): string {
  const data = Object.entries({ ...d.bodyData, l10n: JSON.stringify(d.l10n ?? {}) }).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(d.cspSource, d.nonce, d.powers)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${d.nonce}">
<link rel="stylesheet" href="${escapeHtml(d.styleUri)}">
<title>${escapeHtml(d.title)}</title>
</head>
<body${data}>
<main id="${escapeHtml(d.mainId)}" aria-live="polite"><p>${escapeHtml(d.loadingText)}</p></main>
<script${d.module ? ' type="module"' : ''} nonce="${d.nonce}" src="${escapeHtml(d.scriptUri)}"></script>
</body>
</html>`;
}

export function labHtml(input: LabHtmlInput): string {
  return webviewDocument({ ...input, mainId: 'lab' });

}
