// Entry of the ML demo gallery webview: start onnxruntime-web before anything else, start creating
// the bundled models' sessions, build the tabs, say `ready`, and route what the host sends.
import { DEMO_IDS, DEMO_TITLES, asGalleryState, isDemoId, type DemoId } from '../../src/shared/demoProtocol';
import { createSession, float32, onRuntimeProgress, run, runtimeProgress, runtimeTimes, scorable, startRuntime, type Session, type Tensor } from '../inference/ort';
import { describeLoading } from '../inference/loading';
import { measureSpeed } from '../inference/speed';
import { button, registerComponents, spinner } from '../ui/toolkit';
import { anomalyDemo } from './anomaly/anomalyDemo';
import { type Demo, type DemoContext } from './demo';
import { drawDemo } from './digits/drawDemo';
import { el, ms, onThemeChange, testId } from './dom';
import { HostChannel } from './host';
import { t } from '../l10n';
import { latentDemo } from './latent/latentDemo';
import { ModelStore, Timings } from './models';
import { optimDemo } from './optim/optimDemo';
import { textDemo } from './text/textDemo';
import { yoursDemo } from './yours/yoursDemo';
import { describeError } from '../../src/shared/errors';

// onnxruntime-web imports its glue from a URL and calls that module's default export: this module
// is that URL, and its default export the glue with the hook that hands over the wasm compiled
// while it downloaded (webview/inference/ort.ts).
export { ortGlue as default } from '../inference/ort';

// The runtime first (its download began with the page's preload), before the page is built.
const scriptStartMs = performance.now();
startRuntime(document.body.dataset.ortBase ?? './', import.meta.url, Number(document.body.dataset.ortWasmBytes) || undefined);
registerComponents();
const root = document.getElementById('demos')!;
const host = new HostChannel();
const timings = new Timings(testId(el('div', 'timings'), 'timings'));
timings.element.id = 'timings';
timings.record('scriptStartMs', scriptStartMs);
const models = new ModelStore(document.body.dataset.mediaBase ?? './', timings);
// Sessions first, in the order the demos are most likely to need them (the first, FIRST_MODEL in
// src/shared/inference/runtimeFiles.ts, is preloaded by the page with the runtime); the 1.5 MB of
// held-out digits only after them, so that they do not compete with the wasm and model downloads.
models.preload(['mnist-mlp', 'mnist-cnn', 'spam-bow', 'sensor-ae', 'mnist-vae-decoder']);
void models.settled().then(() => models.heldout()).catch(() => undefined);

const ctx: DemoContext = { models, host };
const yours = yoursDemo(ctx);
const demos: Record<DemoId, Demo> = {
  draw: drawDemo(ctx),
  yours,
  text: textDemo(ctx),
  anomaly: anomalyDemo(ctx),
  optim: optimDemo(),
  latent: latentDemo(ctx),
};

// ── Shell: header, tabs, one panel per demo, the speed section ─────────────
const header = el('header', 'gallery-header');
const titles = el('div');
titles.append(el('h1', undefined, t('ML Demos')), el('p', 'caption', t('Every model runs here in the panel with onnxruntime-web (WebAssembly, one thread), offline.')));
const modelStatus = testId(el('div', 'model-status'), 'model-status');
header.append(titles, modelStatus);
const tabs = el('nav', 'tabs');
tabs.setAttribute('role', 'tablist');
const panels = el('div', 'panels');
const tabButtons = new Map<DemoId, HTMLButtonElement>();
for (const id of DEMO_IDS) {
  const tab = testId(el('button', 'tab', DEMO_TITLES[id]), `tab-${id}`);
  tab.setAttribute('role', 'tab');
  tab.id = `tab-${id}`;
  tab.setAttribute('aria-controls', `panel-${id}`);
  tab.addEventListener('click', () => show(id));
  tab.addEventListener('keydown', (e) => {
    const i = DEMO_IDS.indexOf(id);
    const next = e.key === 'ArrowRight' ? DEMO_IDS[(i + 1) % DEMO_IDS.length] : e.key === 'ArrowLeft' ? DEMO_IDS[(i + DEMO_IDS.length - 1) % DEMO_IDS.length] : undefined;
    if (next) { show(next); tabButtons.get(next)!.focus(); }
  });
  tabs.append(tab);
  tabButtons.set(id, tab);
  const panel = demos[id].element;
  panel.id = `panel-${id}`;
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', `tab-${id}`);
  panel.hidden = true;
  panels.append(panel);
}
root.replaceChildren(header, tabs, panels, speedSection(), timings.element);

