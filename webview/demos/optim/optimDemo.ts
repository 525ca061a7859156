// Demo 5, "Optimizers": SGD, momentum, RMSprop and Adam race from the same start over a contour
// plot of a classic test function. Plain TypeScript (math.ts), no model. Click the plot to move the
// start; each optimizer has its own learning rate; the table gives the convergence numbers.
import { button } from '../../ui/toolkit';
import { t } from '../../l10n';
import type { Demo } from '../demo';
import { canvasFont, el, fitCanvas, isDarkTheme, rgbOf, slider, testId, themeColours, type ThemeColours } from '../dom';
import {
  FUNCTIONS, FUNCTION_IDS, OPTIMIZER_IDS, OPTIMIZER_NAMES, logLoss, runOptimizer,
  type FunctionId, type OptimizerId, type RunResult, type Vec2,
} from './math';

const PLOT = 460;
const TOLERANCE = 1e-4;
const ANIMATION_MS = 1800;

interface Lane {
  readonly id: OptimizerId;
  enabled: HTMLInputElement;
  lr: HTMLInputElement;
  result?: RunResult;
  readonly cells: { loss: HTMLElement; steps: HTMLElement };
  readonly row: HTMLElement;
}

const colourOf = (c: ThemeColours, id: OptimizerId): string => ({ sgd: c.red, momentum: c.yellow, rmsprop: c.green, adam: c.blue })[id];

