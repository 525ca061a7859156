// Ten horizontal bars, one per digit, with the predicted digit called out. The prediction is also
// written to data attributes (data-predicted, data-confidence) for tests and screen readers.
import { el, pct, testId } from '../dom';
import { t } from '../../l10n';

export class ProbabilityBars {
  readonly element: HTMLElement;
  private readonly fills: HTMLElement[] = [];
  private readonly values: HTMLElement[] = [];
  private readonly rows: HTMLElement[] = [];
  private readonly prediction: HTMLElement;
  private readonly note: HTMLElement;

  constructor(id: string, title: string, subtitle: string) {
    this.element = testId(el('section', 'bars'), id);
    const head = el('header', 'bars-head');
    const titles = el('div');
    titles.append(el('h3', undefined, title), el('span', 'caption', subtitle));
    this.prediction = testId(el('div', 'prediction', '·'), `${id}-prediction`);
    head.append(titles, this.prediction);
    const list = el('div', 'bar-list');
    for (let d = 0; d < 10; d++) {
      const row = el('div', 'bar-row');
      const track = el('div', 'bar-track');
      const fill = el('div', 'bar-fill');
      track.append(fill);
      const value = el('span', 'bar-value', '');
      row.append(el('span', 'bar-label', String(d)), track, value);
      list.append(row);
      this.rows.push(row);
      this.fills.push(fill);
      this.values.push(value);
    }
    this.note = el('p', 'caption bars-note', t('Draw a digit to see its probabilities.'));
    this.element.append(head, list, this.note);
    this.set(null);
  }

  /** Shows ten probabilities, or clears the bars (null) with an optional note. */
  set(probabilities: ArrayLike<number> | null, note?: string): void {
    let best = -1;
    if (probabilities) {
      for (let d = 0; d < 10; d++) if (best < 0 || probabilities[d] > probabilities[best]) best = d;
    }
    for (let d = 0; d < 10; d++) {
      const p = probabilities ? probabilities[d] : 0;
      this.fills[d].style.width = `${Math.max(0, Math.min(1, p)) * 100}%`;
      this.values[d].textContent = probabilities ? pct(p, 1) : '';
      this.rows[d].classList.toggle('best', d === best);
    }
    this.prediction.textContent = best >= 0 ? String(best) : '·';
    if (best >= 0) {
      this.element.dataset.predicted = String(best);
      this.element.dataset.confidence = String(probabilities![best]);
    } else {
      delete this.element.dataset.predicted;
      delete this.element.dataset.confidence;
    }
    this.note.textContent = note ?? (probabilities ? '' : t('Draw a digit to see its probabilities.'));
    this.note.hidden = !this.note.textContent;
  }
}
