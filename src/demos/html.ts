// The demo gallery's HTML: the shared skeleton and policy (src/panel/html.ts, scripts by nonce
// only) plus the two powers only this page has, 'wasm-unsafe-eval' for onnxruntime's WebAssembly
// and fetches from the webview's own resources, the two base URLs the webview needs as data
// attributes, and preloads of what the first session needs, so that its download starts with the
// page rather than once the page's script runs. Pure: unit-tested.
import { escapeHtml, webviewDocument, type PagePowers } from '../panel/html';
import { FIRST_MODEL, ORT_GLUE_MJS, ORT_WASM_GZ, modelPath } from '../shared/inference/runtimeFiles';

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
  /** The gzipped wasm's size, for the progress bar (a webview resource's response says no length). */
  readonly ortWasmBytes?: number;
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

/**
 * <link>s that start fetching the first session's files as the page is parsed: the gzipped wasm
 * and the first model as the fetch() calls that later take them over (same URL, CORS mode,
 * same-origin credentials), the glue as a module by nonce. Nothing but webview resources.
 */
export function demoPreloads(ortBase: string, mediaBase: string, nonce: string): string {
  const ort = asFolderUrl(ortBase);
  const media = asFolderUrl(mediaBase);
  return [
    `<link rel="preload" href="${escapeHtml(ort + ORT_WASM_GZ)}" as="fetch" crossorigin="anonymous">`,
    `<link rel="modulepreload" href="${escapeHtml(ort + ORT_GLUE_MJS)}" nonce="${nonce}">`,
    `<link rel="preload" href="${escapeHtml(media + modelPath(FIRST_MODEL))}" as="fetch" crossorigin="anonymous">`,
  ].join('\n');
}

export function demosHtml(input: DemosHtmlInput): string {
  return webviewDocument({
    cspSource: input.cspSource,
    nonce: input.nonce,
    script: { uri: input.scriptUri },
    style: { uri: input.styleUri },
    title: input.title,
    mainId: 'demos',
    loadingText: input.loadingText,
    bodyData: {
      'ort-base': asFolderUrl(input.ortBase),
      'media-base': asFolderUrl(input.mediaBase),
      ...(input.ortWasmBytes ? { 'ort-wasm-bytes': String(input.ortWasmBytes) } : {}),
    },
    module: true,
    l10n: input.l10n,
    powers: DEMO_POWERS,
    headStart: demoPreloads(input.ortBase, input.mediaBase, input.nonce),
  });
}
