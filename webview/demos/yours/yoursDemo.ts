// Demo 2, "Your model": the learner's own exported digit classifier, scored on the 2,000 held-out
// digits (accuracy, confusion matrix, its most confident mistakes), then drawn against. The host
// finds and reads the .onnx files; everything else happens here. A model that does not load, has
// the wrong shape or fails to run only ever produces a message: the panel keeps working.
// Long on purpose: loading, scoring and drawing against one learner model share its session and
// its failure states; each step is a function of its own below.
import { detectModelLayout, type InputLayout } from '../../../src/shared/inference/layout';
import { mnistImage, type MnistSet } from '../../../src/shared/inference/mnistData';
import { ScoreError, scoreModel, softmax, type ScoreResult } from '../../../src/shared/inference/score';
import { checkModelBytes, formatBytes } from '../../../src/shared/inference/validate';
import type { DemoHostToWebview, WorkspaceModel } from '../../../src/shared/demoProtocol';
import { SessionError, createSession, float32, floats, run, scorable, type Session } from '../../inference/ort';
import { button, spinner } from '../../ui/toolkit';
import { t } from '../../l10n';
import { Latest, type Demo, type DemoContext } from '../demo';
import { drawDigit, el, pct, testId, themeColours } from '../dom';
import { ProbabilityBars } from '../digits/bars';
import { DrawPad } from '../digits/pad';
import { describeError } from '../../../src/shared/errors';

type Status = 'idle' | 'loading' | 'scoring' | 'done' | 'error';

interface Loaded {
  readonly name: string;
  readonly session: Session;
  /** False for a bundled model: its session belongs to the gallery and is never released here. */
  readonly owned: boolean;
  readonly layout: InputLayout;
  result?: ScoreResult;
}

