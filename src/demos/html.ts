// The demo gallery's HTML: the shared skeleton and policy (src/panel/html.ts, scripts by nonce
// only) plus the two powers only this page has, 'wasm-unsafe-eval' for onnxruntime's WebAssembly
// and fetches from the webview's own resources, and the two base URLs the webview needs as data
// attributes. Pure: unit-tested.
import { webviewDocument, type PagePowers } from '../panel/html';

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

/** onnxruntime compiles WebAssembly; the models and data are fetched from the webview's own resources. */
export const DEMO_POWERS: PagePowers = { wasm: true, fetch: true };

export function demosHtml(input: DemosHtmlInput): string {
  return webviewDocument({
    cspSource: input.cspSource,
    nonce: input.nonce,
    script: { uri: input.scriptUri },
    style: { uri: input.styleUri },
    title: input.title,
    mainId: 'demos',
    loadingText: input.loadingText,
    bodyData: { 'ort-base': asFolderUrl(input.ortBase), 'media-base': asFolderUrl(input.mediaBase) },
    module: true,
    l10n: input.l10n,
    powers: DEMO_POWERS,
  });
}
