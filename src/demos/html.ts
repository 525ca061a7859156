// The demo gallery's HTML. It reuses the lab's Content Security Policy (scripts by nonce only,
// 'wasm-unsafe-eval' for onnxruntime's WebAssembly, fetches only from the webview's own resources)
// and hands the webview the three base URLs it needs as data attributes. Pure: unit-tested.
import { contentSecurityPolicy, escapeHtml } from '../lab/html';

export interface DemosHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  /** dist/webview/demos.js (an ES module). */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The folder holding ort-wasm-simd-threaded.{mjs,wasm}, ending in "/". */
  readonly ortBase: string;
  /** The media folder (models, data), ending in "/". */
  readonly mediaBase: string;
  readonly title: string;
}

/** Makes sure a base URL ends in exactly one "/". */
export function asFolderUrl(url: string): string {
  return url.replace(/\/*$/, '/');
}

export function demosHtml(input: DemosHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(input.cspSource, input.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(input.styleUri)}">
<title>${escapeHtml(input.title)}</title>
</head>
<body data-ort-base="${escapeHtml(asFolderUrl(input.ortBase))}" data-media-base="${escapeHtml(asFolderUrl(input.mediaBase))}">
<main id="demos" aria-live="polite"><p>Loading the demos…</p></main>
<script type="module" nonce="${input.nonce}" src="${escapeHtml(input.scriptUri)}"></script>
</body>
</html>`;
}