export function yoursDemo(ctx: DemoContext): Demo & { receive(m: DemoHostToWebview): void } {
  const element = el('div', 'demo demo-yours');
  const intro = el('p', 'intro',
    t('Score your own digit classifier on 2,000 held-out MNIST digits it has never seen. Export it to ONNX with one float32 input shaped [N,784], [N,28,28] or [N,1,28,28] (pixels in [0, 1], 0 = background) and 10 outputs per digit (logits or probabilities), save it in this workspace, and pick it below.'),
  );

  // ── Choosing a model ────────────────────────────────────────────────────
  const list = testId(el('ul', 'model-list'), 'workspace-models');
  const pickRow = el('div', 'actions');
  pickRow.append(
    button(t('Choose a file…'), { testId: 'pick-model', onClick: () => void pick() }),
    button(t('Refresh list'), { appearance: 'secondary', testId: 'refresh-models', onClick: () => void refresh() }),
    button(t('Try the bundled MLP'), { appearance: 'secondary', testId: 'try-mlp', onClick: () => void tryBundled('mnist-mlp') }),
    button(t('Try the bundled CNN'), { appearance: 'secondary', testId: 'try-cnn', onClick: () => void tryBundled('mnist-cnn') }),
  );
  const chooser = el('section', 'card');
  chooser.append(el('h3', undefined, t('Models in this workspace')), list, pickRow);

  // ── Status and results ──────────────────────────────────────────────────
  const status = testId(el('div', 'status-line'), 'yours-status');
  const results = testId(el('div', 'results'), 'yours-results');
  const tryIt = el('section', 'card try-it');
  tryIt.hidden = true;
  const bars = new ProbabilityBars('yours-bars', t('Your model'), '');
  const predict = new Latest<Float32Array | undefined>(async (pixels) => {
    const model = current;
    if (!model || !pixels) { bars.set(null); return; }
    try {
      bars.set(await classify(model, pixels));
    } catch (e) {
      bars.set(null, t('Your model could not run on this drawing: {0}', describeError(e)));
    }
  });
  const pad = new DrawPad('yours', (d) => predict.push(d?.pixels));
  const tryLayout = el('div', 'draw-layout');
  tryLayout.append(pad.element, bars.element);
  tryIt.append(el('h3', undefined, t('Draw against your model')), tryLayout);

  element.append(intro, chooser, status, results, tryIt);

  let current: Loaded | undefined;
  let generation = 0;
  setStatus('idle', t('No model scored yet.'));

  function setStatus(state: Status, text: string, busy = false): void {
    status.dataset.state = state;
    status.className = `status-line ${state}`;
    status.replaceChildren(...(busy ? [spinner()] : []), el('span', undefined, text));
  }

  function showModels(models: readonly WorkspaceModel[]): void {
    list.replaceChildren();
    if (models.length === 0) {
      list.append(el('li', 'caption', t('No .onnx files in this workspace yet. Export one (torch.onnx.export) or choose a file.')));
      return;
    }
    for (const m of models) {
      const li = el('li');
      li.dataset.label = m.label;
      li.append(
        el('span', 'model-name', m.label),
        el('span', 'caption', m.size >= 0 ? formatBytes(m.size) : ''),
        button(t('Score'), { testId: 'score-model', title: t('Score {0}', m.label), onClick: () => void load(m) }),
      );
      list.append(li);
    }
  }

  async function refresh(): Promise<void> {
    const reply = await ctx.host.request((requestId) => ({ type: 'listModels', requestId }));
    if (reply.type === 'models') showModels(reply.models);
  }

  async function load(m: WorkspaceModel): Promise<void> {
    generation++;
    results.replaceChildren();
    void release();
    setStatus('loading', t('Reading {0}…', m.label), true);
    const reply = await ctx.host.request((requestId) => ({ type: 'loadModel', requestId, id: m.id }));
    receive(reply);
  }

  async function pick(): Promise<void> {
    const reply = await ctx.host.request((requestId) => ({ type: 'pickModel', requestId }));
    receive(reply);
  }

  /** Scores a bundled model through the gallery's own session for it (no second session). */
  async function tryBundled(name: 'mnist-mlp' | 'mnist-cnn'): Promise<void> {
    const mine = ++generation;
    results.replaceChildren();
    await release();
    setStatus('loading', t('Loading the bundled {0}…', name), true);
    let session: Session;
    try {
      session = await ctx.models.session(name);
    } catch (e) {
      fail(t('The bundled {0} could not be loaded: {1}', name, describeError(e)));
      return;
    }
    if (mine === generation) await scoreSession(t('{0}.onnx (bundled)', name), session, false, mine);
  }

  function receive(m: DemoHostToWebview): void {
    switch (m.type) {
      case 'models': showModels(m.models); break;
      case 'model': void score(m.name, m.bytes); break;
      case 'modelError':
        // Whatever was shown belonged to the previous model.
        generation++;
        results.replaceChildren();
        void release();
        fail(m.name ? `${m.name}: ${m.reason}` : m.reason);
        break;
      case 'modelCancelled': if (!current) setStatus('idle', t('No model chosen.')); break;
      default: break;
    }
  }

  function fail(reason: string): void {
    setStatus('error', reason);
  }

  async function release(): Promise<void> {
    const old = current;
    current = undefined;
    tryIt.hidden = true;
    bars.set(null);
    if (old?.owned) {
      try { await old.session.release(); } catch { /* already gone */ }
    }
  }

  /** Checks, loads and scores a model; every failure ends as a message. */
  async function score(name: string, bytes: Uint8Array): Promise<void> {
    const mine = ++generation;
    const stale = (): boolean => mine !== generation;
    results.replaceChildren();
    await release();
    const checked = checkModelBytes(bytes);
    if (!checked.ok) { fail(`${name}: ${checked.reason}`); return; }
    setStatus('loading', t('Loading {0} ({1})…', name, formatBytes(bytes.length)), true);
    let session: Session;
    try {
      session = (await createSession(bytes)).session;
    } catch (e) {
      fail(t('{0} could not be loaded: {1}', name, e instanceof SessionError ? e.message : describeError(e)));
      return;
    }
    if (stale()) { void session.release(); return; }
    await scoreSession(name, session, true, mine);
  }

  /** Checks the session's shape, scores it and shows the results (or why not). */
  async function scoreSession(name: string, session: Session, owned: boolean, mine: number): Promise<void> {
    const stale = (): boolean => mine !== generation;
    const layout = detectModelLayout(session.inputMetadata, session.outputMetadata);
    if (!layout.ok) {
      fail(t('{0} does not fit: {1}', name, layout.reason));
      if (owned) void session.release().catch(() => undefined);
      return;
    }
    const loaded: Loaded = { name, session, layout: layout.layout, owned };
    current = loaded;
    let heldout: MnistSet;
    try {
      heldout = await ctx.models.heldout();
    } catch (e) {
      fail(t('The held-out digits could not be loaded: {0}', describeError(e)));
      return;
    }
    setStatus('scoring', t('Scoring {0} on {1} held-out digits…', name, heldout.count.toLocaleString('en')), true);
    try {
      const t0 = performance.now();
      loaded.result = await scoreModel(scorable(session), heldout, {
        createTensor: float32,
        layout: loaded.layout,
        worstCount: 12,
        isCancelled: stale,
        onProgress: (done, total) => {
          if (!stale()) setStatus('scoring', t('Scoring {0}: {1} / {2} digits…', name, done.toLocaleString('en'), total.toLocaleString('en')), true);
        },
      });
      if (stale()) return;
      const ms = performance.now() - t0;
      setStatus('done', t('{0}: {1} of {2} held-out digits right, in {3} ms.', name, pct(loaded.result.accuracy, 2), heldout.count.toLocaleString('en'), Math.round(ms)));
      results.replaceChildren(...renderResult(loaded.result, heldout, loaded.layout));
      bars.element.querySelector('h3')!.textContent = name;
      bars.element.querySelector('.caption')!.textContent = t('{0} on held-out digits', pct(loaded.result.accuracy, 2));
      tryIt.hidden = false;
      predict.push(pad.digit?.pixels);
    } catch (e) {
      if (stale()) return;
      fail(e instanceof ScoreError ? t('{0} could not be scored: {1}', name, e.message) : t('{0} failed while scoring: {1}', name, describeError(e)));
    }
  }

  async function classify(model: Loaded, pixels: Float32Array): Promise<number[]> {
    const batch = model.layout.fixedBatch ?? 1;
    const input = new Float32Array(batch * 784);
    input.set(pixels);
    const out = await run(model.session, { [model.session.inputNames[0]]: float32(input, model.layout.dims(batch)) });
    const values = floats(out[model.session.outputNames[0]], `"${model.session.outputNames[0]}"`);
    if (values.length < 10 * batch) throw new Error(t('it gave {0} values for {1} digit(s), expected 10 per digit', values.length, batch));
    const row = Array.from(values.subarray(0, 10));
    return model.result?.outputKind === 'probabilities' ? row : softmax(row);
  }

  void refresh();
  return {
    id: 'yours',
    element,
    receive,
    themeChanged: () => {
      pad.redraw();
      if (current?.result) void ctx.models.heldout().then((h) => results.replaceChildren(...renderResult(current!.result!, h, current!.layout)));
    },
  };
}

