// Demo 6, "Latent space": the decoder of a variational autoencoder with a 2-D latent space. Two
// sliders (or a click on the map, where the held-out digits landed) choose a latent point; the
// decoder draws its digit. Points A and B give a row of digits morphing from one into the other.
import { float32, floats, run } from '../../inference/ort';
import { button } from '../../ui/toolkit';
import { Latest, errorText, type Demo, type DemoContext } from '../demo';
import { canvasFont, drawDigit, el, fitCanvas, slider, testId, themeColours } from '../dom';

const RANGE = 3.5;
const MAP = 320;
const STEPS = 10;
/** Ten distinguishable colours for the digits (the Tableau 10 palette), readable on light and dark. */
const DIGIT_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

interface LatentFile {
  readonly centroids: readonly (readonly [number, number])[];
  readonly labels: readonly number[];
  readonly points: readonly number[];
}

type Point = [number, number];

export function latentDemo(ctx: DemoContext): Demo {
  const element = el('div', 'demo demo-latent');
  const intro = el('p', 'intro',
    'A variational autoencoder squeezed each training digit into just two numbers, z₁ and z₂, and learnt to draw the ' +
    'digit back from them. Here is its decoder. Each dot on the map is a held-out digit, placed where the encoder put ' +
    'it; similar digits sit together. Pick any point, even between the clusters, and see what the decoder draws.',
  );
  let z: Point = [0, 0];
  let a: Point = [-2.5, 0];
  let b: Point = [2, 1.6];
  let latents: LatentFile | undefined;

  const map = testId(el('canvas', 'latent-map'), 'latent-map');
  const mapCtx = fitCanvas(map, MAP, MAP);
  const digit = testId(el('canvas', 'digit-large'), 'latent-digit');
  const z1 = slider({ label: 'z₁', min: -RANGE, max: RANGE, step: 0.01, value: z[0], testId: 'latent-z1', format: (v) => v.toFixed(2), onInput: (v) => { z = [v, z[1]]; changed(); } });
  const z2 = slider({ label: 'z₂', min: -RANGE, max: RANGE, step: 0.01, value: z[1], testId: 'latent-z2', format: (v) => v.toFixed(2), onInput: (v) => { z = [z[0], v]; changed(); } });
  const jump = el('div', 'digit-jumps');
  jump.append(el('span', 'caption', 'Go to the centre of:'));
  const status = el('p', 'caption');
  const row = testId(el('div', 'interpolation'), 'latent-interpolation');
  const rowCanvases = Array.from({ length: STEPS }, () => el('canvas', 'digit-small'));
  row.append(...rowCanvases);

  const side = el('div', 'latent-side');
  side.append(digit, z1.root, z2.root, jump);
  const abRow = el('div', 'actions');
  abRow.append(
    button('Set A here', { appearance: 'secondary', testId: 'latent-set-a', onClick: () => { a = [...z]; interpolate.push(); drawMap(); } }),
    button('Set B here', { appearance: 'secondary', testId: 'latent-set-b', onClick: () => { b = [...z]; interpolate.push(); drawMap(); } }),
  );
  const top = el('div', 'latent-layout');
  const mapBox = el('div', 'plot-box');
  mapBox.append(map, status);
  top.append(mapBox, side);
  const interp = el('section', 'card');
  interp.append(el('h3', undefined, 'From A to B'), el('p', 'caption', `${STEPS} evenly spaced points on the straight line from A to B, decoded in one batch.`), row, abRow);
  element.append(intro, top, interp);

  const decodeOne = new Latest<Point>(async (p) => {
    try {
      const out = await decode([p]);
      drawDigit(digit, out.subarray(0, 784));
      element.dataset.z = `${p[0].toFixed(2)},${p[1].toFixed(2)}`;
    } catch (e) {
      status.textContent = `The decoder could not run: ${errorText(e)}`;
    }
  });
  const interpolate = new Latest<void>(async () => {
    const pts: Point[] = Array.from({ length: STEPS }, (_, i) => {
      const t = i / (STEPS - 1);
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    });
    const out = await decode(pts);
    const colours = themeColours();
    rowCanvases.forEach((c, i) => {
      drawDigit(c, out.subarray(i * 784, (i + 1) * 784), colours);
      c.title = `(${pts[i][0].toFixed(2)}, ${pts[i][1].toFixed(2)})`;
    });
    element.dataset.interpolated = 'true';
  });

  async function decode(points: Point[]): Promise<Float32Array> {
    const session = await ctx.models.session('mnist-vae-decoder');
    const input = new Float32Array(points.flat());
    const out = await run(session, { [session.inputNames[0]]: float32(input, [points.length, 2]) });
    return floats(out[session.outputNames[0]], 'image');
  }

  function changed(): void {
    decodeOne.push([...z]);
    drawMap();
  }

  function setZ(p: Point): void {
    z = [clamp(p[0]), clamp(p[1])];
    z1.set(z[0]);
    z2.set(z[1]);
    changed();
  }

  const toMap = (p: readonly number[]): [number, number] => [((p[0] + RANGE) / (2 * RANGE)) * MAP, MAP - ((p[1] + RANGE) / (2 * RANGE)) * MAP];
  const fromMap = (x: number, y: number): Point => [(x / MAP) * 2 * RANGE - RANGE, ((MAP - y) / MAP) * 2 * RANGE - RANGE];

  let dragging = false;
  const pick = (e: PointerEvent): void => {
    const r = map.getBoundingClientRect();
    setZ(fromMap(((e.clientX - r.left) * MAP) / r.width, ((e.clientY - r.top) * MAP) / r.height));
  };
  map.addEventListener('pointerdown', (e) => { dragging = true; map.setPointerCapture(e.pointerId); pick(e); });
  map.addEventListener('pointermove', (e) => { if (dragging) pick(e); });
  map.addEventListener('pointerup', () => { dragging = false; });

  function drawMap(): void {
    const c = themeColours();
    mapCtx.clearRect(0, 0, MAP, MAP);
    mapCtx.strokeStyle = c.grid;
    mapCtx.lineWidth = 1;
    mapCtx.strokeRect(0.5, 0.5, MAP - 1, MAP - 1);
    const [ox, oy] = toMap([0, 0]);
    mapCtx.globalAlpha = 0.5;
    mapCtx.beginPath(); mapCtx.moveTo(ox, 0); mapCtx.lineTo(ox, MAP); mapCtx.moveTo(0, oy); mapCtx.lineTo(MAP, oy); mapCtx.stroke();
    mapCtx.globalAlpha = 1;
    if (latents) {
      mapCtx.globalAlpha = 0.6;
      for (let i = 0; i < latents.labels.length; i++) {
        const [x, y] = toMap([latents.points[2 * i], latents.points[2 * i + 1]]);
        mapCtx.fillStyle = DIGIT_COLOURS[latents.labels[i]];
        mapCtx.fillRect(x - 1.5, y - 1.5, 3, 3);
      }
      mapCtx.globalAlpha = 1;
      mapCtx.font = canvasFont(13, 'bold');
      mapCtx.textAlign = 'center';
      mapCtx.textBaseline = 'middle';
      latents.centroids.forEach((p, d) => {
        const [x, y] = toMap(p);
        mapCtx.lineWidth = 3;
        mapCtx.strokeStyle = c.bg;
        mapCtx.strokeText(String(d), x, y);
        mapCtx.fillStyle = c.fg;
        mapCtx.fillText(String(d), x, y);
      });
    }
    // A—B line and markers, then the current point.
    const [ax, ay] = toMap(a), [bx, by] = toMap(b);
    mapCtx.strokeStyle = c.fg;
    mapCtx.lineWidth = 1.5;
    mapCtx.setLineDash([4, 3]);
    mapCtx.beginPath(); mapCtx.moveTo(ax, ay); mapCtx.lineTo(bx, by); mapCtx.stroke();
    mapCtx.setLineDash([]);
    mapCtx.font = canvasFont(12, 'bold');
    for (const [label, x, y] of [['A', ax, ay], ['B', bx, by]] as const) {
      mapCtx.fillStyle = c.bg;
      mapCtx.beginPath(); mapCtx.arc(x, y, 8, 0, Math.PI * 2); mapCtx.fill(); mapCtx.stroke();
      mapCtx.fillStyle = c.fg;
      mapCtx.fillText(label, x, y + 0.5);
    }
    const [zx, zy] = toMap(z);
    mapCtx.strokeStyle = c.red;
    mapCtx.lineWidth = 2;
    mapCtx.beginPath(); mapCtx.arc(zx, zy, 7, 0, Math.PI * 2); mapCtx.moveTo(zx - 11, zy); mapCtx.lineTo(zx + 11, zy); mapCtx.moveTo(zx, zy - 11); mapCtx.lineTo(zx, zy + 11); mapCtx.stroke();
  }

  async function start(): Promise<void> {
    drawMap();
    changed();
    interpolate.push();
    try {
      latents = (await ctx.models.fetchJson('data/mnist-vae-latents.json')) as LatentFile;
      latents.centroids.forEach((p, d) => {
        const chip = button(String(d), { appearance: 'secondary', testId: `latent-go-${d}`, title: `(${p[0].toFixed(2)}, ${p[1].toFixed(2)})`, onClick: () => setZ([p[0], p[1]]) });
        chip.style.setProperty('--digit-colour', DIGIT_COLOURS[d]);
        chip.classList.add('digit-chip');
        jump.append(chip);
      });
      a = [...latents.centroids[1]] as Point;
      b = [...latents.centroids[0]] as Point;
      status.textContent = `${latents.labels.length.toLocaleString('en')} held-out digits, coloured by their label. Click or drag to move the point.`;
      drawMap();
      interpolate.push();
    } catch (e) {
      status.textContent = `The map of held-out digits could not be loaded: ${errorText(e)}`;
    }
  }

  let started = false;
  return {
    id: 'latent',
    element,
    shown: () => { if (!started) { started = true; void start(); } },
    themeChanged: () => { if (started) { drawMap(); changed(); interpolate.push(); } },
  };
}

function clamp(v: number): number {
  return Math.max(-RANGE, Math.min(RANGE, v));
}
