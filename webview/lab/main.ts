// Entry of the lab webview (dist/webview/lab.js): register the UI kit, paint the saved state at
// once, say `ready`, and render every state the host sends.
import type { HostToWebview, LabState, WebviewToHost } from '../../src/shared/labProtocol';
import { connectToHost } from '../host';
import { registerComponents } from '../ui/toolkit';
import { renderLab } from './render';
import { keepFocus } from './keepFocus';

registerComponents();
const host = connectToHost<WebviewToHost, HostToWebview, LabState>();
const root = document.getElementById('lab')!;
const redrawKeepingFocus = keepFocus(root);
const send = (m: WebviewToHost): void => host.send(m);

let painted = false;
function show(state: LabState): void {
  redrawKeepingFocus(() => renderLab(root, state, send));
  document.body.dataset.ready = 'true';
  if (!painted) {
    painted = true;
    requestAnimationFrame(() => send({ type: 'painted' }));
  }
}

// Paint the last known state at once after a reload, before the host answers.
const saved = host.savedState as LabState | undefined;
if (saved && typeof saved === 'object' && Array.isArray(saved.milestones)) show(saved);

host.onMessage((message) => {
  switch (message.type) {
    case 'state':
      host.saveState(message.state);
      show(message.state);
      break;
    default: {
      const never: never = message.type;
      void never;
    }
  }
});

send({ type: 'ready' });
