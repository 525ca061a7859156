// Caps on the texts a check's result carries (a test's message, its traceback, a test name), so a
// test that fails with a 50 MB message yields an outcome of a few kilobytes that workspace state
// can store and a webview message can carry. The cut text says how much was left out. Pure.
import { failure, type Failure, type Outcome } from './outcome';

export const TEXT_CAPS = {
  /** A headline or a failure's message: what the lab shows first. */
  message: 2_000,
  /** A failure's traceback / long report. */
  details: 20_000,
  /** A test's node id, a file name. */
  name: 500,
  /** Failures kept per outcome; the rest are counted in the last one. */
  failures: 100,
} as const;

/** `text` itself when within `max` characters, else its start and "… (N more characters)". */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let keep = Math.max(0, max);
  // Never cut a surrogate pair in two.
  const last = text.charCodeAt(keep - 1);
  if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep--;
  return `${text.slice(0, keep)}… (${(text.length - keep).toLocaleString('en-US')} more characters)`;
}

export function capFailure(f: Failure): Failure {
  return failure(capText(f.name, TEXT_CAPS.name), capText(f.message, TEXT_CAPS.message), capText(f.details ?? '', TEXT_CAPS.details));
}

/** The outcome with every text capped and at most TEXT_CAPS.failures failures. */
export function capOutcome(o: Outcome): Outcome {
  const failures = o.failures.slice(0, TEXT_CAPS.failures).map(capFailure);
  const more = o.failures.length - failures.length;
  if (more > 0) failures.push(failure('', `… and ${more.toLocaleString('en-US')} more failures`));
  return { status: o.status, headline: capText(o.headline, TEXT_CAPS.message), failures };
}
