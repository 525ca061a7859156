// Demo 6, "Latent space": a decoder from a latent space to digits. Built in: a variational
// autoencoder's decoder with a 2-D latent space, its map showing where the held-out digits landed.
// Or the learner's own exported generator (the GAN project's generator.onnx, any latent size): the
// map is then a grid of its own digits over a seeded plane through its latent space. Two sliders
// (or a click on the map) choose a point; the decoder draws its digit. Points A and B give a row of
// digits morphing from one into the other.
// Long on purpose: the built-in decoder and the learner's generator share one map, one pair of
// sliders and one preview, and switching between them is the demo's point.
import {
  detectGeneratorLayout, generatedPixels, latentBatch, latentPlane, metadataLatentDim, readMetadataProps,
  type GeneratorLayout, type LatentPlane,
} from '../../../src/shared/inference/generator';
import { checkModelBytes, formatBytes } from '../../../src/shared/inference/validate';
import { SessionError, createSession, float32, floats, run, type Session } from '../../inference/ort';
import { button, spinner } from '../../ui/toolkit';
import { t } from '../../l10n';
import { Latest, type Demo, type DemoContext } from '../demo';
import { canvasFont, drawDigit, el, fitCanvas, slider, testId, themeColours } from '../dom';
import { describeError } from '../../../src/shared/errors';

const RANGE = 3.5;
const MAP = 320;
const STEPS = 10;
/** The learner's generator: its map is a GRID × GRID sheet of its digits. */
const GRID = 8;
/** Ten distinguishable colours for the digits (the Tableau 10 palette), readable on light and dark. */
const DIGIT_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

interface LatentFile {
  readonly centroids: readonly (readonly [number, number])[];
  readonly labels: readonly number[];
  readonly points: readonly number[];
}

type Point = [number, number];

/** The learner's generator, loaded from a file the host read. */
interface Learner {
  readonly name: string;
  readonly session: Session;
  readonly layout: GeneratorLayout;
  plane: LatentPlane;
  /** The GRID × GRID sheet of its digits over the plane, drawn once per plane. */
  sheet?: HTMLCanvasElement;
}

