// A drawing pad for digits: pointer (mouse, pen, touch) strokes on a canvas, or keyboard strokes
// (the arrow keys move a pen that Space puts down and lifts), turned into an MNIST-like 28×28 input
// after every change, with a preview of what the model sees. Strokes are kept as points so the pad
// can be redrawn in the new colours when the theme changes. The keyboard pen is drawn on a canvas
// of its own above the pad, so it never becomes ink.
import { button } from '../../ui/toolkit';
import { t } from '../../l10n';
import { drawDigit, el, testId, themeColours } from '../dom';
import { inkFromRgba, toMnist, type Preprocessed } from './preprocess';

const SIZE = 280;
/** Stroke width in pad pixels: about two MNIST pixels once a digit is scaled into its 20×20 box. */
const LINE_WIDTH = 20;
/** How far one arrow key moves the keyboard pen (with Shift: a fine step). */
const PEN_STEP = 14;
const PEN_FINE_STEP = 4;
export const KEYBOARD_HELP = t('With the keyboard: Tab to the pad; arrow keys move the pen (Shift for small steps), Space puts it down or lifts it, Backspace undoes a stroke, Delete clears.');

export class DrawPad {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly preview: HTMLCanvasElement;
  private readonly cursor: HTMLCanvasElement;
  /** The keyboard pen, in pad pixels, and whether Space has put it down. */
  private pen = { x: SIZE / 2, y: SIZE / 2 };
  private penDown = false;
  private strokes: { x: number; y: number }[][] = [];
  private drawing = false;
  private frame = 0;
  private last: Preprocessed | undefined;

  constructor(id: string, private readonly onChange: (digit: Preprocessed | undefined) => void) {
    this.element = el('div', 'pad');
    this.canvas = testId(el('canvas', 'pad-canvas'), `${id}-canvas`);
    this.canvas.width = SIZE;
    this.canvas.height = SIZE;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', t('Drawing area: draw one digit with the mouse. {0}', KEYBOARD_HELP));
    this.canvas.title = KEYBOARD_HELP;
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    this.cursor = testId(el('canvas', 'pad-cursor'), `${id}-pen`);
    this.cursor.width = SIZE;
    this.cursor.height = SIZE;
    this.cursor.setAttribute('aria-hidden', 'true');
    const stack = el('div', 'pad-stack');
    stack.append(this.canvas, this.cursor);
    this.preview = testId(el('canvas', 'digit-preview'), `${id}-preview`);
    this.preview.title = t('What the model sees: 28×28, centred by mass');
    const side = el('div', 'pad-side');
    side.append(
      el('span', 'caption', t('Model input')), this.preview,
      button(t('Clear'), { appearance: 'secondary', testId: `${id}-clear`, onClick: () => this.clear() }),
      button(t('Undo'), { appearance: 'secondary', testId: `${id}-undo`, onClick: () => this.undo() }),
    );
    this.element.append(stack, side);
    this.bindPointer();
    this.bindKeyboard();
    this.redraw();
  }

  get digit(): Preprocessed | undefined {
    return this.last;
  }

  clear(): void {
    this.penDown = false;
    this.strokes = [];
    this.redraw();
    this.changed();
  }

  undo(): void {
    this.penDown = false;
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
    this.drawPen();
  }

  private bindKeyboard(): void {
    const half = LINE_WIDTH / 2;
    const clampToPad = (v: number): number => Math.min(SIZE - half, Math.max(half, v));
    this.canvas.addEventListener('keydown', (e) => {
      const step = e.shiftKey ? PEN_FINE_STEP : PEN_STEP;
      const move: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const delta = move[e.key];
      if (delta) {
        this.pen = { x: clampToPad(this.pen.x + delta[0]), y: clampToPad(this.pen.y + delta[1]) };
        if (this.penDown) {
          const stroke = this.strokes[this.strokes.length - 1];
          stroke.push({ ...this.pen });
          this.paint(stroke, stroke.length - 1);
          this.changed();
        }
      } else if (e.key === ' ' || e.key === 'Enter') {
        this.penDown = !this.penDown;
        if (this.penDown) {
          this.strokes.push([{ ...this.pen }]);
          this.paint(this.strokes[this.strokes.length - 1], 0);
          this.changed();
        }
      } else if (e.key === 'Escape') {
        this.penDown = false;
      } else if (e.key === 'Backspace') {
        this.undo();
      } else if (e.key === 'Delete') {
        this.clear();
      } else {
        return;
      }
      e.preventDefault();
      this.drawPen();
    });
    this.canvas.addEventListener('focus', () => this.drawPen());
    this.canvas.addEventListener('blur', () => {
      this.penDown = false;
      this.drawPen();
    });
  }

  /** The keyboard pen while the pad has the keyboard focus: a ring when lifted, a dot when down. */
  private drawPen(): void {
    const ctx = this.cursor.getContext('2d')!;
    ctx.clearRect(0, 0, SIZE, SIZE);
    this.cursor.dataset.pen = this.penDown ? 'down' : 'up';
    if (document.activeElement !== this.canvas) return;
    const c = themeColours();
    ctx.strokeStyle = c.blue;
    ctx.fillStyle = c.blue;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(this.pen.x, this.pen.y, LINE_WIDTH / 2 + 3, 0, Math.PI * 2);
    ctx.stroke();
    if (this.penDown) {
      ctx.beginPath();
      ctx.arc(this.pen.x, this.pen.y, 3, 0, Math.PI * 2);
      ctx.fill();
    }
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
