// Demo 3, "Text classifier": the spam probability of whatever the learner types, from the hashed
// bag-of-words model, and the words that drove it (leave-one-bucket-out, one batched run).
import type { Demo, DemoContext } from '../demo';
import { Latest } from '../demo';
import { float32, floats, run } from '../../inference/ort';
import { button } from '../../ui/toolkit';
import { t } from '../../l10n';
import { el, pct, testId } from '../dom';
import { SPAM_BUCKETS } from '../../../src/shared/inference/textHash';
import { ablationBatch, probabilityOf, spamLogOdds, textSpans, wordEffects, type WordEffect } from './explain';
import { describeError } from '../../../src/shared/errors';

const SAMPLES: Record<string, string> = {
  'Spam-like': 'Subject: You have been selected!\n\nDear friend, CONGRATULATIONS! You have been chosen to receive a FREE ' +
    'gift card. Click here now to claim your cash prize. This limited time offer expires today, order now and save 80%. ' +
    'To be removed from our mailing list reply with REMOVE.',
  Ordinary: 'Subject: Re: notes from Tuesday\n\nHi Sam, thanks for sending the slides. I had a look at the second ' +
    'section and I think the chart about the test results needs a label on the axis. Could we meet on Thursday after ' +
    'lunch to go through the rest? Cheers, Alex',
  Mixed: 'Subject: project update\n\nHi all, the build is fixed and the release is planned for Friday. ' +
    'Click here to get your free tickets for the team party!',
};
const MAX_ABLATIONS = 400;
const DEBOUNCE_MS = 150;

