// A webview app's one link to the extension host: `acquireVsCodeApi` (callable once per page),
// typed sends, the host's messages, and the state the editor keeps for the page across a reload.
// Each app (webview/lab/main.ts, webview/demos/main.ts) connects once with its protocol's types.

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface Host<ToHost, FromHost, Saved> {
  send(message: ToHost): void;
  /** Calls `listener` with each message the host posts. */
  onMessage(listener: (message: FromHost) => void): void;
  /** What the page saved last (unchecked: it comes back from the editor). */
  readonly savedState: unknown;
  saveState(state: Saved): void;
}

export function connectToHost<ToHost, FromHost extends { readonly type: string }, Saved>(): Host<ToHost, FromHost, Saved> {
  const api = acquireVsCodeApi();
  return {
    send: (message) => api.postMessage(message),
    onMessage: (listener) => window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const m = event.data;
      // Only the host posts to the page; still, a message must at least have a type.
      if (typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string') listener(m as FromHost);
    }),
    get savedState() {
      return api.getState();
    },
    saveState: (state) => api.setState(state),
  };
}
