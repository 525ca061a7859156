// The only module both the extension host and the webview import: the messages between them.
// One union per direction; everything the webview sends is checked by `isWebviewMessage`.

export type WebviewToHost =
  | { readonly type: 'ready' };

export type HostToWebview =
  | { readonly type: 'init'; readonly title: string };

export function isWebviewMessage(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown };
  switch (m.type) {
    case 'ready':
      return Object.keys(m).length === 1;
    default:
      return false;
  }
}
