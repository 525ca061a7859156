// Entry of the lab webview: register the UI kit, say `ready`, render every state the host sends.
import type { HostToWebview, LabState, WebviewToHost } from '../src/shared/protocol';
import { registerComponents } from './ui/toolkit';
import { renderLab } from './lab/render';
import { keepFocus } from './lab/keepFocus';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
registerComponents();
const root = document.getElementById('lab')!;
const redrawKeepingFocus = keepFocus(root);
let requestId = 0;
const send = (m: WebviewToHost): void => vscode.postMessage(m);

let painted = false;
function show(state: LabState): void {
  redrawKeepingFocus(() => renderLab(root, state, send, () => ++requestId));
  document.body.dataset.ready = 'true';
  if (!painted) {
    painted = true;
    requestAnimationFrame(() => send({ type: 'painted' }));
  }
}

// Paint the last known state at once after a reload, before the host answers.
const saved = vscode.getState() as LabState | undefined;
if (saved && typeof saved === 'object' && Array.isArray(saved.milestones)) show(saved);

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'state':
      vscode.setState(message.state);
      show(message.state);
      break;
    case 'reply':
      if (!message.ok && message.error) root.dataset.lastError = message.error;
      break;
    default: {
      const never: never = message;
      void never;
    }
  }
});

send({ type: 'ready' });
