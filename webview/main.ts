// Entry of the webview bundle: say hello to the host, then render what it sends.
import type { HostToWebview, WebviewToHost } from '../src/shared/protocol';

declare function acquireVsCodeApi(): { postMessage(message: WebviewToHost): void };

const vscode = acquireVsCodeApi();

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      const heading = document.getElementById('title');
      if (heading) heading.textContent = message.title;
      break;
    }
  }
});

vscode.postMessage({ type: 'ready' });
