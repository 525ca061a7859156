// Small DOM helpers shared by the demos: theme colours read from VS Code's CSS variables (so
// canvases follow the theme), crisp canvases on high-DPI screens, a slider, and formatting. Element
// building is webview/dom.ts's, passed on here so a demo imports its helpers from one place.
import { el } from '../dom';

export { el, testId } from '../dom';

/** A VS Code theme colour, e.g. cssVar('--vscode-charts-blue', '#3794ff'). */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.body).getPropertyValue(name).trim();
  return v || fallback;
}

export interface ThemeColours {
  readonly fg: string;
  readonly muted: string;
  readonly bg: string;
  readonly grid: string;
  readonly blue: string;
  readonly red: string;
  readonly green: string;
  readonly orange: string;
  readonly purple: string;
  readonly yellow: string;
}

export function themeColours(): ThemeColours {
  return {
    fg: cssVar('--vscode-editor-foreground', cssVar('--vscode-foreground', '#cccccc')),
    muted: cssVar('--vscode-descriptionForeground', '#999999'),
    bg: cssVar('--vscode-editor-background', '#1e1e1e'),
    grid: cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', '#444444')),
    blue: cssVar('--vscode-charts-blue', '#3794ff'),
    red: cssVar('--vscode-charts-red', '#f14c4c'),
    green: cssVar('--vscode-charts-green', '#89d185'),
    orange: cssVar('--vscode-charts-orange', '#d18616'),
    purple: cssVar('--vscode-charts-purple', '#b180d7'),
    yellow: cssVar('--vscode-charts-yellow', '#cca700'),
  };
}

/** Whether VS Code shows a dark theme (dark or dark high contrast): translucent fills need more opacity there. */
export function isDarkTheme(): boolean {
  const c = document.body.classList;
  return c.contains('vscode-dark') || (c.contains('vscode-high-contrast') && !c.contains('vscode-high-contrast-light'));
}

/** A canvas font in the editor's UI font family. */
export function canvasFont(px: number, weight = ''): string {
  return `${weight ? `${weight} ` : ''}${px}px ${cssVar('--vscode-font-family', 'sans-serif')}`;
}

/** Calls `listener` when VS Code switches theme (it changes the body's class). */
export function onThemeChange(listener: () => void): void {
  let last = document.body.className;
  new MutationObserver(() => {
    if (document.body.className !== last) {
      last = document.body.className;
      listener();
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** Sizes a canvas for its CSS size at the screen's pixel ratio; returns a context in CSS pixels. */
export function fitCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D {
  const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${cssHeight}px`;
  canvas.width = Math.round(cssWidth * ratio);
  canvas.height = Math.round(cssHeight * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

/** "[r, g, b]" of any CSS colour (resolved by the canvas itself). */
export function rgbOf(colour: string): [number, number, number] {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#000';
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

/** Draws 28×28 pixels (0 = background, 1 = ink) into a canvas in the theme's colours. */
export function drawDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>, colours = themeColours(), side = 28): void {
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(side, side);
  const [fr, fg, fb] = rgbOf(colours.fg);
  const [br, bg, bb] = rgbOf(colours.bg);
  for (let i = 0; i < side * side; i++) {
    const v = Math.min(1, Math.max(0, pixels[i] ?? 0));
    img.data[i * 4] = br + (fr - br) * v;
    img.data[i * 4 + 1] = bg + (fg - bg) * v;
    img.data[i * 4 + 2] = bb + (fb - bb) * v;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

export const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)} %`;

export function ms(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—';
  if (x < 1) return `${(x * 1000).toFixed(0)} µs`;
  return `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ms`;
}

/** A labelled range input; `format` renders the value beside it. */
export function slider(options: {
  label: string; min: number; max: number; step: number; value: number; testId?: string;
  format?: (v: number) => string; onInput: (v: number) => void;
}): { root: HTMLElement; input: HTMLInputElement; set(v: number): void } {
  const root = el('label', 'slider');
  const name = el('span', 'slider-label', options.label);
  const input = el('input');
  input.type = 'range';
  input.min = String(options.min);
  input.max = String(options.max);
  input.step = String(options.step);
  input.value = String(options.value);
  if (options.testId) input.dataset.testid = options.testId;
  const out = el('output', 'slider-value');
  const fmt = options.format ?? ((v: number) => String(v));
  const show = (): void => { out.textContent = fmt(Number(input.value)); };
  input.addEventListener('input', () => { options.onInput(Number(input.value)); show(); });
  show();
  root.append(name, input, out);
  return { root, input, set(v: number) { input.value = String(v); show(); } };
}