export function optimDemo(): Demo {
  const element = el('div', 'demo demo-optim');
  const intro = el('p', 'intro',
    t('Four optimizers start from the same point and follow the gradient of a 2-D function; the stronger the colour, the lower the function. Click the plot to move the start, change a learning rate, and race again. Loss is f(x, y) − f(minimum); an optimizer has converged when it is below {0}.', TOLERANCE),
  );
  let fn = FUNCTIONS.rosenbrock;
  let start: Vec2 = fn.start;
  let steps = fn.steps;
  let contour: ImageData | undefined;
  let animation = 0;

  const canvas = testId(el('canvas', 'optim-plot'), 'optim-plot');
  const ctx = fitCanvas(canvas, PLOT, PLOT);
  const select = testId(el('select', 'dropdown'), 'optim-function');
  for (const id of FUNCTION_IDS) {
    const o = el('option', undefined, FUNCTIONS[id].name);
    o.value = id;
    select.append(o);
  }
  const formula = el('p', 'formula');
  const stepsSlider = slider({
    label: t('Steps'), min: 10, max: 3000, step: 10, value: steps, testId: 'optim-steps',
    onInput: (v) => { steps = v; race(false); },
  });
  const table = testId(el('table', 'optim-table'), 'optim-results');
  const head = el('tr');
  for (const h of [t('optimizer'), t('learning rate'), t('final loss'), t('steps')]) head.append(el('th', undefined, h));
  table.append(head);
  const lanes: Lane[] = OPTIMIZER_IDS.map((id) => {
    const row = el('tr');
    row.dataset.optimizer = id;
    const enabled = el('input');
    enabled.type = 'checkbox';
    enabled.checked = true;
    enabled.addEventListener('change', () => race(false));
    const lr = el('input', 'number');
    lr.type = 'number';
    lr.min = '0';
    lr.step = 'any';
    lr.dataset.testid = `lr-${id}`;
    lr.addEventListener('change', () => race(true));
    const swatch = el('span', 'swatch');
    swatch.dataset.optimizer = id;
    const name = el('label', 'optimizer-name');
    name.append(enabled, swatch, OPTIMIZER_NAMES[id]);
    const cells = { loss: el('td', 'num'), steps: el('td', 'num steps') };
    const lrCell = el('td');
    lrCell.append(lr);
    const nameCell = el('td');
    nameCell.append(name);
    row.append(nameCell, lrCell, cells.loss, cells.steps);
    table.append(row);
    return { id, enabled, lr, cells, row };
  });
  const controls = el('div', 'optim-controls');
  const fnRow = el('label', 'slider');
  fnRow.append(el('span', 'slider-label', t('Function')), select);
  controls.append(
    fnRow, formula, stepsSlider.root, table,
    el('div', 'actions'),
    el('p', 'caption', t('Final loss: f − f(minimum) after the last step. Steps: how many it took to get below {0}. Momentum: v ← 0.9·v + g. RMSprop: ρ = 0.9. Adam: β₁ = 0.9, β₂ = 0.999. The default learning rates were picked so each optimizer gets somewhere from the default start; try others.', TOLERANCE)),
  );
  controls.querySelector('.actions')!.append(
    button(t('Race'), { testId: 'optim-run', onClick: () => race(true) }),
    button(t('Reset'), { appearance: 'secondary', testId: 'optim-reset', onClick: () => choose(fn.id) }),
  );
  const layout = el('div', 'optim-layout');
  const plotBox = el('div', 'plot-box');
  const legend = el('p', 'caption', t('Start ○, minima ✕. Click the plot, or focus it and use the arrow keys, to move the start.'));
  plotBox.append(canvas, legend);
  layout.append(plotBox, controls);
  element.append(intro, layout);

  select.addEventListener('change', () => choose(select.value as FunctionId));
  canvas.addEventListener('click', (e) => {
    const r = canvas.getBoundingClientRect();
    start = fromPlot((e.clientX - r.left) * (PLOT / r.width), (e.clientY - r.top) * (PLOT / r.height));
    race(true);
  });
  // The keyboard's way to pick a start: arrow keys move it by 1/20 of the plot (Shift: 1/100), and
  // each move races again, as a click does.
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', t('Contour plot of the loss. Click to start the race there, or use the arrow keys to move the start.'));
  canvas.addEventListener('keydown', (e) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const d = fn.domain;
    const fraction = e.shiftKey ? 0.01 : 0.05;
    const within = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
    start = [within(start[0] + m[0] * fraction * (d.xMax - d.xMin), d.xMin, d.xMax), within(start[1] + m[1] * fraction * (d.yMax - d.yMin), d.yMin, d.yMax)];
    canvas.dataset.start = start.map((v) => v.toFixed(3)).join(',');
    race(true);
  });

  function toPlot(x: number, y: number): [number, number] {
    const d = fn.domain;
    return [((x - d.xMin) / (d.xMax - d.xMin)) * PLOT, PLOT - ((y - d.yMin) / (d.yMax - d.yMin)) * PLOT];
  }

  function fromPlot(px: number, py: number): Vec2 {
    const d = fn.domain;
    return [d.xMin + (px / PLOT) * (d.xMax - d.xMin), d.yMin + ((PLOT - py) / PLOT) * (d.yMax - d.yMin)];
  }

  function choose(id: FunctionId): void {
    fn = FUNCTIONS[id];
    select.value = id;
    start = fn.start;
    steps = fn.steps;
    stepsSlider.set(steps);
    formula.textContent = fn.formula;
    for (const lane of lanes) lane.lr.value = String(fn.learningRates[lane.id]);
    contour = undefined;
    race(true);
  }

  /** Runs every enabled optimizer (cheap) and animates their paths. */
  function race(animate: boolean): void {
    for (const lane of lanes) {
      const lr = Number(lane.lr.value);
      lane.result = lane.enabled.checked && lr > 0 && Number.isFinite(lr) ? runOptimizer(fn, lane.id, { lr, steps, start, tolerance: TOLERANCE }) : undefined;
      const r = lane.result;
      lane.cells.loss.textContent = r ? formatLoss(r.finalLoss - fn.fMin) : '—';
      lane.cells.steps.textContent = !r ? '—' : r.diverged ? t('diverged ({0})', r.losses.length - 1) : r.stepsToTolerance != null ? String(r.stepsToTolerance) : t('not yet');
      lane.cells.steps.title = !r ? t('switched off') : r.diverged ? t('Blew up after {0} steps: try a smaller learning rate', r.losses.length - 1) : '';

      lane.row.dataset.finalLoss = r ? String(r.finalLoss - fn.fMin) : '';
      lane.row.dataset.stepsToTolerance = r?.stepsToTolerance != null ? String(r.stepsToTolerance) : '';
      lane.row.classList.toggle('diverged', !!r?.diverged);
    }
    cancelAnimationFrame(animation);
    if (!animate) { draw(1); return; }
    const t0 = performance.now();
    const tick = (): void => {
      const t = Math.min(1, (performance.now() - t0) / ANIMATION_MS);
      draw(t);
      if (t < 1) animation = requestAnimationFrame(tick);
      else element.dataset.raced = 'true';
    };
    element.dataset.raced = 'false';
    animation = requestAnimationFrame(tick);
  }

  function draw(progress: number): void {
    const c = themeColours();
    contour ??= renderContour(c);
    // putImageData ignores the transform: write at device pixels.
    ctx.putImageData(contour, 0, 0);
    ctx.lineWidth = 2;
    for (const lane of lanes) {
      const r = lane.result;
      if (!r) continue;
      const points = r.path.length / 2;
      // Ease in: early steps matter most and are drawn slowest.
      const shown = Math.max(1, Math.ceil(points * Math.min(1, progress ** 1.6)));
      ctx.strokeStyle = colourOf(c, lane.id);
      ctx.beginPath();
      for (let i = 0; i < shown; i++) {
        const [px, py] = toPlot(r.path[2 * i], r.path[2 * i + 1]);
        if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      }
      ctx.stroke();
      const [ex, ey] = toPlot(r.path[2 * (shown - 1)], r.path[2 * (shown - 1) + 1]);
      ctx.fillStyle = colourOf(c, lane.id);
      ctx.beginPath(); ctx.arc(ex, ey, 4, 0, Math.PI * 2); ctx.fill();
    }
    ctx.strokeStyle = c.fg;
    ctx.lineWidth = 2;
    const [sx, sy] = toPlot(start[0], start[1]);
    ctx.beginPath(); ctx.arc(sx, sy, 6, 0, Math.PI * 2); ctx.stroke();
    for (const m of fn.minima) {
      const [mx, my] = toPlot(m[0], m[1]);
      ctx.beginPath(); ctx.moveTo(mx - 5, my - 5); ctx.lineTo(mx + 5, my + 5); ctx.moveTo(mx + 5, my - 5); ctx.lineTo(mx - 5, my + 5); ctx.stroke();
    }
    ctx.fillStyle = c.fg;
    ctx.font = canvasFont(11);
    ctx.textBaseline = 'bottom';
    ctx.fillText(`x ∈ [${fn.domain.xMin}, ${fn.domain.xMax}], y ∈ [${fn.domain.yMin}, ${fn.domain.yMax}]`, 6, PLOT - 4);
  }

  /** Filled contour bands of log loss, blended onto the theme background, with thin level lines. */
  function renderContour(c: ThemeColours): ImageData {
    const W = canvas.width, H = canvas.height;
    const levels = new Float32Array(W * H);
    let lo = Infinity, hi = -Infinity;
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < W; i++) {
        const [x, y] = fromPlot(((i + 0.5) * PLOT) / W, ((j + 0.5) * PLOT) / H);
        const v = logLoss(fn, x, y);
        levels[j * W + i] = v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    const BANDS = 18;
    const bg = rgbOf(c.bg), ink = rgbOf(c.blue), line = rgbOf(c.fg);
    const dark = isDarkTheme();
    const img = ctx.createImageData(W, H);
    const band = (v: number): number => Math.min(BANDS - 1, Math.floor(((v - lo) / (hi - lo || 1)) * BANDS));
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < W; i++) {
        const k = j * W + i;
        const b = band(levels[k]);
        // Low loss = strong colour; high loss = background.
        const t = 1 - b / (BANDS - 1);
        const a = (dark ? 0.12 : 0.08) + t * (dark ? 0.55 : 0.6);
        let r = bg[0] + (ink[0] - bg[0]) * a, g = bg[1] + (ink[1] - bg[1]) * a, bl = bg[2] + (ink[2] - bg[2]) * a;
        const edge = (i + 1 < W && band(levels[k + 1]) !== b) || (j + 1 < H && band(levels[k + W]) !== b);
        if (edge) { r = r * 0.7 + line[0] * 0.3; g = g * 0.7 + line[1] * 0.3; bl = bl * 0.7 + line[2] * 0.3; }
        img.data[k * 4] = r; img.data[k * 4 + 1] = g; img.data[k * 4 + 2] = bl; img.data[k * 4 + 3] = 255;
      }
    }
    return img;
  }

  let started = false;
  return {
    id: 'optim',
    element,
    shown: () => { if (!started) { started = true; choose('rosenbrock'); } },
    themeChanged: () => { contour = undefined; if (started) draw(1); },
  };
}

function formatLoss(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  if (x === 0) return '0';
  return Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(2) : x.toPrecision(3);
}
