// The one place that turns markdown into an mdast tree, so every parser sees the same dialect.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';

function createProcessor(): Processor<Root> {
  return unified().use(remarkParse).use(remarkGfm).freeze();
}

// Built on first use: the parser bundle is loaded lazily and should stay cheap until needed.
let processor: Processor<Root> | undefined;

/**
 * Strips a byte-order mark and turns CRLF / CR into LF. Line numbers are unchanged and offsets
 * into the result line up with the mdast positions, which source slicing relies on.
 */
export function normalizeText(text: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever it is becomes some text, never a throw
  const s = typeof text === 'string' ? text : text == null ? '' : String(text);
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Parses normalized markdown (CommonMark + GFM). Only syntax trees: no plugins run. */
export function parseMarkdown(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text);
}
