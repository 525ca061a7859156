// The lab webview's HTML: the shared skeleton and policy (src/panel/html.ts) with no powers of its
// own: the lab runs no WebAssembly and fetches nothing. The page carries its script and styles
// (under its nonce) and the lab's state at the time, so it paints its cells without fetching
// anything or waiting for the host (measured by `npm run bench`). Pure: unit-tested.
import { webviewDocument, type PagePowers } from '../panel/html';
import type { LabState } from '../shared/labProtocol';

export interface LabHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  /** The text of dist/webview/lab.js, carried in the page. */
  readonly script: string;
  /** The text of media/lab.css, carried in the page. */
  readonly style: string;
  readonly title: string;
  /** What the page shows until its script runs ("Loading the lab…", translated by the panel). */
  readonly loadingText: string;
  /** The webview's translations (`vscode.l10n.bundle`); none: English. */
  readonly l10n?: Readonly<Record<string, string>>;
  /** What the page paints as soon as its script runs, as <body data-state>, before it hears from the host. */
  readonly initialState?: LabState;
}

/** No 'wasm-unsafe-eval', no connect-src. */
export const LAB_POWERS: PagePowers = { wasm: false, fetch: false };

export function labHtml(input: LabHtmlInput): string {
  const { initialState, script, style, ...page } = input;
  return webviewDocument({
    ...page, script: { text: script }, style: { text: style }, mainId: 'lab', powers: LAB_POWERS,
    ...(initialState ? { bodyData: { state: JSON.stringify(initialState) } } : {}),
  });
}
