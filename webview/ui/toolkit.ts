// The ONLY module that touches @vscode/webview-ui-toolkit (archived upstream). Everything else
// asks this file for controls, so swapping the kit means rewriting just this folder.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDivider,
  vsCodeProgressRing,
} from '@vscode/webview-ui-toolkit';

let registered = false;
export function registerComponents(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDivider(), vsCodeProgressRing());
}

export interface ButtonOptions {
  readonly appearance?: 'primary' | 'secondary' | 'icon';
  readonly disabled?: boolean;
  readonly title?: string;
  readonly testId?: string;
  readonly onClick: () => void;
}

export function button(label: string, options: ButtonOptions): HTMLElement {
  const b = document.createElement('vscode-button');
  b.textContent = label;
  b.setAttribute('appearance', options.appearance ?? 'primary');
  if (options.disabled) b.setAttribute('disabled', '');
  if (options.title) b.setAttribute('title', options.title);
  if (options.testId) b.dataset.testid = options.testId;
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) options.onClick();
  });
  return b;
}

/**
 * A count badge. Not the toolkit's <vscode-badge>: its template carries a `style` attribute, which
 * the webview's Content Security Policy (no inline styles) reports on every use. Same look, from
 * the editor's own badge colours (media/lab.css).
 */
export function badge(text: string): HTMLElement {
  const b = document.createElement('span');
  b.className = 'badge';
  b.textContent = text;
  return b;
}

export function divider(): HTMLElement {
  return document.createElement('vscode-divider');
}

export function spinner(): HTMLElement {
  const r = document.createElement('vscode-progress-ring');
  r.classList.add('spinner');
  return r;
}