let current: DemoId | undefined;
/** Each tab's own scroll position, so coming back to a demo finds it where the learner left it. */
const scrollOf = new Map<DemoId, number>();

function show(id: DemoId): void {
  if (current === id) return;
  if (current) scrollOf.set(current, window.scrollY);
  current = id;
  for (const d of DEMO_IDS) {
    const on = d === id;
    demos[d].element.hidden = !on;
    tabButtons.get(d)!.setAttribute('aria-selected', String(on));
    tabButtons.get(d)!.tabIndex = on ? 0 : -1;
  }
  document.body.dataset.demo = id;
  host.saveState({ demo: id });
  host.send({ type: 'shown', demo: id });
  demos[id].shown?.();
  window.scrollTo({ top: scrollOf.get(id) ?? 0, behavior: 'instant' });
  document.body.dataset.scrolledTo = String(Math.round(window.scrollY));
}

// The header's progress: what is loading (the runtime's download, its compiling, model N of M),
// a bar for how far along, until every model is ready; then how long the first session took.
const progressText = testId(el('span', 'loading-text'), 'loading-text');
const progressTrack = testId(el('div', 'gauge-track'), 'loading-bar');
const progressFill = el('div', 'gauge-fill');
progressTrack.append(progressFill);
progressTrack.setAttribute('role', 'progressbar');
progressTrack.setAttribute('aria-label', t('Loading the models'));
progressTrack.style.flex = '0 0 160px';
progressFill.style.background = 'var(--vscode-progressBar-background, var(--vscode-charts-blue))';
const progressSpinner = spinner();
let statusFrame = 0;

function renderModelStatus(): void {
  statusFrame = 0;
  const states = [...models.state.values()];
  const ready = states.filter((s) => s === 'ready').length;
  const failed = states.filter((s) => s === 'error').length;
  const runtime = runtimeProgress();
  const loading = [...models.state].find(([, state]) => state === 'loading')?.[0];
  const view = describeLoading(runtime, { ready, total: states.length, failed, loading });
  modelStatus.dataset.phase = runtime.phase;
  if (runtime.phase === 'error') modelStatus.replaceChildren(el('span', 'error-text', view.text));
  else if (failed) modelStatus.replaceChildren(el('span', 'error-text', failed > 1 ? t('{0} models failed to load', failed) : t('1 model failed to load')));
  else if (!view.done) {
    progressText.textContent = view.text;
    progressTrack.hidden = view.fraction === undefined;
    if (view.fraction !== undefined) {
      progressFill.style.width = `${(view.fraction * 100).toFixed(1)}%`;
      progressTrack.setAttribute('aria-valuenow', String(Math.round(view.fraction * 100)));
      modelStatus.dataset.fraction = view.fraction.toFixed(3);
    }
    if (modelStatus.firstChild !== progressSpinner) modelStatus.replaceChildren(progressSpinner, progressTrack, progressText);
  } else {
    modelStatus.replaceChildren(el('span', 'caption', t('{0} models ready · first session {1}', ready, ms(timings.get('sessionFirstMs')))));
  }
  document.body.dataset.modelsReady = String(states.length > 0 && ready === states.length);
  document.body.dataset.modelsFailed = String(failed);
}
/** Renders at the next frame, once, however many changes came in between (the download reports often). */
function scheduleModelStatus(): void {
  statusFrame ||= requestAnimationFrame(renderModelStatus);
}
models.onStateChange(renderModelStatus);
onRuntimeProgress(scheduleModelStatus);
renderModelStatus();

