// The gallery's side of the host conversation, on webview/host.ts: typed sends, requests answered
// by requestId, and listeners for what the host pushes on its own (a tab to show, a model from the
// command).
import type { DemoGalleryState, DemoHostToWebview, DemoWebviewToHost } from '../../src/shared/demoProtocol';
import { connectToHost } from '../host';

type Listener = (message: DemoHostToWebview) => void;

export class HostChannel {
  private readonly host = connectToHost<DemoWebviewToHost, DemoHostToWebview, DemoGalleryState>();
  private nextId = 1;
  private readonly waiting = new Map<number, (m: DemoHostToWebview) => void>();
  private readonly listeners: Listener[] = [];

  constructor() {
    this.host.onMessage((m) => {
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
    this.host.send(message);
  }

  /** Sends a request carrying a fresh requestId; resolves with the host's reply to it. */
  request(make: (requestId: number) => DemoWebviewToHost): Promise<DemoHostToWebview> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(requestId, resolve);
      this.host.send(make(requestId));
    });
  }

  /** Messages that are not replies to a request. */
  onMessage(listener: Listener): void {
    this.listeners.push(listener);
  }

  get savedState(): unknown {
    return this.host.savedState;
  }

  saveState(state: DemoGalleryState): void {
    this.host.saveState(state);
  }
}
