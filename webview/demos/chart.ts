// A small time-series chart on a canvas, in the theme's colours: one or more lines over a shared x
// axis, shaded x ranges (labelled events), an optional log-scale y axis and a horizontal threshold
// above which the line turns into the alert colour.
import { canvasFont, fitCanvas, isDarkTheme, themeColours } from './dom';

export interface ChartSeries {
  readonly values: ArrayLike<number>;
  /** x index of values[0] (e.g. a window's score plotted at its last reading). */
  readonly xOffset?: number;
  readonly colour: string;
}

export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  /** Number of x positions (readings). */
  readonly length: number;
  readonly series: readonly ChartSeries[];
  readonly title: string;
  readonly log?: boolean;
  /** Shaded [start, end] x ranges, inclusive. */
  readonly bands?: readonly (readonly [number, number])[];
  readonly threshold?: { readonly value: number; readonly colour: string };
  /** Label for x index i, called at a few tick positions. */
  readonly xTick?: (i: number) => string;
  readonly xTickEvery?: number;
}

const PAD = { left: 52, right: 10, top: 20, bottom: 22 };

export function drawChart(canvas: HTMLCanvasElement, o: ChartOptions): void {
  const ctx = fitCanvas(canvas, o.width, o.height);
  const c = themeColours();
  const w = o.width - PAD.left - PAD.right;
  const h = o.height - PAD.top - PAD.bottom;
  let lo = Infinity, hi = -Infinity;
  for (const s of o.series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v) || (o.log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (o.threshold && (!o.log || o.threshold.value > 0)) {
    lo = Math.min(lo, o.threshold.value);
    hi = Math.max(hi, o.threshold.value);
  }
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  const tf = (v: number): number => (o.log ? Math.log10(Math.max(v, 1e-12)) : v);
  let y0 = tf(lo), y1 = tf(hi);
  if (y1 - y0 < 1e-9) { y0 -= 0.5; y1 += 0.5; }
  const margin = (y1 - y0) * 0.06;
  y0 -= margin; y1 += margin;
  const X = (i: number): number => PAD.left + (o.length <= 1 ? 0 : (i / (o.length - 1)) * w);
  const Y = (v: number): number => PAD.top + h - ((tf(v) - y0) / (y1 - y0)) * h;

  ctx.clearRect(0, 0, o.width, o.height);
  ctx.font = canvasFont(11);
  ctx.fillStyle = c.fg;
  ctx.textBaseline = 'top';
  ctx.fillText(o.title, PAD.left, 3);

  // Event bands: a light wash on light themes; on dark ones a faint orange turns brown, so more.
  ctx.fillStyle = c.orange;
  ctx.globalAlpha = isDarkTheme() ? 0.45 : 0.3;
  for (const [a, b] of o.bands ?? []) ctx.fillRect(X(a), PAD.top, Math.max(2, X(b) - X(a)), h);
  ctx.globalAlpha = 1;

  // Axes and ticks.
  ctx.strokeStyle = c.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(PAD.left + 0.5, PAD.top + 0.5, w, h);
  ctx.fillStyle = c.muted;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (const t of yTicks(y0, y1, o.log ?? false, Math.max(3, Math.floor(h / 22)))) {
    const yy = PAD.top + h - ((t - y0) / (y1 - y0)) * h;
    ctx.globalAlpha = 0.35;
    ctx.beginPath(); ctx.moveTo(PAD.left, yy + 0.5); ctx.lineTo(PAD.left + w, yy + 0.5); ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillText(o.log ? formatLog(t) : formatNumber(t), PAD.left - 4, yy);
  }
  if (o.xTick && o.xTickEvery) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0; i < o.length; i += o.xTickEvery) ctx.fillText(o.xTick(i), X(i), PAD.top + h + 4);
  }

  // Lines; above the threshold redrawn in the alert colour, by clipping.
  const line = (s: ChartSeries): void => {
    ctx.beginPath();
    const off = s.xOffset ?? 0;
    let started = false;
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) { started = false; continue; }
      const px = X(i + off), py = Y(v);
      if (started) ctx.lineTo(px, py); else { ctx.moveTo(px, py); started = true; }
    }
    ctx.stroke();
  };
  ctx.save();
  ctx.beginPath(); ctx.rect(PAD.left, PAD.top, w, h); ctx.clip();
  ctx.lineWidth = 1.2;
  for (const s of o.series) { ctx.strokeStyle = s.colour; line(s); }
  if (o.threshold) {
    const ty = Y(o.threshold.value);
    ctx.save();
    ctx.beginPath(); ctx.rect(PAD.left, PAD.top, w, Math.max(0, ty - PAD.top)); ctx.clip();
    ctx.strokeStyle = o.threshold.colour;
    ctx.lineWidth = 1.6;
    for (const s of o.series) line(s);
    ctx.restore();
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = o.threshold.colour;
    ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(PAD.left, ty + 0.5); ctx.lineTo(PAD.left + w, ty + 0.5); ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.restore();
}

function yTicks(y0: number, y1: number, log: boolean, most: number): number[] {
  if (log) {
    const out: number[] = [];
    const every = Math.max(1, Math.ceil((Math.floor(y1) - Math.ceil(y0) + 1) / most));
    for (let e = Math.ceil(y0); e <= Math.floor(y1); e += every) out.push(e);
    return out;
  }
  const span = y1 - y0;
  const step = niceStep(span / most);
  const out: number[] = [];
  for (let t = Math.ceil(y0 / step) * step; t <= y1; t += step) out.push(+t.toFixed(10));
  return out;
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1).replace(/\.0$/, '') : v.toPrecision(2);
}

function formatLog(e: number): string {
  return e >= 0 && e <= 3 ? String(10 ** e) : `1e${e}`;
}

/** [start, end] runs of indices where `flag(i)` is true. */
export function runsOf(length: number, flag: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const on = i < length && flag(i);
    if (on && start < 0) start = i;
    if (!on && start >= 0) { out.push([start, i - 1]); start = -1; }
  }
  return out;
}