/** "Speed of this panel": times the bundled MLP the way the benchmark's plain page does. */
function speedSection(): HTMLElement {
  const details = testId(el('details', 'speed'), 'speed');
  const summary = el('summary', undefined, t('Speed of onnxruntime-web in this panel'));
  const out = testId(el('div', 'speed-result'), 'speed-result');
  const go = button(t('Measure'), {
    appearance: 'secondary', testId: 'measure-speed', onClick: () => void measure(),
  });
  details.append(summary, el('p', 'caption',
    t('Times the bundled MLP: creating another session, one digit (500 runs: the median of 10 blocks of 50), a batch of 1,000 digits (median of 10) and scoring the 2,000 held-out digits (median of 5), each after a warm-up; and, to compare, this panel without onnxruntime. Takes a few seconds.')), go, out);
  // speed.ts names its steps in English (the benchmark's plain page runs it too).
  const stepText: Record<string, string> = { 'page floors': t('the panel without onnxruntime'), session: t('session'), 'one digit': t('one digit'), 'batch of 1,000': t('batch of 1,000'), 'scoring 2,000 digits': t('scoring 2,000 digits') };
  async function measure(): Promise<void> {

    go.setAttribute('disabled', '');
    out.dataset.state = 'running';
    out.replaceChildren(spinner(), el('span', undefined, t(' Measuring…')));
    try {
      const [session, bytes, heldout] = await Promise.all([models.session('mnist-mlp'), models.fetchBytes('models/mnist-mlp.onnx'), models.heldout()]);
      const r = await measureSpeed<Session, Tensor>({
        createSession: async (b) => (await createSession(b)).session,
        release: (s) => s.release(),
        tensor: float32,
        run: (s, feeds) => run(s, feeds),
        scorable,
      }, session, bytes, heldout, { onStep: (what) => { out.lastElementChild!.textContent = t(' Measuring: {0}…', stepText[what] ?? what); } });
      timings.record('roundTripMs', r.roundTripMs);
      timings.record('wasmLoopMs', r.wasmLoopMs);
      timings.record('sessionLaterMs', r.sessionLaterMs);
      timings.record('oneDigitMs', r.oneDigitMs);
      timings.record('batch1000Ms', r.batch1000Ms);
      timings.record('score2000Ms', r.score2000Ms);
      const table = el('table', 'stats');
      for (const [k, v] of [
        [t('first session, from the panel\'s start (includes loading the runtime)'), timings.get('sessionFirstMs')],
        [t('… of which downloading and inflating the runtime'), runtimeTimes().downloadMs],
        [t('another session'), r.sessionLaterMs], [t('one digit'), r.oneDigitMs], [t('1,000 digits in one batch'), r.batch1000Ms],
        [t('scoring 2,000 held-out digits'), r.score2000Ms],
        [t('without onnxruntime: an empty round trip through the event loop'), r.roundTripMs],
        [t('without onnxruntime: a fixed WebAssembly loop'), r.wasmLoopMs],
      ] as const) {
        const tr = el('tr');
        tr.append(el('td', undefined, k), el('td', 'num', ms(v)));
        table.append(tr);
      }
      out.replaceChildren(table);
      out.dataset.state = 'done';
    } catch (e) {
      out.replaceChildren(el('span', 'error-text', t('Could not measure: {0}', describeError(e))));
      out.dataset.state = 'error';
    } finally {
      go.removeAttribute('disabled');
    }
  }
  return details;
}

host.onMessage((m) => {
  switch (m.type) {
    case 'init':
      show(m.demo ?? asGalleryState(host.savedState)?.demo ?? current ?? 'draw');
      document.body.dataset.ready = 'true';
      break;
    case 'show':
      if (isDemoId(m.demo)) show(m.demo);
      break;
    case 'model':
    case 'modelError':
      show('yours');
      yours.receive(m);
      break;
    case 'models':
    case 'modelCancelled':
      yours.receive(m);
      break;
    default: {
      const never: never = m;
      void never;
    }
  }
});

onThemeChange(() => {
  for (const d of Object.values(demos)) d.themeChanged?.();
});

// Paint the last tab at once after a reload, before the host answers.
const saved = asGalleryState(host.savedState);
if (saved) show(saved.demo);
host.send({ type: 'ready' });
