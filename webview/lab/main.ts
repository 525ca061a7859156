// Entry of the lab webview (dist/webview/lab.js): register the UI kit, paint the state the page
// carries (or the saved one) at once, say `ready`, and render every state the host sends.
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

// Paint at once, before the host answers: the state the page was made with, else (a page the
// editor restored without one) the last state it saved.
const isState = (s: unknown): s is LabState => typeof s === 'object' && s !== null && Array.isArray((s as Partial<LabState>).milestones);
const initial = readInitialState();
if (initial) host.saveState(initial);
const first = initial ?? host.savedState;
if (isState(first)) show(first);

function readInitialState(): LabState | undefined {
  try {
    const parsed: unknown = JSON.parse(document.body.dataset.state ?? 'null');
    return isState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

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
