// Demo 4, "Anomaly detection": the autoencoder's reconstruction error over six hours of readings
// from two sensors it never saw in training, a movable threshold, and precision / recall of the
// flagged windows against the labelled events.
import { float32, floats, run } from '../../inference/ort';
import { button, spinner } from '../../ui/toolkit';
import { t } from '../../l10n';
import { drawChart, runsOf } from '../chart';
import { type Demo, type DemoContext } from '../demo';
import { el, pct, slider, testId, themeColours } from '../dom';
import { detectionAt, parseSensorFile, positionOf, slidingWindows, thresholdAt, type Mote, type SensorFile } from './sensor';
import { describeError } from '../../../src/shared/errors';

interface Scored {
  readonly mote: Mote;
  readonly scores: Float32Array;
  readonly labels: Uint8Array;
}

const SLIDER_STEPS = 1000;

export function anomalyDemo(ctx: DemoContext): Demo {
  const element = el('div', 'demo demo-anomaly');
  const intro = el('p', 'intro',
    t('Two wireless sensors logged humidity and temperature every 5 seconds for six to seven hours; during the orange stretch someone disturbed them on purpose. An autoencoder trained only on two other, undisturbed sensors rebuilds each window of 8 readings; the worse it rebuilds one (its reconstruction error), the more unusual the window. Move the threshold: windows above it are flagged.'),
  );
  const body = el('div', 'anomaly-body');
  body.append(spinner(), el('span', undefined, t(' Scoring the sensor windows…')));
  element.append(intro, body);

  let data: SensorFile | undefined;
  let scored: Scored[] = [];
  let moteIndex = 0;
  let threshold = 0;
  let min = 1e-4, max = 1;
  const charts = el('div', 'charts');
  const humidityChart = testId(el('canvas'), 'chart-humidity');
  const temperatureChart = testId(el('canvas'), 'chart-temperature');
  const scoreChart = testId(el('canvas'), 'chart-score');
  charts.append(humidityChart, temperatureChart, scoreChart);
  const stats = testId(el('table', 'stats'), 'anomaly-stats');
  const moteButtons = el('div', 'segmented');
  const thresholdSlider = slider({
    label: t('Threshold'), min: 0, max: SLIDER_STEPS, step: 1, value: 0, testId: 'threshold',
    format: () => threshold.toPrecision(3),
    onInput: (v) => { threshold = thresholdAt(v / SLIDER_STEPS, min, max); update(); },
  });
  const presets = el('div', 'actions');

  async function start(): Promise<void> {
    try {
      data = parseSensorFile(await ctx.models.fetchJson('data/sensor-heldout.json'));
      const session = await ctx.models.session('sensor-ae');
      scored = [];
      for (const mote of data.motes) {
        const w = slidingWindows(mote, data.window);
        const out = await run(session, { [session.inputNames[0]]: float32(w.inputs, [w.count, 2 * data.window]) });
        const name = session.outputNames.includes('score') ? 'score' : session.outputNames[0];
        scored.push({ mote, scores: floats(out[name], 'score'), labels: w.labels });
      }
    } catch (e) {
      body.replaceChildren(el('div', 'notice error', t('The anomaly demo could not start: {0}', describeError(e))));
      return;
    }
    let lo = Infinity, hi = 0;
    for (const s of scored) for (const v of s.scores) { if (v > 0 && v < lo) lo = v; if (v > hi) hi = v; }
    min = Math.max(lo, 1e-6);
    max = hi;
    threshold = data.thresholds.strict;
    thresholdSlider.set(Math.round(positionOf(threshold, min, max) * SLIDER_STEPS));
    scored.forEach((s, i) => {
      moteButtons.append(button(s.mote.indoor ? t('Mote {0} · indoor', s.mote.id) : t('Mote {0} · outdoor', s.mote.id), {
        appearance: i === moteIndex ? 'primary' : 'secondary', testId: `mote-${s.mote.id}`,
        onClick: () => { moteIndex = i; markMote(); update(); },
      }));
    });
    const thresholds = data.thresholds;
    presets.append(
      el('span', 'caption', t('Presets from the training sensors:')),
      button(t('Sensitive · {0}', thresholds.sensitive.toPrecision(3)), { appearance: 'secondary', testId: 'preset-sensitive', title: t('99.5th percentile of the training windows\' errors'), onClick: () => setThreshold(thresholds.sensitive) }),
      button(t('Strict · {0}', thresholds.strict.toPrecision(3)), { appearance: 'secondary', testId: 'preset-strict', title: t('The largest training-window error'), onClick: () => setThreshold(thresholds.strict) }),
    );
    const controls = el('div', 'anomaly-controls');
    controls.append(moteButtons, thresholdSlider.root, presets);
    body.replaceChildren(controls, stats, charts, el('p', 'caption',
      t('Data: Suthaharan et al. (2010), labelled wireless sensor network data, CC BY 4.0. A window counts as an event when any of its 8 readings is labelled. Precision: the share of flagged windows that are events; recall: the share of events that were flagged.')));
    update();
  }

  function setThreshold(v: number): void {
    threshold = v;
    thresholdSlider.set(Math.round(positionOf(v, min, max) * SLIDER_STEPS));
    update();
  }

  function markMote(): void {
    [...moteButtons.children].forEach((b, i) => b.setAttribute('appearance', i === moteIndex ? 'primary' : 'secondary'));
  }

  function update(): void {
    if (!data || scored.length === 0) return;
    element.dataset.threshold = String(threshold);
    renderStats();
    renderCharts();
  }

  function renderStats(): void {
    const rows: { name: string; scores: ArrayLike<number>; labels: ArrayLike<number> }[] = scored.map((s) => ({
      name: s.mote.indoor ? t('Mote {0} (indoor)', s.mote.id) : t('Mote {0} (outdoor)', s.mote.id), scores: s.scores, labels: s.labels,
    }));
    const allScores = new Float32Array(scored.reduce((n, s) => n + s.scores.length, 0));
    const allLabels = new Uint8Array(allScores.length);
    let at = 0;
    for (const s of scored) { allScores.set(s.scores, at); allLabels.set(s.labels, at); at += s.scores.length; }
    rows.push({ name: t('Both sensors'), scores: allScores, labels: allLabels });
    const head = el('tr');
    for (const h of ['', t('windows'), t('events'), t('flagged'), t('true alarms'), t('false alarms'), t('missed'), t('precision'), t('recall'), t('F1')]) head.append(el('th', undefined, h));
    stats.replaceChildren(head);
    for (const r of rows) {
      const d = detectionAt(r.scores, r.labels, threshold);
      const tr = el('tr');
      tr.dataset.precision = String(d.precision ?? '');
      tr.dataset.recall = String(d.recall ?? '');
      for (const v of [r.name, r.scores.length.toLocaleString('en'), (d.tp + d.fn).toLocaleString('en'), (d.tp + d.fp).toLocaleString('en'),
        d.tp.toLocaleString('en'), d.fp.toLocaleString('en'), d.fn.toLocaleString('en'), pct(d.precision), pct(d.recall), pct(d.f1)]) tr.append(el('td', undefined, v));
      stats.append(tr);
    }
  }

  function renderCharts(): void {
    const s = scored[moteIndex];
    if (!s || !data) return;
    const c = themeColours();
    const m = s.mote;
    const n = m.humidity.length;
    const bands = runsOf(n, (i) => m.labels.charCodeAt(i) === 49);
    const perHour = 3600 / data.secondsPerReading;
    const width = Math.max(480, Math.min(1100, Math.floor(element.clientWidth || 860) - 4));
    const common = { width, length: n, bands, xTick: (i: number) => t('{0} h', (i / perHour).toFixed(0)), xTickEvery: perHour };
    drawChart(humidityChart, { ...common, height: 96, title: t('Humidity (%) · mote {0}', m.id), series: [{ values: m.humidity, colour: c.blue }] });
    drawChart(temperatureChart, { ...common, height: 96, title: t('Temperature (°C) · mote {0}', m.id), series: [{ values: m.temperature, colour: c.green }] });
    drawChart(scoreChart, {
      ...common, height: 170, log: true,
      title: t('Reconstruction error (log scale), plotted at each window\'s last reading'),

      series: [{ values: s.scores, xOffset: data.window - 1, colour: c.muted }],
      threshold: { value: threshold, colour: c.red },
    });
  }

  let resize = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = window.setTimeout(() => { if (!element.hidden) renderCharts(); }, 150);
  });

  let started = false;
  return {
    id: 'anomaly',
    element,
    shown: () => { if (!started) { started = true; void start(); } else renderCharts(); },
    themeChanged: () => renderCharts(),
  };
}
