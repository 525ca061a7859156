// Demo 1, "Draw a digit": the learner draws, and the bundled MLP and CNN give their probabilities
// side by side, live, from the same MNIST-style preprocessing.
import { softmax } from '../../../src/shared/inference/score';
import type { BundledModel } from '../../../src/shared/demoProtocol';
import { float32, floats, onRuntimeProgress, run, runtimeProgress } from '../../inference/ort';
import { waitingFor } from '../../inference/loading';
import { button } from '../../ui/toolkit';
import { t } from '../../l10n';
import { Latest, type Demo, type DemoContext } from '../demo';
import { el } from '../dom';
import { ProbabilityBars } from './bars';
import { DrawPad, KEYBOARD_HELP } from './pad';
import type { Preprocessed } from './preprocess';
import { describeError } from '../../../src/shared/errors';

interface Classifier {
  readonly model: BundledModel;
  readonly dims: number[];
  readonly bars: ProbabilityBars;
}

export function drawDemo(ctx: DemoContext): Demo {
  const element = el('div', 'demo demo-draw');
  const intro = el('p', 'intro',
    t('Draw a digit from 0 to 9. It is cropped, scaled into a 20×20 box and centred by its centre of mass in a 28×28 field, like the MNIST digits both models learnt from; then each model scores it, here in the panel, offline.'),
  );
  const classifiers: Classifier[] = [
    { model: 'mnist-mlp', dims: [1, 784], bars: new ProbabilityBars('mnist-mlp', 'MLP 784-128-64-10', t('109k weights · 96.6 % on held-out digits')) },
    { model: 'mnist-cnn', dims: [1, 1, 28, 28], bars: new ProbabilityBars('mnist-cnn', t('Small CNN'), t('9k weights · 97.6 % on held-out digits')) },
  ];
  const predict = new Latest<Preprocessed | undefined>(async (digit) => {
    // Drawn before a model is ready: each says what it waits for (kept up to date as the runtime
    // arrives), then answers once it is; never an error for being early.
    const early = digit ? classifiers.filter((c) => ctx.models.state.get(c.model) !== 'ready') : [];
    const note = (): void => {
      for (const c of early) if (c.bars.element.dataset.waiting) c.bars.set(null, waitingFor(c.model, runtimeProgress()));
    };
    for (const c of early) {
      // (`waited` stays: the e2e test tells a drawing made before the runtime was ready by it.)
      c.bars.element.dataset.waiting = c.bars.element.dataset.waited = 'true';
    }
    note();
    const stop = early.length ? onRuntimeProgress(note) : () => undefined;
    try {
      for (const c of classifiers) {
        if (!digit) {
          c.bars.set(null);
          continue;
        }
        try {
          const session = await ctx.models.session(c.model);
          const out = await run(session, { [session.inputNames[0]]: float32(digit.pixels, c.dims) });
          delete c.bars.element.dataset.waiting;
          c.bars.set(softmax(floats(out[session.outputNames[0]], session.outputNames[0]).subarray(0, 10)));
        } catch (e) {
          delete c.bars.element.dataset.waiting;
          c.bars.set(null, t('This model could not run: {0}', describeError(e)));
        }
      }
    } finally {
      stop();
      for (const c of early) delete c.bars.element.dataset.waiting;
    }
  });
  const pad = new DrawPad('draw', (digit) => predict.push(digit));
  const models = el('div', 'bars-pair');
  for (const c of classifiers) {
    c.bars.element.append(button(t('Model card'), {
      appearance: 'secondary', title: t('Open {0}', `${c.model}.md`), testId: `model-card-${c.model}`,
      onClick: () => ctx.host.send({ type: 'openModelCard', model: c.model }),
    }));
    models.append(c.bars.element);
  }
  const layout = el('div', 'draw-layout');
  layout.append(pad.element, models);
  element.append(intro, layout, el('p', 'caption',
    t('Tip: MNIST digits are written large and centred with a thick pen; a "7" with a cross-bar or a "1" with a base can confuse models that rarely saw them.')), el('p', 'caption', KEYBOARD_HELP));
  return { id: 'draw', element, themeChanged: () => pad.redraw() };
}
