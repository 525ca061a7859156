// The floor for the lab's first paint: a bare webview panel with the lab's options and Content
// Security Policy whose body is a static page carrying the lab's first state as plain HTML (the
// header, then one cell per milestone with the same texts), and a nonce'd inline script that says
// `painted` after requestAnimationFrame, the signal the lab sends (webview/lab/main.ts).
import * as vscode from 'vscode';
import type { MdBlock, MdInline } from '../../src/shared/markdownTree';
import type { LabState } from '../../src/shared/labProtocol';
import { contentSecurityPolicy, escapeHtml, makeNonce } from '../../src/panel/html';
import { LAB_POWERS } from '../../src/lab/html';
import { LabPanel } from '../../src/lab/labPanel';
import { panelOptions } from '../../src/panel/webviewPanel';

const esc = escapeHtml;

function inlineHtml(nodes: readonly MdInline[]): string {
  return nodes.map((n) => {
    switch (n.t) {
      case 'text': return esc(n.v);
      case 'code': return `<code>${esc(n.v)}</code>`;
      case 'em': case 'strong': case 'del': return `<${n.t}>${inlineHtml(n.c)}</${n.t}>`;
      case 'br': return '<br>';
      case 'link': return `<a href="#" title="${esc(n.href)}">${inlineHtml(n.c)}</a>`;
    }
  }).join('');
}

function blocksHtml(blocks: readonly MdBlock[]): string {
  return blocks.map((b) => {
    switch (b.t) {
      case 'p': return `<p>${inlineHtml(b.c)}</p>`;
      case 'h': return `<h4>${inlineHtml(b.c)}</h4>`;
      case 'pre': return `<pre><code>${esc(b.v)}</code></pre>`;
      case 'list': { const tag = b.ordered ? 'ol' : 'ul'; return `<${tag}>${b.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('')}</${tag}>`; }
      case 'quote': return `<blockquote>${blocksHtml(b.c)}</blockquote>`;
      case 'hr': return '<hr>';
    }
  }).join('');
}

const tag = (name: string, className: string, inner: string, title?: string): string =>
  `<${name}${className ? ` class="${className}"` : ''}${title ? ` title="${esc(title)}"` : ''}>${inner}</${name}>`;
const button = (text: string, title?: string): string => tag('button', '', esc(text), title);

/**
 * The static body: what the lab paints for a state before anything has run (the header, the
 * notices, one cell per milestone) with the same texts, class names and button titles, as plain
 * HTML elements (no UI toolkit, no script).
 */
export function staticLabBody(state: LabState): string {
  const header = tag('header', 'lab-header',
    tag('div', 'titles', tag('h1', '', esc(state.title)) + tag('p', 'description', esc(state.description)))
    + tag('div', 'summary', tag('span', 'badge', `0/${state.milestones.length}`) + tag('span', '', ' milestones'))
    + tag('div', 'actions', button('Run All') + button('Start Over…', 'Back to the untouched starter; your current folder is kept under another name')
      + (state.relatedDemo ? button(`Demo: ${state.relatedDemo.title}`, 'Open the related in-browser demo') : ''))
    + (state.folder ? tag('p', 'folder', esc(`Checking ${state.folder}`)) : '')
    + (state.interpreter ? tag('p', 'interpreter', esc(state.interpreter.reason)) : ''));
  const notices = [
    state.trusted ? '' : tag('div', 'notice warning', esc('Checks are off in Restricted Mode.')),
    state.environment ? tag('div', 'notice error', esc(`The Python environment is not ready. ${state.environment.problem} ${state.environment.installCommand ?? ''}`)) : '',
    state.testDrift ? tag('div', 'notice warning', esc(`These checks are not the original ones: ${[...state.testDrift.changed, ...state.testDrift.missing].join(', ')}`)) : '',
  ].join('');
  const cells = state.milestones.map((m, i) => `<section class="cell status-not-run">`
    + tag('div', 'cell-head', tag('span', 'index', `[${i + 1}]`) + tag('h2', '', esc(m.title)) + tag('span', 'status', 'not run'))
    + tag('div', 'explanation', blocksHtml(m.explanation))
    + tag('div', 'check', tag('span', 'check-label', esc(`Check · ${m.checkLabel}`)) + button('Run'))
    + (m.hintsTotal ? tag('p', 'hint-locked', `${m.hintsTotal} hint${m.hintsTotal > 1 ? 's' : ''} unlock one at a time after a failed run.`) : '')
    + tag('div', 'cell-actions', button('Mark Done by Hand', 'The check says no but you disagree: tick this milestone yourself')
      + (m.compare.length ? button('Compare with Reference') : '') + m.compare.map((f) => button(f, `Open ${f}`)).join(''))
    + '<hr></section>');
  return `${header}${notices}${cells.join('')}`;
}

export function staticPage(webview: vscode.Webview, body: string): string {
  const nonce = makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce, LAB_POWERS)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Bench floor</title>
</head>
<body>
<main>${body}</main>
<script nonce="${nonce}">const api = acquireVsCodeApi(); requestAnimationFrame(() => api.postMessage({ type: 'painted' }));</script>
</body>
</html>`;
}

/** createWebviewPanel → the page's `painted` message, for one fresh panel, disposed afterwards. */
export async function timeStaticPanel(extensionUri: vscode.Uri, body: string): Promise<number> {
  const t0 = performance.now();
  const panel = vscode.window.createWebviewPanel('mlRoadmapBench.floor', 'Bench floor', vscode.ViewColumn.Active, panelOptions(extensionUri, LabPanel.kind));
  let timer: NodeJS.Timeout | undefined;
  try {
    const painted = new Promise<number>((resolve, reject) => {
      panel.webview.onDidReceiveMessage((m: { type?: unknown }) => { if (m?.type === 'painted') resolve(performance.now()); });
      timer = setTimeout(() => reject(new Error('the floor page never said painted')), 30_000);
    });
    panel.webview.html = staticPage(panel.webview, body);
    return (await painted) - t0;
  } finally {
    clearTimeout(timer);
    panel.dispose();
  }
}
