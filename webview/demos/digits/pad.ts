// A drawing pad for digits: pointer (mouse, pen, touch) strokes on a canvas, turned into an
// MNIST-like 28×28 input after every change, with a preview of what the model sees. Strokes are
// kept as points so the pad can be redrawn in the new colours when the theme changes.
import { button } from '../../ui/toolkit';
import { drawDigit, el, testId, themeColours } from '../dom';
import { inkFromRgba, toMnist, type Preprocessed } from './preprocess';

const SIZE = 280;
/** Stroke width in pad pixels: about two MNIST pixels once a digit is scaled into its 20×20 box. */
const LINE_WIDTH = 20;

export class DrawPad {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly preview: HTMLCanvasElement;
  private strokes: { x: number; y: number }[][] = [];
  private drawing = false;
  private frame = 0;
  private last: Preprocessed | undefined;

  constructor(id: string, private readonly onChange: (digit: Preprocessed | undefined) => void) {
    this.element = el('div', 'pad');
    this.canvas = testId(el('canvas', 'pad-canvas'), `${id}-canvas`);
    this.canvas.width = SIZE;
    this.canvas.height = SIZE;
    this.canvas.setAttribute('aria-label', 'Drawing area: draw one digit with the mouse');
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.preview = testId(el('canvas', 'digit-preview'), `${id}-preview`);
    this.preview.title = 'What the model sees: 28×28, centred by mass';
    const side = el('div', 'pad-side');
    side.append(
      el('span', 'caption', 'Model input'), this.preview,
      button('Clear', { appearance: 'secondary', testId: `${id}-clear`, onClick: () => this.clear() }),
      button('Undo', { appearance: 'secondary', testId: `${id}-undo`, onClick: () => this.undo() }),
    );
    this.element.append(this.canvas, side);
    this.bindPointer();
    this.redraw();
  }

  get digit(): Preprocessed | undefined {
    return this.last;
  }

  clear(): void {
    this.strokes = [];
    this.redraw();
    this.changed();
  }

  undo(): void {
    this.strokes.pop();
    this.redraw();
    this.changed();
  }

  /** Repaint in the current theme's colours. */
  redraw(): void {
    const c = themeColours();
    this.ctx.clearRect(0, 0, SIZE, SIZE);
    this.ctx.strokeStyle = c.fg;
    this.ctx.fillStyle = c.fg;
    this.ctx.lineWidth = LINE_WIDTH;
    this.ctx.lineCap = 'round';
    this.ctx.lineJoin = 'round';
    for (const s of this.strokes) this.paint(s, 0);
    drawDigit(this.preview, this.last?.pixels ?? [], c);
  }

  private bindPointer(): void {
    const point = (e: PointerEvent): { x: number; y: number } => {
      const r = this.canvas.getBoundingClientRect();
      return { x: ((e.clientX - r.left) * SIZE) / r.width, y: ((e.clientY - r.top) * SIZE) / r.height };
    };
    this.canvas.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      e.preventDefault();
      this.canvas.setPointerCapture(e.pointerId);
      this.drawing = true;
      this.strokes.push([point(e)]);
      this.paint(this.strokes[this.strokes.length - 1], 0);
      this.changed();
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!this.drawing) return;
      const stroke = this.strokes[this.strokes.length - 1];
      const from = stroke.length - 1;
      // Coalesced events keep fast strokes smooth.
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      for (const ev of events.length ? events : [e]) stroke.push(point(ev));
      this.paint(stroke, from);
      this.changed();
    });
    const end = (): void => {
      if (!this.drawing) return;
      this.drawing = false;
      this.changed();
    };
    this.canvas.addEventListener('pointerup', end);
    this.canvas.addEventListener('pointercancel', end);
  }

  /** Draws `stroke` from point `from` on (a dot for a single point). */
  private paint(stroke: { x: number; y: number }[], from: number): void {
    const ctx = this.ctx;
    if (stroke.length === 1) {
      ctx.beginPath();
      ctx.arc(stroke[0].x, stroke[0].y, LINE_WIDTH / 2, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
    ctx.beginPath();
    ctx.moveTo(stroke[Math.max(0, from - 1)].x, stroke[Math.max(0, from - 1)].y);
    for (let i = Math.max(1, from); i < stroke.length; i++) ctx.lineTo(stroke[i].x, stroke[i].y);
    ctx.stroke();
  }

  /** Recomputes the model input at most once per frame. */
  private changed(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const rgba = this.ctx.getImageData(0, 0, SIZE, SIZE).data;
      this.last = toMnist(inkFromRgba(rgba, SIZE, SIZE));
      drawDigit(this.preview, this.last?.pixels ?? [], themeColours());
      this.onChange(this.last);
    });
  }
}