export function textDemo(ctx: DemoContext): Demo {
  const element = el('div', 'demo demo-text');
  const intro = el('p', 'intro',
    t('Type or paste an e-mail (a "Subject:" line, a blank line, then the text). The model hashes each word into one of 4,096 buckets and looks only at which buckets are present. To see which words mattered, each bucket is switched off in turn and the message scored again: a word\'s effect is how much the model\'s spam score (its log-odds, the number before the softmax) falls without it. +1 multiplies the odds of spam by e ≈ 2.7.'),
  );
  const area = testId(el('textarea', 'text-input'), 'spam-text');
  area.rows = 7;
  area.spellcheck = false;
  area.value = SAMPLES['Spam-like'];
  const samples = el('div', 'actions');
  samples.append(el('span', 'caption', t('Examples:')));
  // The samples stay English (the model learnt English mail); their buttons' labels are translated.
  const sampleLabels: Record<string, string> = { 'Spam-like': t('Spam-like'), Ordinary: t('Ordinary'), Mixed: t('Mixed') };
  for (const [label, text] of Object.entries(SAMPLES)) {
    samples.append(button(sampleLabels[label] ?? label, { appearance: 'secondary', testId: `sample-${label.toLowerCase()}`, onClick: () => { area.value = text; schedule(); } }));
  }

  const gauge = testId(el('div', 'spam-gauge'), 'spam-result');
  const gaugeValue = testId(el('div', 'big-number', '—'), 'spam-probability');
  const gaugeTrack = el('div', 'gauge-track');
  const gaugeFill = el('div', 'gauge-fill');
  gaugeTrack.append(gaugeFill);
  const verdict = el('div', 'verdict', '');
  gauge.append(el('span', 'caption', t('Spam probability')), gaugeValue, gaugeTrack, verdict);

  const highlighted = testId(el('div', 'highlighted'), 'spam-highlighted');
  const towardsSpam = testId(el('ol', 'effects spam'), 'words-spam');
  const towardsHam = testId(el('ol', 'effects ham'), 'words-ham');
  const lists = el('div', 'effect-lists');
  const l1 = el('section', 'card');
  l1.append(el('h3', undefined, t('Pushed towards spam')), towardsSpam);
  const l2 = el('section', 'card');
  l2.append(el('h3', undefined, t('Pushed towards not spam')), towardsHam);
  lists.append(l1, l2);
  const note = el('p', 'caption', t('Trained on the SpamAssassin public corpus (2002): old spam vocabulary and HTML carry much of the signal, so expect weaker judgement on modern mail.'));

  const top = el('div', 'text-layout');
  const left = el('div');
  left.append(area, samples);
  top.append(left, gauge);
  element.append(intro, top, el('h3', undefined, t('The message as the model weighs it')), highlighted, lists, note);

  const classify = new Latest<string>(async (text) => {
    try {
      const session = await ctx.models.session('spam-bow');
      const batch = ablationBatch(text, MAX_ABLATIONS);
      const out = await run(session, { [session.inputNames[0]]: float32(batch.features, [batch.rows, SPAM_BUCKETS]) });
      const score = spamLogOdds(floats(out[session.outputNames[0]], 'logits'), batch.rows);
      render(text, probabilityOf(score[0]), batch.all.length === 0 ? [] : wordEffects(text, batch, score), batch.all.length > batch.ablated.length);
    } catch (e) {
      gaugeValue.textContent = '—';
      verdict.textContent = t('The spam model could not run: {0}', describeError(e));
    }
  });

  function render(text: string, p: number, effects: WordEffect[], truncated: boolean): void {
    gaugeValue.textContent = pct(p, 1);
    gauge.dataset.p = String(p);
    gaugeFill.style.width = `${p * 100}%`;
    gauge.classList.toggle('is-spam', p >= 0.5);
    verdict.textContent = text.trim() === '' ? t('Type something.') : p >= 0.5 ? t('Looks like spam') : t('Looks like ordinary mail');
    const byBucket = new Map(effects.map((e) => [e.bucket, e.effect]));
    const strongest = Math.max(0.5, ...effects.map((e) => Math.abs(e.effect)));
    const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
    highlighted.replaceChildren();
    for (const s of textSpans(text)) {
      const effect = s.bucket === null ? undefined : byBucket.get(s.bucket);
      if (effect === undefined) { highlighted.append(s.text); continue; }
      const span = el('span', effect >= 0 ? 'word to-spam' : 'word to-ham', s.text);
      span.style.setProperty('--strength', String(Math.min(1, Math.abs(effect) / strongest)));
      const without = effects.find((e) => e.bucket === s.bucket)!.without;
      span.title = t('{0}: {1} log-odds; without it the spam probability would be {2}', String(s.token), signed(effect), pct(probabilityOf(without), 1));
      highlighted.append(span);
    }
    const list = (target: HTMLElement, items: WordEffect[]): void => {
      target.replaceChildren(...items.map((e) => {
        const li = el('li');
        li.title = t('Without it: {0} spam', pct(probabilityOf(e.without), 1));
        li.append(el('span', 'word-name', e.words.join(' / ')), el('span', 'caption', signed(e.effect)));
        return li;
      }));
      if (items.length === 0) target.append(el('li', 'caption', t('none')));
    };
    const sorted = [...effects].sort((a, b) => b.effect - a.effect);
    list(towardsSpam, sorted.filter((e) => e.effect > 0.005).slice(0, 8));
    list(towardsHam, sorted.filter((e) => e.effect < -0.005).reverse().slice(0, 8));
    note.hidden = false;
    if (truncated) verdict.textContent += t(' (effects shown for the first {0} distinct words)', MAX_ABLATIONS);

  }

  let timer = 0;
  function schedule(): void {
    clearTimeout(timer);
    timer = window.setTimeout(() => classify.push(area.value), DEBOUNCE_MS);
  }
  area.addEventListener('input', schedule);
  // Ctrl/Cmd+A would otherwise bubble to the webview host, which round-trips a "select all" through
  // the editor: arriving late, it selected and then replaced the first keys typed after clearing.
  // The textarea's own select-all is immediate.
  area.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') e.stopPropagation();
  });
  let started = false;
  return {
    id: 'text',
    element,
    shown: () => {
      if (!started) { started = true; classify.push(area.value); }
    },
  };
}