function renderResult(r: ScoreResult, heldout: MnistSet, layout: InputLayout): HTMLElement[] {
  const summary = el('section', 'card score-summary');
  const big = testId(el('div', 'big-number', pct(r.accuracy, 2)), 'accuracy');
  big.dataset.accuracy = String(r.accuracy);
  const facts = el('ul', 'facts');
  for (const f of [
    t('{0} of {1} digits right', r.correct.toLocaleString('en'), r.count.toLocaleString('en')),
    r.fixedBatch ? t('input {0} (fixed batch of {1})', layout.name, r.fixedBatch) : t('input {0}', layout.name),
    r.outputKind === 'probabilities' ? t('outputs read as probabilities') : t('outputs read as logits (softmax applied)'),
    r.runs === 1 ? t('1 run, {0} ms inside onnxruntime', Math.round(r.runMs)) : t('{0} runs, {1} ms inside onnxruntime', r.runs, Math.round(r.runMs)),
  ]) facts.append(el('li', undefined, f));
  summary.append(el('h3', undefined, t('Held-out accuracy')), big, facts);

  const matrix = el('section', 'card');
  matrix.append(el('h3', undefined, t('Confusion matrix')), el('p', 'caption', t('Rows: the true digit. Columns: what the model said. The diagonal is right.')), confusionTable(r));

  const perClass = el('section', 'card');
  perClass.append(el('h3', undefined, t('Accuracy per digit')));
  const pc = el('div', 'per-class');
  // The bars start at a floor below the worst digit, so that differences of a few points show.
  const known = r.perClassAccuracy.filter((a): a is number => a !== null);
  const floor = Math.max(0, Math.min(0.8, Math.floor(((known.length ? Math.min(...known) : 0) - 0.05) * 10) / 10));
  r.perClassAccuracy.forEach((a, d) => {
    const cell = el('div', 'per-class-cell');
    const track = el('div', 'mini-track');
    const fill = el('div', 'mini-fill');
    fill.style.height = `${Math.max(0, ((a ?? 0) - floor) / (1 - floor)) * 100}%`;
    track.append(fill);
    cell.append(track, el('span', 'digit-label', String(d)), el('span', 'caption', a === null ? '—' : pct(a, 0)));
    pc.append(cell);
  });
  perClass.append(pc, el('p', 'caption per-class-axis', floor > 0 ? t('Bars run from {0} to 100 %.', pct(floor, 0)) : t('Bars run from 0 to 100 %.')));

  const worst = el('section', 'card');
  worst.append(el('h3', undefined, t('Most confident mistakes')));
  if (r.worst.length === 0) worst.append(el('p', 'caption', t('None: every held-out digit was right.')));
  const grid = testId(el('div', 'mistakes'), 'mistakes');
  const colours = themeColours();
  for (const m of r.worst) {
    const fig = el('figure', 'mistake');
    const c = el('canvas', 'digit-small');
    drawDigit(c, mnistImage(heldout, m.index), colours);
    const cap = el('figcaption');
    cap.append(el('strong', undefined, `${m.label} → ${m.predicted}`), el('span', 'caption', ` ${pct(m.confidence, 0)}`));
    fig.title = t('Held-out digit #{0}: labelled {1}, the model said {2} with {3} confidence', m.index, m.label, m.predicted, pct(m.confidence, 1));
    fig.append(c, cap);
    grid.append(fig);
  }
  worst.append(grid);
  const row = el('div', 'results-grid');
  row.append(summary, perClass);
  return [row, matrix, worst];
}

function confusionTable(r: ScoreResult): HTMLTableElement {
  const table = testId(el('table', 'confusion'), 'confusion');
  const head = el('tr');
  head.append(el('th', 'corner', t('true \\ said')));
  for (let d = 0; d < 10; d++) head.append(el('th', undefined, String(d)));
  table.append(head);
  for (let truth = 0; truth < 10; truth++) {
    const tr = el('tr');
    tr.append(el('th', undefined, String(truth)));
    const total = r.perClassCount[truth] || 1;
    for (let p = 0; p < 10; p++) {
      const n = r.confusion[truth][p];
      const td = el('td', truth === p ? 'diag' : n > 0 ? 'off' : 'zero', n ? String(n) : '');
      td.style.setProperty('--share', String(n / total));
      td.title = n === 1 ? t('1 digit labelled {0} classified as {1}', truth, p) : t('{0} digits labelled {1} classified as {2}', n, truth, p);

      tr.append(td);
    }
    table.append(tr);
  }
  return table;
}