export function latentDemo(ctx: DemoContext): Demo {
  const element = el('div', 'demo demo-latent');
  const intro = el('p', 'intro');
  let z: Point = [0, 0];
  let a: Point = [-2.5, 0];
  let b: Point = [2, 1.6];
  let latents: LatentFile | undefined;
  let learner: Learner | undefined;
  /** Bumped on every switch of decoder: work for an older one is dropped. */
  let generation = 0;

  // ── Which decoder ───────────────────────────────────────────────────────
  const source = testId(el('div', 'status-line'), 'latent-source');
  const planeButton = button(t('New plane'), {
    appearance: 'secondary', testId: 'latent-new-plane',
    title: t('Walk another random plane through your latent space'),
    onClick: () => { if (learner) void setPlane(learner, learner.plane.seed + 1); },
  });
  const sourceRow = el('div', 'actions');
  sourceRow.append(
    button(t('Load your generator…'), { testId: 'latent-pick', title: t('An .onnx generator: input [N, latent_dim], output a 28×28 image'), onClick: () => void pickGenerator() }),
    button(t('Use the built-in VAE decoder'), { appearance: 'secondary', testId: 'latent-builtin', onClick: () => void useBuiltIn() }),
    planeButton,
  );
  const sourceCard = el('section', 'card');
  sourceCard.append(el('h3', undefined, t('Decoder')), source, sourceRow);

  const map = testId(el('canvas', 'latent-map'), 'latent-map');
  const mapCtx = fitCanvas(map, MAP, MAP);
  const digit = testId(el('canvas', 'digit-large'), 'latent-digit');
  const z1 = slider({ label: 'z₁', min: -RANGE, max: RANGE, step: 0.01, value: z[0], testId: 'latent-z1', format: (v) => v.toFixed(2), onInput: (v) => { z = [v, z[1]]; changed(); } });
  const z2 = slider({ label: 'z₂', min: -RANGE, max: RANGE, step: 0.01, value: z[1], testId: 'latent-z2', format: (v) => v.toFixed(2), onInput: (v) => { z = [z[0], v]; changed(); } });
  const jump = el('div', 'digit-jumps');
  jump.append(el('span', 'caption', t('Go to the centre of:')));
  const status = el('p', 'caption');
  const row = testId(el('div', 'interpolation'), 'latent-interpolation');
  const rowCanvases = Array.from({ length: STEPS }, () => el('canvas', 'digit-small'));
  row.append(...rowCanvases);

  const side = el('div', 'latent-side');
  side.append(digit, z1.root, z2.root, jump);
  const abRow = el('div', 'actions');
  abRow.append(
    button(t('Set A here'), { appearance: 'secondary', testId: 'latent-set-a', onClick: () => { a = [...z]; interpolate.push(); drawMap(); } }),
    button(t('Set B here'), { appearance: 'secondary', testId: 'latent-set-b', onClick: () => { b = [...z]; interpolate.push(); drawMap(); } }),
  );
  const top = el('div', 'latent-layout');
  const mapBox = el('div', 'plot-box');
  mapBox.append(map, status);
  top.append(mapBox, side);
  const interp = el('section', 'card');
  interp.append(el('h3', undefined, t('From A to B')), el('p', 'caption', t('{0} evenly spaced points on the straight line from A to B, decoded in one batch.', STEPS)), row, abRow);
  element.append(intro, sourceCard, top, interp);
  showBuiltInText();

  const decodeOne = new Latest<Point>(async (p) => {
    try {
      const out = await decode([p]);
      drawDigit(digit, out.subarray(0, 784));
      element.dataset.z = `${p[0].toFixed(2)},${p[1].toFixed(2)}`;
    } catch (e) {
      status.textContent = t('The decoder could not run: {0}', describeError(e));
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
    const mine = learner;
    if (mine) return decodeWith(mine, points);
    const session = await ctx.models.session('mnist-vae-decoder');
    const input = new Float32Array(points.flat());
    const out = await run(session, { [session.inputNames[0]]: float32(input, [points.length, 2]) });
    return floats(out[session.outputNames[0]], 'image');
  }

  /** Runs the learner's generator on map points (in chunks of its fixed batch size, if it has one). */
  async function decodeWith(g: Learner, points: Point[]): Promise<Float32Array> {
    const { inputName, outputName, latentDim, fixedBatch } = g.layout;
    const chunk = fixedBatch ?? points.length;
    const pixels = new Float32Array(points.length * 784);
    for (let from = 0; from < points.length; from += chunk) {
      const part = points.slice(from, from + chunk);
      while (part.length < chunk) part.push([0, 0]);
      const out = await run(g.session, { [inputName]: float32(latentBatch(g.plane, part), [chunk, latentDim]) });
      const result = generatedPixels(floats(out[outputName], 'image'), chunk);
      if (!result.ok) throw new Error(result.reason);
      const used = Math.min(chunk, points.length - from);
      pixels.set(result.pixels.subarray(0, used * 784), from * 784);
    }
    return pixels;
  }

  // ── Switching decoder ───────────────────────────────────────────────────
  function showBuiltInText(): void {
    intro.textContent =
      t('A variational autoencoder squeezed each training digit into just two numbers, z₁ and z₂, and learnt to draw the digit back from them. Here is its decoder. Each dot on the map is a held-out digit, placed where the encoder put it; similar digits sit together. Pick any point, even between the clusters, and see what the decoder draws. Trained a generator of your own? Load its .onnx below and walk its latent space instead.');
    source.dataset.source = 'builtin';
    source.className = 'status-line idle';
    source.replaceChildren(el('span', undefined, t('The built-in VAE decoder (2-D latent space).')));
    planeButton.hidden = true;
    jump.hidden = false;
    if (latents) status.textContent = t('{0} held-out digits, coloured by their label. Click or drag to move the point.', latents.labels.length.toLocaleString('en'));
  }

  function setSource(state: 'loading' | 'error', text: string): void {
    source.className = `status-line ${state}`;
    source.dataset.state = state;
    source.replaceChildren(...(state === 'loading' ? [spinner()] : []), el('span', undefined, text));
  }

  async function pickGenerator(): Promise<void> {
    const mine = ++generation;
    setSource('loading', t('Choose your generator’s .onnx file…'));
    const reply = await ctx.host.request((requestId) => ({ type: 'pickModel', requestId, purpose: 'generator' }));
    if (mine !== generation) return;
    if (reply.type === 'model') await loadGenerator(reply.name, reply.bytes, mine);
    else if (reply.type === 'modelError') setSource('error', reply.name ? `${reply.name}: ${reply.reason}` : reply.reason);
    else if (reply.type === 'modelCancelled') {
      if (learner) showLearnerText(learner);
      else showBuiltInText();
    }
  }

  /** Checks and loads the learner's generator; every failure ends as a message, the old decoder kept. */
  async function loadGenerator(name: string, bytes: Uint8Array, mine: number): Promise<void> {
    const checked = checkModelBytes(bytes);
    if (!checked.ok) { setSource('error', `${name}: ${checked.reason}`); return; }
    setSource('loading', t('Loading {0} ({1})…', name, formatBytes(bytes.length)));
    let session: Session;
    try {
      session = (await createSession(bytes)).session;
    } catch (e) {
      setSource('error', t('{0} could not be loaded: {1}', name, e instanceof SessionError ? e.message : describeError(e)));
      return;
    }
    if (mine !== generation) { void session.release().catch(() => undefined); return; }
    const layout = detectGeneratorLayout(session.inputMetadata, session.outputMetadata, metadataLatentDim(readMetadataProps(bytes)));
    if (!layout.ok) {
      setSource('error', t('{0} is not a generator this demo can walk: {1}', name, layout.reason));
      void session.release().catch(() => undefined);
      return;
    }
    const candidate: Learner = { name, session, layout: layout.layout, plane: latentPlane(layout.layout.latentDim, 1) };
    try {
      await decodeWith(candidate, [[0, 0]]);
    } catch (e) {
      setSource('error', t('{0} could not run: {1}', name, describeError(e)));
      void session.release().catch(() => undefined);
      return;
    }
    if (mine !== generation) { void session.release().catch(() => undefined); return; }
    const old = learner;
    learner = candidate;
    if (old) void old.session.release().catch(() => undefined);
    a = [-2, -1.5];
    b = [2, 1.5];
    showLearnerText(candidate);
    await setPlane(candidate, candidate.plane.seed);
  }

  function showLearnerText(g: Learner): void {
    const dim = g.layout.latentDim;
    intro.textContent = dim > 2
      ? t("Your generator turns {0} numbers into a digit. The map is a flat slice through that {0}-dimensional space: two random directions at right angles through its centre, z₁ along one and z₂ along the other. Its background is a {1} × {1} sheet of your generator's own digits at those points. Click or drag to move; A to B draws the digits along the straight line between two points. New plane picks two other directions.", dim, GRID)
      : dim === 2
        ? t("Your generator turns two numbers into a digit. The map's background is a {0} × {0} sheet of your generator's own digits at those points. Click or drag to move; A to B draws the digits along the straight line between two points.", GRID)
        : t("Your generator turns one number into a digit. The map's background is a {0} × {0} sheet of your generator's own digits at those points. Click or drag to move; A to B draws the digits along the straight line between two points.", GRID);
    source.dataset.source = 'learner';
    source.dataset.latentDim = String(dim);
    source.className = 'status-line done';
    delete source.dataset.state;
    source.replaceChildren(el('span', undefined, dim > 2
      ? t('Your generator: {0} (latent size {1}, plane {2}).', g.name, dim, g.plane.seed)
      : t('Your generator: {0} (latent size {1}).', g.name, dim)));
    planeButton.hidden = dim <= 2;
    jump.hidden = true;
    status.textContent = t('z₁ and z₂ run from −{0} to {0}; useful points of a generator trained on N(0, I) lie within about ±3.', RANGE);
  }

  async function setPlane(g: Learner, seed: number): Promise<void> {
    g.plane = latentPlane(g.layout.latentDim, seed);
    g.sheet = undefined;
    showLearnerText(g);
    element.dataset.sheet = 'pending';
    drawMap();
    changed();
    interpolate.push();
    try {
      const pts: Point[] = [];
      for (let row = 0; row < GRID; row++) {
        for (let col = 0; col < GRID; col++) {
          const [x, y] = fromMap(((col + 0.5) / GRID) * MAP, ((row + 0.5) / GRID) * MAP);
          pts.push([x, y]);
        }
      }
      const pixels = await decodeWith(g, pts);
      if (learner !== g || g.plane.seed !== seed) return;
      g.sheet = drawSheet(pixels);
      element.dataset.sheet = String(seed);
      drawMap();
    } catch (e) {
      setSource('error', t('{0} could not draw its map: {1}', g.name, describeError(e)));
    }
  }

  function drawSheet(pixels: Float32Array): HTMLCanvasElement {
    const side = 28;
    const sheet = document.createElement('canvas');
    sheet.width = GRID * side;
    sheet.height = GRID * side;
    const sctx = sheet.getContext('2d')!;
    const colours = themeColours();
    const cell = document.createElement('canvas');
    for (let i = 0; i < GRID * GRID; i++) {
      drawDigit(cell, pixels.subarray(i * 784, (i + 1) * 784), colours);
      sctx.drawImage(cell, (i % GRID) * side, Math.floor(i / GRID) * side);
    }
    return sheet;
  }

  async function useBuiltIn(): Promise<void> {
    generation++;
    const old = learner;
    learner = undefined;
    if (old) void old.session.release().catch(() => undefined);
    delete element.dataset.sheet;
    a = latents ? ([...latents.centroids[1]] as Point) : [-2.5, 0];
    b = latents ? ([...latents.centroids[0]] as Point) : [2, 1.6];
    showBuiltInText();
    drawMap();
    changed();
    interpolate.push();
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
    if (learner?.sheet) {
      mapCtx.imageSmoothingEnabled = false;
      mapCtx.globalAlpha = 0.8;
      mapCtx.drawImage(learner.sheet, 0, 0, MAP, MAP);
      mapCtx.globalAlpha = 1;
    } else if (latents && !learner) {
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
      status.textContent = t('{0} held-out digits, coloured by their label. Click or drag to move the point.', latents.labels.length.toLocaleString('en'));
      drawMap();
      interpolate.push();
    } catch (e) {
      status.textContent = t('The map of held-out digits could not be loaded: {0}', describeError(e));

    }
  }

  let started = false;
  return {
    id: 'latent',
    element,
    shown: () => { if (!started) { started = true; void start(); } },
    themeChanged: () => {
      if (!started) return;
      if (learner) { void setPlane(learner, learner.plane.seed); return; }
      drawMap(); changed(); interpolate.push();
    },
  };
}

function clamp(v: number): number {
  return Math.max(-RANGE, Math.min(RANGE, v));
}
