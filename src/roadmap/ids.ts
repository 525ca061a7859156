// Stable `{#id}` markers: splitting them off titles, validating them (the one id pattern of
// src/shared/safePath.ts), and keeping them unique.
import type { Diagnostic, SourceRange } from './model';
import { error, formatLocation } from './diagnostics';
import { isValidId } from '../shared/safePath';

// `{#...}` at the very end; anything but braces is captured so a bad id can be named in the message.
const TRAILING_ID = /\s*\{#([^{}]*)\}\s*$/;

export interface TitleAndId {
  /** The title with the marker removed and whitespace collapsed. */
  readonly title: string;
  /** The raw id text, or `undefined` when there is no `{#...}` marker. */
  readonly id: string | undefined;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function splitTrailingId(text: string): TitleAndId {
  const match = TRAILING_ID.exec(text);
  if (!match) return { title: collapseWhitespace(text), id: undefined };
  return { title: collapseWhitespace(text.slice(0, match.index)), id: match[1] };
}

/**
 * The `{#…}` id at the end of a node's markdown source, exactly as written: markdown inside it is
 * not interpreted (`{#__proto__}` is `__proto__`, not the bold `proto`). An ATX heading's closing
 * `#`s are ignored. `undefined` when the source does not end with a marker.
 */
export function sourceTrailingId(source: string): string | undefined {
  return TRAILING_ID.exec(source.replace(/[ \t]+#+[ \t]*$/, ''))?.[1];
}

/**
 * Checks an item's raw id and reports `missing-id` / `invalid-id`.
 * Returns the id when it can be used, `undefined` when the item must be left out.
 */
export function checkId(
  what: string,
  title: string,
  rawId: string | undefined,
  at: { readonly item: SourceRange; readonly marker: SourceRange },
  out: Diagnostic[],
): string | undefined {
  const name = title ? `${what} "${title}"` : `This ${what.toLowerCase()}`;
  if (rawId === undefined) {
    out.push(error('missing-id', `${name} has no id: end it with {#some-id}`, at.item));
    return undefined;
  }
  if (!isValidId(rawId)) {
    out.push(
      error(
        'invalid-id',
        `Invalid id "${rawId}": use lowercase letters, digits and dashes, starting with a letter or digit`,
        at.marker,
      ),
    );
    return undefined;
  }
  return rawId;
}

/** Remembers where each id was first used, to report later uses as duplicates. */
export class IdRegistry {
  private readonly seen = new Map<string, { what: string; range: SourceRange }>();

  /**
   * Claims `id` for the item at `range`; returns false (and reports `duplicate-id` at `reportAt`)
   * when an earlier item has it.
   */
  claim(id: string, what: string, range: SourceRange, out: Diagnostic[], reportAt: SourceRange = range): boolean {
    const first = this.seen.get(id);
    if (first) {
      out.push(
        error(
          'duplicate-id',
          `Duplicate id "${id}": already used by the ${first.what.toLowerCase()} at ${formatLocation(first.range)}`,
          reportAt,
        ),
      );
      return false;
    }
    this.seen.set(id, { what, range });
    return true;
  }
}
