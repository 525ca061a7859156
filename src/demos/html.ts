// The demo gallery's HTML: the shared skeleton and policy (scripts by nonce only), plus the two
// powers only this page has: 'wasm-unsafe-eval' for onnxruntime's WebAssembly and fetches from the
// webview's own resources
// and hands the webview the three base URLs it needs as data attributes. Pure: unit-tested.
import { webviewDocument } from '../lab/html';

export interface DemosHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  /** dist/webview/demos.js (an ES module). */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The folder holding ort-wasm-simd-threaded.mjs and .wasm.gz, ending in "/". */
  readonly ortBase: string;
  /** The media folder (models, data), ending in "/". */
  readonly mediaBase: string;
  readonly title: string;
  /** What the page shows until its script runs ("Loading the demos…", translated by the panel). */
  readonly loadingText: string;
  /** The webview's translations (`vscode.l10n.bundle`); none: English. */
  readonly l10n?: Readonly<Record<string, string>>;
}

/** Makes sure a base URL ends in exactly one "/". */
export function asFolderUrl(url: string): string {
  return url.replace(/\/*$/, '/');
}

export function demosHtml(input: DemosHtmlInput): string {
  return webviewDocument({
    cspSource: input.cspSource,
    nonce: input.nonce,
    scriptUri: input.scriptUri,
    styleUri: input.styleUri,
    title: input.title,
    mainId: 'demos',
    loadingText: input.loadingText,

    bodyData: { 'ort-base': asFolderUrl(input.ortBase), 'media-base': asFolderUrl(input.mediaBase) },
    module: true,
    l10n: input.l10n,
    powers: { wasm: true, fetch: true },
  });
}
