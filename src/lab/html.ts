// The lab webview's HTML: the shared skeleton and policy (src/panel/html.ts) with no powers of its
// own: the lab runs no WebAssembly and fetches nothing. Pure: unit-tested.
import { webviewDocument, type PagePowers } from '../panel/html';

export interface LabHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  /** dist/webview/lab.js. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  /** What the page shows until its script runs ("Loading the lab…", translated by the panel). */
  readonly loadingText: string;
  /** The webview's translations (`vscode.l10n.bundle`); none: English. */
  readonly l10n?: Readonly<Record<string, string>>;
}

/** No 'wasm-unsafe-eval', no connect-src. */
export const LAB_POWERS: PagePowers = { wasm: false, fetch: false };

export function labHtml(input: LabHtmlInput): string {
  return webviewDocument({ ...input, mainId: 'lab', powers: LAB_POWERS });
}
