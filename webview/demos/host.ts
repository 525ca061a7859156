// The gallery's side of the host conversation: typed sends, requests answered by requestId, and
// listeners for what the host pushes on its own (a tab to show, a model from the command).
import type { DemoGalleryState, DemoHostToWebview, DemoWebviewToHost } from '../../src/shared/demoProtocol';

interface VsCodeApi {
  postMessage(message: DemoWebviewToHost): void;
  setState(state: DemoGalleryState): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Listener = (message: DemoHostToWebview) => void;

export class HostChannel {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly waiting = new Map<number, (m: DemoHostToWebview) => void>();
  private readonly listeners: Listener[] = [];

  constructor() {
    window.addEventListener('message', (event: MessageEvent<DemoHostToWebview>) => {
      const m = event.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
      const id = 'requestId' in m ? m.requestId : undefined;
      const resolve = id !== undefined ? this.waiting.get(id) : undefined;
      if (resolve) {
        this.waiting.delete(id!);
        resolve(m);
        return;
      }
      for (const l of this.listeners) l(m);
    });
  }

  send(message: DemoWebviewToHost): void {
    this.api.postMessage(message);
  }

  /** Sends a request carrying a fresh requestId; resolves with the host's reply to it. */
  request(make: (requestId: number) => DemoWebviewToHost): Promise<DemoHostToWebview> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(requestId, resolve);
      this.api.postMessage(make(requestId));
    });
  }

  /** Messages that are not replies to a request. */
  onMessage(listener: Listener): void {
    this.listeners.push(listener);
  }

  get savedState(): unknown {
    return this.api.getState();
  }

  saveState(state: DemoGalleryState): void {
    this.api.setState(state);
  }
}
