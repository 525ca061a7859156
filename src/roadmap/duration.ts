// `Duration: N weeks` / `N-M weeks` / `Ongoing` → a week range.
import type { Duration } from './model';

const PREFIX = /^duration\s*:/i;
const SINGLE = /^(\d{1,4})\s+weeks?$/i;
// A hyphen, en dash or "to" between the two numbers.
const RANGE = /^(\d{1,4})\s*(?:-|\u2013|to)\s*(\d{1,4})\s+weeks?$/i;

/** True when a paragraph's text is a `Duration:` line (valid or not). */
export function isDurationLine(text: string): boolean {
  return PREFIX.test(text.trim());
}

/** Parses the text after `Duration:`; `undefined` when it is not one of the allowed forms. */
export function parseDurationValue(value: string): Duration | undefined {
  const text = value.replace(/\s+/g, ' ').trim();
  if (/^ongoing$/i.test(text)) return { text };
  const single = SINGLE.exec(text);
  if (single) {
    const weeks = Number(single[1]);
    return weeks > 0 ? { text, minWeeks: weeks, maxWeeks: weeks } : undefined;
  }
  const range = RANGE.exec(text);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    return min > 0 && min <= max ? { text, minWeeks: min, maxWeeks: max } : undefined;
  }
  return undefined;
}

/** The part of a `Duration:` line after the colon. */
export function durationValue(line: string): string {
  return line.trim().replace(PREFIX, '').trim();
}
